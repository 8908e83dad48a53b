package coffer.core.api;

import java.util.List;

/** Bodies of {@code /api/v1/withdrawals}. */
public final class WithdrawalTypes {
    /**
     * The status of a withdrawal from an organization's wallet above its approval threshold, its money held, until
     * an owner or admin approves it ({@code POST /api/v1/withdrawals/{id}/approve}: then {@code pending}, paid out as
     * usual) or rejects it ({@code /reject}: {@code failed}, reason {@code rejected}); the same word as a payment's.
     */
    public static final String PENDING_APPROVAL = PaymentTypes.PENDING_APPROVAL;

    private WithdrawalTypes() {
    }

    /**
     * {@code POST /api/v1/withdrawals}; {@code amount} is exact decimal text.
     *
     * @param bankAccountId a saved account; null to pay out through the provider's payout page
     * @param description   up to 500 characters, or null
     * @param returnUrl     where the payout page sends the user afterwards; null for Coffer's own
     *                      {@code /withdrawals/{id}/done} page
     */
    public record WithdrawalRequest(String walletId, String amount, String currency, String bankAccountId,
                                    String description, String returnUrl) {
    }

    /**
     * A withdrawal: the answer to POST (201) and GET.
     *
     * @param status        {@link #PENDING_APPROVAL}, {@code pending}, {@code succeeded} or {@code failed} (the money back
     *                      in the wallet; reason {@code rejected} or {@code expired} for one nobody approved)
     * @param url           the provider's payout page, for a withdrawal without a saved account; else null
     * @param transactionId the hold on the wallet in the ledger (and in the user's history)
     * @param failureReason why it failed, or null
     * @param completedAt   ISO-8601 instant it finished, or null while pending
     */
    public record WithdrawalView(String withdrawalId, String status, String url, String walletId, String amount,
                                 String currency, String bankAccountId, String transactionId, String description,
                                 String failureReason, String createdAt, String completedAt) {
    }

    /**
     * {@code GET /api/v1/withdrawals}: the caller's withdrawals, newest first.
     *
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     */
    public record WithdrawalList(List<WithdrawalView> withdrawals, String nextCursor) {
        public WithdrawalList {
            withdrawals = withdrawals == null ? List.of() : List.copyOf(withdrawals);
        }
    }
}
