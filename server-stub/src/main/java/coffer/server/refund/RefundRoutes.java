package coffer.server.refund;

import coffer.server.http.Access;
import coffer.server.http.RateLimited;
import coffer.core.api.RefundTypes.RefundList;
import coffer.core.api.RefundTypes.RefundRequest;
import coffer.core.api.RefundTypes.RefundView;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.http.HttpApi;
import coffer.server.http.PartnerSignatures;
import coffer.server.http.QueryParams;
import coffer.server.http.Requests;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.webhook.MovementData;
import coffer.server.webhook.SignedRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/refunds} (Bearer: a user refunds money they received) and
 * {@code /api/v1/partner/refunds} (signed: a partner refunds an order). Both answer 201 with the
 * refund movement and honour {@code Idempotency-Key}.
 */
public final class RefundRoutes implements HttpApi.Routes {
    private final RefundService refunds;
    private final PartnerSignatures signatures;

    public RefundRoutes(LedgerService ledger, Database database, PartnerSignatures signatures) {
        this.refunds = new RefundService(ledger, database);
        this.signatures = signatures;
    }

    record PartnerRefundRequest(String envId, String transactionId, String amount, String reason) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/refunds", this::create, RateLimited.MONEY);
        routes.get("/api/v1/refunds", this::list);
        routes.post("/api/v1/partner/refunds", this::createForPartner, Access.SIGNED, RateLimited.PARTNER);
    }

    private void create(Context ctx) {
        Principal p = Requests.principal(ctx);
        RefundRequest r = Requests.body(ctx, RefundRequest.class);
        Requests.answer(ctx, 201, refunds.refund(p, Requests.required(r.transactionId(), "transaction_id"), r.amount(),
                r.reason(), Requests.idempotencyKey(ctx, p)), RefundRoutes::view);
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        QueryParams.requireKnown(params, Set.of("transaction_id"));
        String transactionId = QueryParams.single(params, "transaction_id");
        if (transactionId == null) {
            throw QueryParams.invalid("transaction_id", "'transaction_id' is required.");
        }
        ctx.json(new RefundList(refunds.refundsOf(p, transactionId).stream().map(RefundRoutes::view).toList()));
    }

    private void createForPartner(Context ctx) {
        PartnerRefundRequest r = SignedRequests.retryableBody(ctx, signatures, PartnerRefundRequest.class);
        IdempotencyKey key = IdempotencyKey.ofNullable("env:" + r.envId() + "/partner", ctx.header(Requests.IDEMPOTENCY_KEY));
        Requests.answer(ctx, 201, refunds.refundOrder(r.envId(), Requests.required(r.transactionId(), "transaction_id"),
                r.amount(), r.reason(), key), MovementData::of);
    }

    /** A user's refund shows the same fields as the movement in a partner's answer or webhook. */
    private static RefundView view(Movement m) {
        MovementData d = MovementData.of(m);
        return new RefundView(d.transactionId(), d.kind(), d.status(), d.amount(), d.currency(), d.fromWalletId(),
                d.toWalletId(), d.originalTransactionId(), d.refunded(), d.reference(), d.description(),
                d.failureReason(), d.createdAt(), d.completedAt());
    }
}
