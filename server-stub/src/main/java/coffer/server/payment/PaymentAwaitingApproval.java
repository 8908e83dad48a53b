package coffer.server.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment from an organization's wallet that waits for an owner's or admin's decision, as the organization's
 * approvals list shows it.
 *
 * @param initiatorEmail the email of the member who made it ({@link Payment#initiatedBy()}), or null for a user
 *                       known only by a partner's id
 * @param expiresAt      when its hold expires, and the payment with it, if nobody decides
 */
public record PaymentAwaitingApproval(Payment payment, String initiatorEmail, Instant expiresAt) {
    public PaymentAwaitingApproval {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
