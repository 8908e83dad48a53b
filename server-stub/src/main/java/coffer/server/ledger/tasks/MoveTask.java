package coffer.server.ledger.tasks;

import coffer.server.ledger.Movement;
import coffer.server.ledger.DepositDecision;
import coffer.server.ledger.rules.MoveRules;
import coffer.server.ledger.rules.MoveOrder;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.TxRow;
import coffer.core.error.Result;
import coffer.core.ledger.TransactionStatus;

import java.sql.SQLException;

/** A one-step movement: checked, then posted as completed in the same commit. */
public final class MoveTask extends OrderTask<Movement> {

    public MoveTask(MoveOrder order) {
        super(Movement.class, "move", order);
    }

    @Override
    public Result<Movement> apply(Batch b) throws SQLException {
        return execute(b, order);
    }

    /** Checks and posts {@code order}; shared by every one-step movement (refunds and reversals too). */
    public static Result<Movement> execute(Batch b, MoveOrder order) throws SQLException {
        Result<MoveRules.Parties> taken = take(b, order, false);
        if (!taken.isOk()) {
            return taken.asRejected();
        }
        AccountState from = taken.orThrow().from();
        AccountState to = taken.orThrow().to();
        TxRow tx = b.newTransaction(order.kind(), TransactionStatus.COMPLETED, order.amount(), from, to, null,
                order.originalId(), order.memo(), MoveRules.initiator(order, from));
        b.post(tx, from, -order.amount().minor());
        b.post(tx, to, order.amount().minor());
        return Result.ok(tx.toMovement());
    }

    /**
     * A deposit whose refusal is an answer too: stored with the idempotency key like a success, so a
     * repeated request with the key gets the same refusal even if the wallet could take the money by
     * then. For money already taken from the payer, which the caller sends back when it is refused.
     */
    public static final class Decided extends OrderTask<DepositDecision> {

        public Decided(MoveOrder order) {
            super(DepositDecision.class, "decided", order);
        }

        @Override
        public Result<DepositDecision> apply(Batch b) throws SQLException {
            Result<Movement> moved = execute(b, order);
            if (moved instanceof Result.Rejected<Movement> refused) {
                return Result.ok(new DepositDecision(null, refused.code(), refused.message()));
            }
            return Result.ok(new DepositDecision(moved.orThrow(), null, null));
        }
    }
}
