package coffer.server.card;

import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.gateway.PaymentProvider.SavedCard;
import coffer.server.gateway.ProviderEvent;
import coffer.server.gateway.ProviderEventHandler;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Outcome;
import coffer.server.topup.Topup;
import coffer.server.topup.TopupService;
import com.google.gson.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cards users saved at a checkout ("save this card"): listed, removed, and charged again without a
 * page (seed 002's "charge saved card"), the charge being a top-up of the given wallet, credited
 * exactly once. Another user's card, or a removed one, is NOT_FOUND. Every surface (user API, Java
 * library) goes through this class.
 */
public final class SavedCards {
    private final CardStore cards;
    private final TopupService topups;
    private final Clock clock;

    public SavedCards(Database database, TopupService topups, Clock clock) {
        this.cards = new CardStore(database);
        this.topups = Objects.requireNonNull(topups, "topups");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller's saved cards, oldest first. */
    public List<Card> list(Principal p) {
        return cards.active(p.envId(), p.userId());
    }

    /** Forgets a saved card; NOT_FOUND when it is not the caller's. */
    public void remove(Principal p, String cardId) {
        if (!cards.remove(p.envId(), p.userId(), cardId)) {
            throw notFound(cardId);
        }
    }

    /** Charges the caller's saved card again into a wallet: a top-up, credited once. */
    public Outcome<Topup> charge(Principal p, String cardId, CardChargeRequest request, IdempotencyKey key) {
        Card card = cards.owned(p.envId(), p.userId(), cardId).orElseThrow(() -> notFound(cardId));
        return topups.chargeSavedCard(p, card.id(), card.authorizationCode(), request, key);
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

    private static CofferException notFound(String id) {
        return new CofferException(ErrorCode.NOT_FOUND, "Card " + id + " was not found.", Map.of("card_id", id));
    }
}
