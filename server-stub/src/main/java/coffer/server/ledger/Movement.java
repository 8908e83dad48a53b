package coffer.server.ledger;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;

import java.time.Instant;

/**
 * A movement of money as users and partners see it: one row of history. Its postings in the ledger are
 * what balances are made of; this is the readable summary.
 *
 * @param debitAccount  the account money leaves
 * @param creditAccount the account money reaches
 * @param holdId        the hold behind a two-phase movement, or null
 * @param originalId    for a refund or reversal, the movement it undoes; else null
 * @param refunded      how much of this movement has been refunded so far
 * @param reference     the partner's reference (an order or product id), or null
 * @param metadata      the partner's free-form data as JSON text, or null
 * @param failureReason an {@link coffer.core.error.ErrorCode} name or a short reason, for failed movements
 * @param initiatedBy   the member who moved money out of an organization's wallet, else null
 */
public record Movement(String id, String envId, TransactionKind kind, TransactionStatus status, Money amount,
                       String debitAccount, String creditAccount, String holdId, String originalId, Money refunded,
                       String reference, String description, String metadata, String failureReason,
                       Instant createdAt, Instant completedAt, String initiatedBy) {

    /** What is left to refund. */
    public Money refundable() {
        return amount.minus(refunded);
    }
}
