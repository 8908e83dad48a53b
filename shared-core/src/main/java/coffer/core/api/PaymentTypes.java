package coffer.core.api;

import java.util.List;
import java.util.Map;

/** Bodies of {@code /api/v1/payments/...} (seed 003's shape). */
public final class PaymentTypes {
    /**
     * The status of a payment from an organization's wallet above its approval threshold, until an owner or admin
     * decides on it; a payment's only status that is not a {@link coffer.core.ledger.TransactionStatus}.
     */
    public static final String PENDING_APPROVAL = "pending_approval";

    private PaymentTypes() {
    }

    /**
     * {@code POST /api/v1/payments}.
     *
     * @param amount         exact decimal text (a JSON number or string on the wire)
     * @param destination    an email address or a wallet id
     * @param metadata       free-form partner data, stored and returned as given; may be null
     */
    public record PaymentRequest(String amount, String currency, String sourceWalletId, String destination,
                                 String description, Map<String, Object> metadata) {
    }

    /**
     * A payment: the answer to POST (201) and GET.
     *
     * @param status        {@code pending}, {@code processing}, {@code completed} or {@code failed}; a payment
     *                      from an organization's wallet above its approval threshold is
     *                      {@code pending_approval} until an owner or admin approves it (then {@code pending}) or
     *                      rejects it ({@code failed})
     * @param completedAt   ISO-8601 instant, null until completed
     * @param failureReason the {@link coffer.core.error.ErrorCode} name, null unless failed
     * @param initiatedBy   the member who paid from an organization's wallet, else null
     * @param approvedBy    the owner or admin who approved it, when it needed approval and got it; else null
     */
    public record PaymentView(String paymentId, String status, String amount, String currency,
                              String sourceWalletId, String destination, String description,
                              Map<String, Object> metadata, String transactionId, String createdAt,
                              String completedAt, String failureReason, String initiatedBy, String approvedBy) {
        /** A payment from the payer's own wallet. */
        public PaymentView(String paymentId, String status, String amount, String currency, String sourceWalletId,
                           String destination, String description, Map<String, Object> metadata, String transactionId,
                           String createdAt, String completedAt, String failureReason) {
            this(paymentId, status, amount, currency, sourceWalletId, destination, description, metadata, transactionId,
                    createdAt, completedAt, failureReason, null, null);
        }
    }

    /**
     * {@code GET /api/v1/payments}: the caller's payments, newest first.
     *
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     */
    public record PaymentList(List<PaymentView> payments, String nextCursor) {
        public PaymentList {
            payments = List.copyOf(payments);
        }
    }

    /** {@code POST /api/v1/payments/batch}: up to 100 payments, each placed or refused on its own. */
    public record PaymentBatchRequest(List<PaymentRequest> payments) {
        public PaymentBatchRequest {
            payments = List.copyOf(payments);
        }
    }

    /**
     * The outcome of one payment of a batch.
     *
     * @param index   its position in the request, from 0
     * @param status  the HTTP status it would have had on its own: 201, or its error's status
     * @param payment the payment when placed, else null
     * @param error   the refusal ({@code code} and {@code message}) when refused, else null
     */
    public record PaymentBatchResult(int index, int status, PaymentView payment, ErrorBody.Detail error) {
    }

    /**
     * The answer to a batch: one result per requested payment, in order.
     *
     * @param succeeded how many were placed
     * @param failed    how many were refused
     */
    public record PaymentBatchResponse(List<PaymentBatchResult> results, int succeeded, int failed) {
        public PaymentBatchResponse {
            results = List.copyOf(results);
        }
    }
}
