package coffer.server.ledger;

import java.util.Objects;

/**
 * Reverse a completed movement of the environment: all that is left goes back and the original shows as
 * reversed. The operator's undo, so no user acts and no amount is chosen.
 */
public record ReversalCommand(EnvId env, TransactionId transaction, String description) {
    public ReversalCommand {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(transaction, "transaction");
    }

    /** The reversal as the refund it is: everything left, nobody acting. */
    public RefundCommand asRefund() {
        return new RefundCommand(env, null, transaction.value(), null, description);
    }
}
