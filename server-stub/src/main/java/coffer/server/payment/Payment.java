package coffer.server.payment;

import coffer.server.ledger.engine.TxRow;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A P2P payment of the user API: the payer's request and the two-phase movement that carries it. Its
 * status, amount, times and failure reason are the movement's, read from the ledger.
 *
 * @param userId              the payer
 * @param transactionId       the movement behind the payment
 * @param holdId              the reservation on the payer's wallet until the payment settles
 * @param status              pending, processing, completed or failed
 * @param sourceWalletId      the payer's wallet
 * @param destinationWalletId the recipient's wallet the destination resolved to
 * @param destination         as the payer gave it: an email or a wallet id
 * @param metadata            the payer's free-form data as JSON text, or null
 * @param failureReason       an {@link coffer.core.error.ErrorCode} name (or "expired") once failed, else null
 * @param completedAt         when the money moved, null until completed
 * @param initiatedBy         the member who paid from an organization's wallet, else null
 * @param approval            whether it needs (or needed) an owner's or admin's approval, and their decision
 * @param decidedBy           the owner or admin who approved or rejected it, else null
 */
public record Payment(String id, String envId, String userId, String transactionId, String holdId,
                      TransactionStatus status, Money amount, String sourceWalletId, String destinationWalletId,
                      String destination, String description, String metadata, String failureReason,
                      Instant createdAt, Instant completedAt, String initiatedBy, Approval approval, String decidedBy) {

    /** Whether a payment waits for someone's approval before it settles, and what they decided. */
    public enum Approval {
        NONE, PENDING, APPROVED, REJECTED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Approval fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Whether it waits for an owner's or admin's approval, its money held: it is not settled meanwhile. */
    public boolean awaitingApproval() {
        return approval == Approval.PENDING && status == TransactionStatus.PENDING;
    }


    /**
     * The payment as its movement stands in the writer's batch. Its times are cut to the milliseconds the ledger
     * stores, so the answer when it is made (or decided) says what every later read of it says.
     */
    static Payment of(String id, String userId, String destination, TxRow tx, Approval approval, String decidedBy) {
        return new Payment(id, tx.envId, userId, tx.id, tx.holdId, tx.status, tx.amount, tx.debitAccount,
                tx.creditAccount, destination, tx.description, tx.metadata, tx.failureReason, millis(tx.createdAt),
                millis(tx.completedAt), tx.initiatedBy, approval, decidedBy);
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
