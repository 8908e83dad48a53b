package coffer.server.card;

import coffer.server.http.RateLimited;
import coffer.server.http.NoRateLimit;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.CardList;
import coffer.core.api.TopupTypes.CardView;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.topup.TopupRoutes;
import coffer.server.topup.TopupService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /api/v1/cards}: the HTTP side of {@link SavedCards}. */
public record CardRoutes(SavedCards cards, TopupService topups) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/cards", this::list);
        routes.delete("/api/v1/cards/{id}", this::remove, NoRateLimit.because("forgets one of the caller's saved cards"));
        routes.post("/api/v1/cards/{id}/charges", this::charge, RateLimited.MONEY);
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(new CardList(cards.list(p).stream().map(CardRoutes::view).toList()));
    }

    private void remove(Context ctx) {
        cards.remove(Requests.principal(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void charge(Context ctx) {
        Principal p = Requests.principal(ctx);
        String id = ctx.pathParam("id");
        CardChargeRequest r = Requests.body(ctx, CardChargeRequest.class);
        TopupRoutes.answer(ctx, topups, cards.charge(p, id, r, Requests.idempotencyKey(ctx, p)));
    }

    private static CardView view(Card c) {
        return new CardView(c.id(), c.brand(), c.last4(), c.expMonth(), c.expYear(), c.createdAt().toString());
    }
}
