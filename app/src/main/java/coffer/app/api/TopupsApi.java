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
    TopupView topup(String idempotencyKey, TopupRequest request);
    TopupView topupStatus(String topupId);
    List<CardView> cards();
    TopupView chargeCard(String idempotencyKey, String cardId, CardChargeRequest request);
    void removeCard(String cardId);
}
