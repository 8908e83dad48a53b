package coffer.server.ledger.tasks;

import coffer.server.ledger.CaptureCommand;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.VoidCommand;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Ids;
import coffer.server.ledger.rules.MoveRules;
import coffer.server.ledger.rules.MoveOrder;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.TxRow;
import coffer.server.ledger.engine.HoldRow;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.Balance;
import coffer.core.ledger.Hold;
import coffer.core.ledger.HoldState;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Two-phase movements: reserve now, then capture (all or part), void, or let expire — once. */
public final class HoldTasks {
    private HoldTasks() {
    }

    /** Reserves the order's amount on the debited account until {@code expiresAt}; history shows it pending. */
    public static final class Place extends OrderTask<Movement> {
        private final Instant expiresAt;

        public Place(MoveOrder order, Instant expiresAt) {
            super(Movement.class, "hold", order);
            this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public Result<Movement> apply(Batch b) throws SQLException {
            if (!expiresAt.isAfter(b.now())) {
                return Result.rejected(ErrorCode.INVALID_REQUEST, "A hold must expire in the future",
                        Map.of("expires_at", expiresAt.toString()));
            }
            Result<MoveRules.Parties> taken = take(b, order, true);
            if (!taken.isOk()) {
                return taken.asRejected();
            }
            AccountState from = taken.orThrow().from();
            AccountState to = taken.orThrow().to();
            String holdId = Ids.next("hld");
            TxRow tx = b.newTransaction(order.kind(), TransactionStatus.PENDING, order.amount(), from, to, holdId,
                    order.originalId(), order.memo(), MoveRules.initiator(order, from));
            b.newHold(tx, Hold.pending(holdId, from.id, to.id, order.amount(), expiresAt));
            return Result.ok(tx.toMovement());
        }

        @Override
        public Fingerprint fingerprint() {
            return super.fingerprint().number(expiresAt.toEpochMilli());
        }
    }

    /** A step on one pending hold of the environment: it reads the hold, its movement and both accounts. */
    private abstract static class OnHold extends TypedTask<Movement> {
        final String envId;
        final String holdId;

        OnHold(String envId, String holdId) {
            super(Movement.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.holdId = Objects.requireNonNull(holdId, "holdId");
        }

        @Override
        public void declare(Batch b) {
            b.needHold(holdId);
        }

        @Override
        public final Result<Movement> apply(Batch b) {
            Result<Found> found = find(b, envId, holdId);
            return found.isOk() ? apply(b, found.orThrow()) : found.asRejected();
        }

        /** Decides on the hold, found pending or not in the environment. */
        abstract Result<Movement> apply(Batch b, Found f);
    }

    /** Captures a pending hold, all of it ({@code amount} null) or part; the rest is released. */
    public static final class Capture extends OnHold {
        private final CaptureCommand command;
        private final Money amount;

        public Capture(CaptureCommand command) {
            super(command.env().value(), command.hold().value());
            this.command = command;
            this.amount = command.amount();
        }

        @Override
        Result<Movement> apply(Batch b, Found f) {
            Money part = amount == null ? f.row.hold.amount() : amount;
            Result<Hold> captured = f.row.hold.capture(part, b.now());
            if (!captured.isOk()) {
                return captured.asRejected();
            }
            // a suspended or closed wallet takes part in no movement, not even a pre-authorised one
            for (AccountState a : List.of(f.from, f.to)) {
                if (a.isUserWallet() && !a.status.allowsCredit()) {
                    return a.status.checkCredit().asRejected();
                }
            }
            resolve(b, f, captured.orThrow(), TransactionStatus.COMPLETED, null);
            return Result.ok(f.tx.toMovement());
        }

        @Override
        public Fingerprint fingerprint() {
            return command.fingerprint();
        }
    }

    /** Voids a pending hold: nothing moves and history shows the movement failed. */
    public static final class Void extends OnHold {
        private final VoidCommand command;

        public Void(VoidCommand command) {
            super(command.env().value(), command.hold().value());
            this.command = command;
        }

        @Override
        Result<Movement> apply(Batch b, Found f) {
            Result<Hold> voided = f.row.hold.voidHold(b.now());
            if (!voided.isOk()) {
                return voided.asRejected();
            }
            resolve(b, f, voided.orThrow(), TransactionStatus.FAILED, command.reason());
            return Result.ok(f.tx.toMovement());
        }

        @Override
        public Fingerprint fingerprint() {
            return command.fingerprint();
        }
    }

    /** Expires those of the given holds that are still pending and due; answers how many it expired. */
    public static final class Expire extends TypedTask<Integer> {
        private final List<String> holdIds;

        public Expire(List<String> holdIds) {
            super(Integer.class);
            this.holdIds = List.copyOf(holdIds);
        }

        @Override
        public void declare(Batch b) {
            holdIds.forEach(b::needHold);
        }

        @Override
        public Result<Integer> apply(Batch b) {
            int expired = 0;
            for (String id : holdIds) {
                HoldRow row = b.hold(id);
                if (row == null || !row.hold.isDue(b.now())) {
                    continue;
                }
                Found f = new Found(row, b.transaction(row.transactionId), b.account(row.hold.debitAccount()),
                        b.account(row.hold.creditAccount()));
                resolve(b, f, row.hold.expire(b.now()).orThrow(), TransactionStatus.FAILED, "expired");
                expired++;
            }
            return Result.ok(expired);
        }

        @Override
        public Fingerprint fingerprint() {
            Fingerprint f = Fingerprint.of("expire").number(holdIds.size());
            holdIds.forEach(f::text);
            return f;
        }
    }

    private record Found(HoldRow row, TxRow tx, AccountState from, AccountState to) {
    }

    private static Result<Found> find(Batch b, String envId, String holdId) {
        HoldRow row = b.hold(holdId);
        TxRow tx = row == null ? null : b.transaction(row.transactionId);
        if (tx == null || !tx.envId.equals(envId)) {
            return Result.rejected(ErrorCode.NOT_FOUND, "Hold " + holdId + " was not found", Map.of("hold_id", holdId));
        }
        return Result.ok(new Found(row, tx, b.account(row.hold.debitAccount()), b.account(row.hold.creditAccount())));
    }

    /** Releases the reservation, posts what was captured, and settles the movement's status. */
    private static void resolve(Batch b, Found f, Hold resolved, TransactionStatus status, String failureReason) {
        Hold before = f.row.hold;
        Money captured = resolved.captured();
        f.from.balance = f.from.balance.settleReserve(before.amount(), captured);
        f.to.balance = f.to.balance.settleExpectedCredit(before.amount(), captured);
        b.changed(f.from);
        b.changed(f.to);
        f.row.hold = resolved;
        b.changed(f.row);
        f.tx.status = status;
        f.tx.failureReason = failureReason;
        if (resolved.state() == HoldState.CAPTURED) {
            f.tx.amount = captured;
            f.tx.completedAt = b.now();
            b.post(f.tx, f.from, -captured.minor());
            b.post(f.tx, f.to, captured.minor());
        }
        b.changed(f.tx);
    }
}
