package coffer.server.withdrawal;

import coffer.core.api.WithdrawalTypes;

import coffer.core.money.Money;

import java.time.Instant;

/**
 * A withdrawal or settlement: money held in a wallet and paid out by the provider.
 *
 * @param bankAccountId   the saved account paid to; null when the user gives one on the provider's page ({@code url})
 * @param scheduleId      the settlement schedule whose run made it, or null
 * @param holdId          the ledger hold placed on the wallet toward the provider-clearing account
 * @param transactionId   the hold's movement in the ledger (and in the user's history)
 * @param providerPayoutId the provider's id for the payout, once it has one
 * @param approval        whether a withdrawal from an organization's wallet needs (or needed) an owner's or admin's
 *                        approval, and their decision
 * @param decidedBy       the owner or admin who approved or rejected it, else null
 * @param returnUrl       where the payout page sends the user, as the order named it (null: Coffer's own page)
 */
public record Payout(String id, PayoutKind kind, String envId, String userId, String walletId, String bankAccountId,
                     String scheduleId, Money amount, PayoutStatus status, String holdId, String transactionId,
                     String providerPayoutId, String url, String description, String failureReason, Instant createdAt,
                     Instant finishedAt, PayoutApproval approval, String decidedBy, String returnUrl) {

    /** Why a withdrawal nobody approved in time failed. */
    public static final String EXPIRED = "expired";
    /** Why a rejected withdrawal failed. */
    public static final String REJECTED = "rejected";

    /** Whether it waits for an owner's or admin's approval, its money held: the provider has not been asked. */
    public boolean awaitingApproval() {
        return approval == PayoutApproval.PENDING && status == PayoutStatus.PENDING;
    }

    /**
     * Its status as every surface reports it (the user API, the partner API, the Java library):
     * {@link WithdrawalTypes#PENDING_APPROVAL} while it {@linkplain #awaitingApproval() awaits approval}, else
     * {@code pending}, {@code succeeded} or {@code failed}.
     */
    public String statusWire() {
        return awaitingApproval() ? WithdrawalTypes.PENDING_APPROVAL : status.wire();
    }

    Payout withStatus(PayoutStatus s, String reason, Instant at) {
        return decided(approval, decidedBy, s, reason, at);
    }

    Payout decided(PayoutApproval decision, String actor, PayoutStatus s, String reason, Instant at) {
        return new Payout(id, kind, envId, userId, walletId, bankAccountId, scheduleId, amount, s, holdId, transactionId,
                providerPayoutId, url, description, reason, createdAt, at, decision, actor, returnUrl);
    }
}
