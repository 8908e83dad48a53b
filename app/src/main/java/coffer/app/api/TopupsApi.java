package coffer.app.api;

import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.CardView;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.api.TopupTypes.TopupView;
import java.util.List;

/**
 * Top-ups by card: through the provider's checkout, or charged to a saved card.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface TopupsApi {
    /** Starts a card top-up; the answer carries the provider's checkout page. The same key for a retry. */
    TopupView topup(String idempotencyKey, TopupRequest request);
    /** Where a top-up stands: the server's word, the only one the app trusts. */
    TopupView topupStatus(String topupId);
    /** Cards saved at a checkout: brand, last four digits and expiry, never the number. */
    List<CardView> cards();
    /** Charges a saved card again, without a page; the answer is the top-up it made. The same key for a retry. */
    TopupView chargeCard(String idempotencyKey, String cardId, CardChargeRequest request);
    void removeCard(String cardId);
}
