package coffer.server.topup;

import coffer.core.money.Money;

import java.time.Instant;

/**
 * A top-up as stored: money a user pays in by card, at the provider's checkout page ({@code sessionId})
 * or by charging a saved card ({@code cardId}), credited to the wallet once the provider says it was paid.
 *
 * @param status       where it is; final once completed or failed
 * @param returnToCard null, or for a paid top-up the ledger refused: {@link #RETURN_DUE} until the
 *                     provider refunded the card, then {@link #RETURN_DONE}
 */
public record Topup(String id, String envId, String userId, String walletId, Money amount, TopupStatus status,
                    boolean saveCard, String cardId, String sessionId, String checkoutUrl, String chargeId,
                    String transactionId, String failureReason, Instant createdAt,
                    Instant completedAt, String returnToCard) {
    static final String RETURN_DUE = "due";
    static final String RETURN_DONE = "done";

    /** Created, but the provider has not yet answered the request that opened it. */
    boolean starting() {
        return status == TopupStatus.PENDING && sessionId == null && chargeId == null;
    }
}
