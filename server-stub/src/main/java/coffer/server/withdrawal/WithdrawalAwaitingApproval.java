package coffer.server.withdrawal;

import java.time.Instant;
import java.util.Objects;

/**
 * A withdrawal from an organization's wallet that waits for an owner's or admin's decision, as the organization's
 * approvals list shows it.
 *
 * @param initiatorEmail the email of the member who asked for it ({@link Payout#userId()}), or null for a user
 *                       known only by a partner's id
 * @param expiresAt      when its hold expires, and the withdrawal fails with it, if nobody decides
 */
public record WithdrawalAwaitingApproval(Payout withdrawal, String initiatorEmail, Instant expiresAt) {
    public WithdrawalAwaitingApproval {
        Objects.requireNonNull(withdrawal, "withdrawal");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
