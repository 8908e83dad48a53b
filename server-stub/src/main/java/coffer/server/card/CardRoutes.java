package coffer.server.card;

import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.CardList;
import coffer.core.api.TopupTypes.CardView;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.gateway.PaymentProvider.SavedCard;
import coffer.server.gateway.ProviderEvent;
import coffer.server.gateway.ProviderEventHandler;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.topup.Topup;
import coffer.server.topup.TopupRoutes;
import coffer.server.topup.TopupService;
import com.google.gson.JsonObject;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/cards}: cards the user saved at a checkout ("save this card"), listed, removed, and
 * charged again without a page (seed 002's "charge saved card"): the charge is a top-up of the given
 * wallet, credited exactly once. Another user's card, or a removed one, is NOT_FOUND.
 */
public final class CardRoutes implements HttpApi.Routes {
    private final CardStore cards;
    private final TopupService topups;
    private final Clock clock;

    public CardRoutes(Database database, TopupService topups, Clock clock) {
        this.cards = new CardStore(database);
        this.topups = topups;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/cards", this::list);
        routes.delete("/api/v1/cards/{id}", this::remove);
        routes.post("/api/v1/cards/{id}/charges", this::charge);
    }

    /** Saves the card a paid checkout carries, for the top-up's user, when they asked to save it. */
    public ProviderEventHandler events() {
        return new ProviderEventHandler() {
            @Override
            public Set<String> types() {
                return Set.of("checkout.paid");
            }

            @Override
            public boolean handle(ProviderEvent event) {
                JsonObject card = event.data().has("card") && event.data().get("card").isJsonObject()
                        ? event.data().getAsJsonObject("card") : null;
                String reference = event.string("reference");
                Topup topup = card == null || reference == null ? null : topups.find(reference).orElse(null);
                if (topup != null && topup.saveCard()) {
                    cards.save(topup.envId(), topup.userId(), new SavedCard(card.get("authorization_code").getAsString(),
                            card.get("brand").getAsString(), card.get("last4").getAsString(), card.get("exp_month").getAsInt(),
                            card.get("exp_year").getAsInt()), clock.instant());
                }
                return true;
            }
        };
    }

    private void list(Context ctx) {
        Principal p = Requests.principal(ctx);
        ctx.json(new CardList(cards.active(p.envId(), p.userId()).stream().map(CardRoutes::view).toList()));
    }

    private void remove(Context ctx) {
        Principal p = Requests.principal(ctx);
        String id = ctx.pathParam("id");
        if (!cards.remove(p.envId(), p.userId(), id)) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    private void charge(Context ctx) {
        Principal p = Requests.principal(ctx);
        String id = ctx.pathParam("id");
        CardStore.Card card = cards.owned(p.envId(), p.userId(), id).orElseThrow(() -> notFound(id));
        CardChargeRequest r = Requests.body(ctx, CardChargeRequest.class);
        TopupRoutes.answer(ctx, topups, topups.chargeSavedCard(p, card.id(), card.authorizationCode(), r,
                Requests.idempotencyKey(ctx, p)));
    }

    private static CofferException notFound(String id) {
        return new CofferException(ErrorCode.NOT_FOUND, "Card " + id + " was not found.", Map.of("card_id", id));
    }

    private static CardView view(CardStore.Card c) {
        return new CardView(c.id(), c.brand(), c.last4(), c.expMonth(), c.expYear(), c.createdAt().toString());
    }
}
