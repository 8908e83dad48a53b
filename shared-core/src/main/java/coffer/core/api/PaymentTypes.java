package coffer.core.api;

import java.util.Map;

/** Bodies of {@code /api/v1/payments/...} (seed 003's shape). */
public final class PaymentTypes {
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
     * @param status        {@code pending}, {@code processing}, {@code completed} or {@code failed}
     * @param completedAt   ISO-8601 instant, null until completed
     * @param failureReason the {@link coffer.core.error.ErrorCode} name, null unless failed
     */
    public record PaymentView(String paymentId, String status, String amount, String currency,
                              String sourceWalletId, String destination, String description,
                              Map<String, Object> metadata, String transactionId, String createdAt,
                              String completedAt, String failureReason) {
    }
}
