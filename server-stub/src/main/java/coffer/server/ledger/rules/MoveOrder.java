package coffer.server.ledger.rules;

import coffer.server.ledger.Fingerprint;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;

import java.util.Objects;

/**
 * What a movement asks for, before any rule is applied.
 *
 * @param envId         the caller's environment: both accounts must belong to it
 * @param actingUserId  when a user (not a partner) asks, the debited wallet must be theirs; else null
 * @param kind          what the movement is for
 * @param debitAccount  the account money leaves
 * @param creditAccount the account money reaches
 * @param amount        a positive amount
 * @param outgoingLimit whether the debited wallet's KYC per-transaction and daily limits apply
 * @param incomingLimit whether the credited wallet's KYC maximum balance applies
 */
public record MoveOrder(String envId, String actingUserId, TransactionKind kind, String debitAccount, String creditAccount,
                 Money amount, boolean outgoingLimit, boolean incomingLimit, String reference, String description,
                 String metadata, String originalId) {

    public MoveOrder {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(debitAccount, "debitAccount");
        Objects.requireNonNull(creditAccount, "creditAccount");
        Objects.requireNonNull(amount, "amount").requirePositive();
    }

    /** The order's fields after {@code task}, the kind of ledger task that carries it. */
    public Fingerprint fingerprint(String task) {
        return Fingerprint.of(task).text(kind.wire()).text(envId).text(actingUserId).text(debitAccount).text(creditAccount)
                .text(amount.currencyCode()).number(amount.minor()).text(reference).text(description).text(metadata)
                .text(originalId);
    }
}
