package coffer.server.topup;

import coffer.server.http.RateLimited;
import coffer.core.api.TopupTypes.TopupList;
import coffer.core.api.TopupTypes.TopupRefundRequest;
import coffer.core.api.TopupTypes.TopupRefundView;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TopupTypes.TopupView;
import coffer.server.auth.Principal;
import coffer.server.db.Keyset;
import coffer.server.http.HttpApi;
import coffer.server.http.CursorKind;
import coffer.server.http.CursorOwner;
import coffer.server.http.CursorSeal;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.ledger.Outcome;
import coffer.server.redirect.ReturnPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Set;

/**
 * {@code /api/v1/topups}: open a top-up (201 with the provider's checkout URL), one, the caller's list
 * (newest first, cursor paged), and refunds back to the card; plus the default return page. Another
 * user's top-up is NOT_FOUND, never data.
 */
public record TopupRoutes(TopupService topups, CursorSeal cursors) implements HttpApi.Routes {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/topups", this::create, RateLimited.MONEY);
        routes.get("/api/v1/topups", this::list);
        routes.get("/api/v1/topups/{id}", ctx -> ctx.json(view(topups, topups.get(Requests.principal(ctx), ctx.pathParam("id")))));
        routes.post("/api/v1/topups/{id}/refunds", this::refund, RateLimited.MONEY);
        new ReturnPage(ReturnPage.Kind.TOPUP, id -> topups.find(id).map(TopupRoutes::returnOutcome)).register(routes);
    }

    private void create(Context ctx) {
        Principal p = Requests.principal(ctx);
        TopupRequest r = Requests.body(ctx, TopupRequest.class);
        answer(ctx, topups, topups.create(p, r, Requests.idempotencyKey(ctx, p)));
    }

    /** Answers 201 with the top-up, marking a stored replay. */
    public static void answer(Context ctx, TopupService topups, Outcome<Topup> outcome) {
        Requests.answer(ctx, 201, outcome, t -> view(topups, t));
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        var params = ctx.queryParamMap();
        QueryParams.requireKnown(params, Set.of("cursor", "limit"));
        CursorOwner owner = CursorOwner.of(p);
        Keyset.Page<Topup> page = topups.page(p, cursors.open(owner, CursorKind.TOPUPS, QueryParams.cursor(params)),
                QueryParams.limit(params, DEFAULT_PAGE, MAX_PAGE));
        ctx.json(new TopupList(page.rows().stream().map(t -> view(topups, t)).toList(),
                cursors.seal(owner, CursorKind.TOPUPS, page.next())));
    }

    private void refund(Context ctx) {
        Principal p = Requests.principal(ctx);
        String amount = ctx.body().isBlank() ? null : Requests.body(ctx, TopupRefundRequest.class).amount();
        TopupService.RefundDone done = topups.refund(p, ctx.pathParam("id"), amount, Requests.idempotencyKey(ctx, p));
        if (done.replayed()) {
            ctx.header(Requests.REPLAYED, "true");
        }
        var m = done.movement();
        ctx.status(201).json(new TopupRefundView(m.id(), ctx.pathParam("id"), m.status().wire(), m.amount().toDecimalString(),
                m.amount().currencyCode(), done.providerRefund().id(), m.createdAt().toString()));
    }

    /** A top-up as the user API shows it. */
    static TopupView view(TopupService topups, Topup t) {
        return new TopupView(t.id(), t.status().wire(), t.checkoutUrl(), t.walletId(), t.amount().toDecimalString(),
                t.amount().currencyCode(), t.cardId(), t.transactionId(), topups.refunded(t).toDecimalString(),
                t.failureReason(), t.createdAt().toString(), t.completedAt() == null ? null : t.completedAt().toString());
    }

    /** What the return page says of a top-up: paid, failed, expired, or pending and refreshing itself. */
    private static ReturnPage.Outcome returnOutcome(Topup t) {
        if (t.status() == TopupStatus.COMPLETED) {
            return new ReturnPage.Outcome("paid", "Payment received, you can close this window.", false);
        }
        if (t.status() == TopupStatus.FAILED) {
            return "expired".equals(t.failureReason())
                    ? new ReturnPage.Outcome("expired", "The payment page expired before the payment was made. Nothing was charged;"
                    + " you can close this window.", false)
                    : new ReturnPage.Outcome("failed", "The payment failed. Nothing was charged; you can close this window.", false);
        }
        return new ReturnPage.Outcome("pending", "Waiting for the payment to be confirmed...", true);
    }
}
