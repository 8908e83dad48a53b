package coffer.server.ledger.tasks;

import coffer.server.ledger.rules.MoveOrder.KycLimits;
import coffer.server.ledger.RefundCommand;
import coffer.server.ledger.ReversalCommand;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.Movement;
import coffer.server.ledger.rules.MoveRules;
import coffer.server.ledger.rules.MoveOrder;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.TxRow;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends money of a completed movement back the way it came: a refund (all that is left, or part) or
 * a reversal (all that is left, and the original is marked reversed, so balances are as if it never
 * happened). Never more than what is left to refund.
 *
 * <p>A refund is money in for the payer like any other, so it respects the payer's maximum balance.
 * A reversal does not: it is the operator undoing a movement, and refusing it would keep money where
 * it should never have gone.
 */
public final class RefundTask extends TypedTask<Movement> {
    private static final Set<TransactionKind> NOT_REFUNDABLE =
            Set.of(TransactionKind.REFUND, TransactionKind.REVERSAL, TransactionKind.HOLD, TransactionKind.VOID);

    private final RefundCommand command;
    private final String envId;
    private final String originalId;
    private final Money amount;
    private final boolean reversal;

    /** A refund of what {@code command} asks. */
    public RefundTask(RefundCommand command) {
        this(command, false);
    }

    /** A reversal: all that is left goes back, and the original shows as reversed. */
    public RefundTask(ReversalCommand command) {
        this(command.asRefund(), true);
    }

    private RefundTask(RefundCommand command, boolean reversal) {
        super(Movement.class);
        this.command = command;
        this.envId = command.env().value();
        this.originalId = command.transactionId();
        this.amount = this.command.amount();
        this.reversal = reversal;
    }

    @Override
    public void declare(Batch b) {
        b.needTransaction(originalId);
        if (!reversal) {
            b.needHolders(x -> {
                TxRow original = x.transaction(originalId);
                return original == null ? List.of()
                        : MoveRules.holdersChecked(x, original.creditAccount, original.debitAccount, false, true);
            });
        }
    }

    @Override
    public Result<Movement> apply(Batch b) throws SQLException {
        TxRow original = b.transaction(originalId);
        if (original == null || !original.envId.equals(envId)) {
            return Result.rejected(ErrorCode.NOT_FOUND, "Transaction " + originalId + " was not found",
                    Map.of("transaction_id", originalId));
        }
        if (NOT_REFUNDABLE.contains(original.kind)) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "A " + original.kind.wire() + " cannot be refunded",
                    Map.of("transaction_id", originalId));
        }
        if (original.status != TransactionStatus.COMPLETED) {
            return Result.rejected(ErrorCode.INVALID_REQUEST,
                    "Only a completed transaction can be refunded; this one is " + original.status.wire(),
                    Map.of("transaction_id", originalId, "status", original.status.wire()));
        }
        Money left = original.amount.minus(original.refunded);
        Money requested = amount == null ? left : amount;
        if (!requested.currency().equals(left.currency())) {
            return Result.rejected(ErrorCode.CURRENCY_MISMATCH,
                    "The transaction is in " + left.currencyCode() + " but the refund is in " + requested.currencyCode(),
                    Map.of("expected", left.currencyCode(), "actual", requested.currencyCode()));
        }
        if (!left.isPositive() || requested.isGreaterThan(left)) {
            return Result.rejected(ErrorCode.REFUND_EXCEEDS_PAYMENT,
                    "Only " + left.toDecimalString() + " " + left.currencyCode() + " is left to refund",
                    Map.of("refundable", left.toDecimalString(), "requested", requested.toDecimalString()));
        }
        // a reversal is the operator undoing a movement: no limit may keep the money where it went
        MoveOrder order = new MoveOrder(command.env(), command.actingUser(),
                reversal ? TransactionKind.REVERSAL : TransactionKind.REFUND, new WalletId(original.creditAccount),
                new WalletId(original.debitAccount), requested, reversal ? KycLimits.NONE : KycLimits.RECEIVER,
                Memo.reference(original.reference).withDescription(command.description()), original.id);
        Result<Movement> moved = MoveTask.execute(b, order);
        if (moved.isOk()) {
            original.refunded = original.refunded.plus(requested);
            if (reversal) {
                original.status = TransactionStatus.REVERSED;
            }
            b.changed(original);
        }
        return moved;
    }

    @Override
    public Fingerprint fingerprint() {
        return command.fingerprint(reversal ? "reverse" : "refund");
    }
}
