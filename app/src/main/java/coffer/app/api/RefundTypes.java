package coffer.app.api;

import java.util.List;

/**
 * Bodies of {@code /api/v1/refunds}, as the server's {@code /openapi.json} describes them (shared-core
 * does not carry these yet).
 */
public final class RefundTypes {
    private RefundTypes() {
    }

    /**
     * {@code POST /api/v1/refunds}: a user refunds money that reached one of their wallets.
     *
     * @param amount exact decimal in the transaction's currency; null for all that is left
     * @param reason becomes the refund's description; null for "Refund"
     */
    public record RefundRequest(String transactionId, String amount, String reason) {
    }

    /**
     * A refund movement.
     *
     * @param originalTransactionId the movement it sends money back for
     * @param refunded              how much of this movement itself has been refunded (zero for a refund)
     */
    public record RefundView(String transactionId, String kind, String status, String amount, String currency,
                             String fromWalletId, String toWalletId, String originalTransactionId, String refunded,
                             String reference, String description, String failureReason, String createdAt,
                             String completedAt) {
    }

    /** {@code GET /api/v1/refunds?transaction_id=}: the refunds of one movement, oldest first. */
    public record RefundList(List<RefundView> refunds) {
        public RefundList {
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
        }
    }
}
