package coffer.server.ledger.tasks;

import coffer.core.error.Result;
import coffer.core.ledger.Balance;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.rules.MoveOrder;
import coffer.server.ledger.rules.MoveRules;

import java.sql.SQLException;
import java.util.Objects;

/** A task that carries a {@link MoveOrder}: it declares what the rules read, and its fingerprint is the order's. */
abstract class OrderTask<T> extends TypedTask<T> {
    final MoveOrder order;
    private final String kind;

    /** @param kind names the task in the fingerprint, so one order sent as two different tasks is two requests */
    OrderTask(Class<T> resultType, String kind, MoveOrder order) {
        super(resultType);
        this.kind = kind;
        this.order = Objects.requireNonNull(order, "order");
    }

    @Override
    public void declare(Batch b) {
        MoveRules.declare(b, order);
    }

    @Override
    public Fingerprint fingerprint() {
        return order.fingerprint(kind);
    }

    /**
     * Checks {@code order} and, when it passes, moves its amount between the two balances: posted at once,
     * or ({@code reserve}) reserved on the sender and expected by the receiver until a hold settles.
     */
    static Result<MoveRules.Parties> take(Batch b, MoveOrder order, boolean reserve) throws SQLException {
        Result<MoveRules.Parties> checked = MoveRules.check(b, order);
        if (!checked.isOk()) {
            return checked;
        }
        AccountState from = checked.orThrow().from();
        AccountState to = checked.orThrow().to();
        boolean overdraft = from.kind.overdraftAllowed();
        Result<Balance> out = reserve ? from.balance.reserve(order.amount(), overdraft) : from.balance.debit(order.amount(), overdraft);
        if (!out.isOk()) {
            return out.asRejected();
        }
        from.balance = out.orThrow();
        to.balance = reserve ? to.balance.expectCredit(order.amount()) : to.balance.credit(order.amount());
        b.changed(from);
        b.changed(to);
        MoveRules.countOutgoing(b, order, from, to);
        return checked;
    }
}
