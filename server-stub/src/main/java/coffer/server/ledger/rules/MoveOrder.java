package coffer.server.ledger.rules;

import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.Memo;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;

import java.util.Objects;

/**
 * What a movement asks for, before any rule is applied.
 *
 * @param env        the caller's environment: both accounts must belong to it
 * @param actingUser when a user (not a partner) asks, the debited wallet must be theirs; else null
 * @param kind       what the movement is for
 * @param from       the account money leaves
 * @param to         the account money reaches
 * @param amount     a positive amount
 * @param limits     which of the holders' KYC limits apply
 * @param originalId the movement a refund or reversal sends back, else null
 */
public record MoveOrder(EnvId env, UserId actingUser, TransactionKind kind, WalletId from, WalletId to, Money amount,
                        KycLimits limits, Memo memo, String originalId) {

    /** Which KYC limits a movement is checked against. */
    public enum KycLimits {
        /** Neither: money between the environment's own accounts, or the operator undoing a movement. */
        NONE(false, false),
        /** The sending wallet's per-transaction and rolling daily limits. */
        SENDER(true, false),
        /** The receiving wallet's maximum balance. */
        RECEIVER(false, true),
        BOTH(true, true);

        private final boolean sender;
        private final boolean receiver;

        KycLimits(boolean sender, boolean receiver) {
            this.sender = sender;
            this.receiver = receiver;
        }

        public static KycLimits of(boolean sender, boolean receiver) {
            return sender ? (receiver ? BOTH : SENDER) : (receiver ? RECEIVER : NONE);
        }
    }

    public MoveOrder {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount").requirePositive();
        Objects.requireNonNull(limits, "limits");
        memo = memo == null ? Memo.NONE : memo;
    }

    public String envId() {
        return env.value();
    }

    public String actingUserId() {
        return UserId.text(actingUser);
    }

    public String debitAccount() {
        return from.value();
    }

    public String creditAccount() {
        return to.value();
    }

    /** Whether the debited wallet's KYC per-transaction and daily limits apply. */
    public boolean outgoingLimit() {
        return limits.sender;
    }

    /** Whether the credited wallet's KYC maximum balance applies. */
    public boolean incomingLimit() {
        return limits.receiver;
    }

    /** The order's fields after {@code task}, the kind of ledger task that carries it, in the order stored keys were made with. */
    public Fingerprint fingerprint(String task) {
        return Fingerprint.of(task).text(kind.wire()).text(envId()).text(actingUserId()).text(debitAccount())
                .text(creditAccount()).text(amount.currencyCode()).number(amount.minor()).text(memo.reference())
                .text(memo.description()).text(memo.metadata()).text(originalId);
    }
}
