package coffer.core.api;

import java.util.List;

/** Bodies of {@code /api/v1/refunds}: a user sends back money that reached one of their wallets. */
public final class RefundTypes {
    private RefundTypes() {
    }

    /**
     * {@code POST /api/v1/refunds} (with an {@code Idempotency-Key}).
     *
     * @param amount exact decimal text in the transaction's currency; null for all that is left to refund
     * @param reason becomes the refund's description; null for "Refund"
     */
    public record RefundRequest(String transactionId, String amount, String reason) {
    }

    /**
     * A refund movement: the answer to POST (201) and one entry of the list. Amounts are decimal text in
     * the movement's currency, times ISO-8601 UTC.
     *
     * @param fromWalletId          the wallet the money left (the refunding user's)
     * @param toWalletId            the wallet the money went back to
     * @param originalTransactionId the movement it sends money back for
     * @param refunded              how much of this movement itself has been refunded (zero for a refund)
     * @param completedAt           ISO-8601 instant it finished, or null
     */
    public record RefundView(String transactionId, String kind, String status, String amount, String currency,
                             String fromWalletId, String toWalletId, String originalTransactionId, String refunded,
                             String reference, String description, String failureReason, String createdAt,
                             String completedAt) {
    }

    /** {@code GET /api/v1/refunds?transaction_id=}: the refunds of one movement, oldest first; a missing list reads as empty. */
    public record RefundList(List<RefundView> refunds) {
        public RefundList {
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
        }
    }
}
