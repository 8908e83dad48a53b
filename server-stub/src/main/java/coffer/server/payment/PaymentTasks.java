package coffer.server.payment;

import coffer.server.ledger.rules.MoveOrder.KycLimits;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.HoldId;
import coffer.server.ledger.CaptureCommand;
import coffer.server.ledger.VoidCommand;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Ids;
import coffer.server.ledger.tasks.HoldTasks;
import coffer.server.ledger.query.LedgerQueries;
import coffer.server.ledger.rules.ApprovalRules;
import coffer.server.ledger.rules.MoveRules;
import coffer.server.ledger.rules.MoveOrder;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.TxRow;
import coffer.server.ledger.engine.HoldRow;
import java.sql.SQLException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * P2P payments as two-phase movements. Accepting a payment reserves the money (a hold toward the
 * recipient's wallet) and records the payment in the same commit; the payment processor then moves it
 * to processing and settles it — capture, or void with the reason — each step one commit together
 * with its ledger change, so the money moves exactly once whatever restarts in between.
 */
final class PaymentTasks {
    private PaymentTasks() {
    }

    /**
     * When a payment's reservation voids itself if it was never settled: {@code settle} for the processor,
     * {@code approval}, sooner, for a payment awaiting an organization's approval.
     */
    record Expiries(Instant settle, Instant approval) {
        Expiries {
            Objects.requireNonNull(settle, "settle");
            Objects.requireNonNull(approval, "approval");
        }
    }

    /** Accepts one payment: every check of a P2P movement, then the hold and the payment row. */
    static final class Place extends TypedTask<Payment> {
        private final PaymentOrder order;
        private final Placement placement;

        Place(PaymentOrder order, Expiries expiries) {
            super(Payment.class);
            this.order = Objects.requireNonNull(order, "order");
            this.placement = new Placement(order, expiries);
        }

        @Override
        public void declare(Batch b) {
            placement.hold.declare(b);
        }

        @Override
        public Result<Payment> apply(Batch b) throws SQLException {
            return placement.apply(b);
        }

        @Override
        public Fingerprint fingerprint() {
            return order.fingerprint();
        }
    }

    /**
     * Accepts several payments in one commit; each one passes or is refused on its own. Items refused
     * before reaching the ledger (a malformed item, an unknown recipient) keep their place in the answer.
     */
    static final class PlaceAll extends TypedTask<PaymentBatch> {
        private final List<Result<Placement>> items;
        private final String request;

        /** @param request the batch request as sent, canonical: the idempotency fingerprint */
        PlaceAll(List<Result<PaymentOrder>> items, Expiries expiries, String request) {
            super(PaymentBatch.class);
            this.items = items.stream().map(item -> item.map(order -> new Placement(order, expiries))).toList();
            this.request = Objects.requireNonNull(request, "request");
        }

        @Override
        public void declare(Batch b) {
            for (Result<Placement> item : items) {
                if (item.isOk()) {
                    item.orThrow().hold.declare(b);
                }
            }
        }

        @Override
        public Result<PaymentBatch> apply(Batch b) throws SQLException {
            List<PaymentBatch.Item> results = new ArrayList<>(items.size());
            for (var item : items) {
                results.add(PaymentBatch.Item.of(item.isOk() ? item.orThrow().apply(b) : item.asRejected()));
            }
            return Result.ok(new PaymentBatch(results));
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("payments").text(request);
        }
    }

    /**
     * One round of the payment processor: settles the payments of {@code settle} (capture; a refused
     * capture voids the hold and the payment fails with the refusal's code) and moves those of
     * {@code start} from pending to processing. Payments already past the step are left alone, so a
     * round may be repeated. Answers how many payments changed.
     */
    static final class Advance extends TypedTask<Integer> {
        private final List<Payment> start;
        private final List<Payment> settle;

        Advance(List<Payment> start, List<Payment> settle) {
            super(Integer.class);
            this.start = List.copyOf(start);
            this.settle = List.copyOf(settle);
        }

        @Override
        public void declare(Batch b) {
            start.forEach(p -> b.needTransaction(p.transactionId()));
            settle.forEach(p -> b.needHold(p.holdId()));
        }

        @Override
        public Result<Integer> apply(Batch b) {
            int changed = 0;
            for (Payment p : start) {
                TxRow tx = b.transaction(p.transactionId());
                if (tx != null && tx.status == TransactionStatus.PENDING) {
                    tx.status = TransactionStatus.PROCESSING;
                    b.changed(tx);
                    changed++;
                }
            }
            for (Payment p : settle) {
                if (settle(b, p)) {
                    changed++;
                }
            }
            return Result.ok(changed);
        }

        private static boolean settle(Batch b, Payment p) {
            HoldRow row = b.hold(p.holdId());
            if (row == null || row.hold.state().isResolved()) {
                return false;
            }
            if (row.hold.isDue(b.now())) {
                return new HoldTasks.Expire(List.of(p.holdId())).apply(b).orThrow() > 0;
            }
            EnvId env = new EnvId(p.envId());
            HoldId hold = new HoldId(p.holdId());
            Result<Movement> captured = new HoldTasks.Capture(CaptureCommand.all(env, hold)).apply(b);
            if (!captured.isOk()) {
                // the hold is open (checked above), so voiding it cannot be refused
                new HoldTasks.Void(new VoidCommand(env, hold, captured.errorCode().name())).apply(b).orThrow();
            }
            return true;
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("advance-payments");
        }
    }

    /**
     * An owner's or admin's decision on a payment awaiting approval: approved, its hold is given the processor's
     * full time from the decision (no longer the approval's) and it goes to the processor and settles as usual;
     * rejected, its hold is voided. Its payer cannot decide (FORBIDDEN), nor can a member or viewer; someone who
     * is not a member of the paying organization is told the payment does not exist.
     */
    static final class Decide extends TypedTask<Payment> {
        private final Payment payment;
        private final String actor;
        private final boolean approve;
        private final Duration settleTime;

        /**
         * @param payment    the payment as read before: it names the hold, movement and wallet to load
         * @param settleTime how long an approved payment's money stays held for the processor, from the decision
         */
        Decide(Payment payment, String actor, boolean approve, Duration settleTime) {
            super(Payment.class);
            this.payment = Objects.requireNonNull(payment, "payment");
            this.actor = Objects.requireNonNull(actor, "actor");
            this.approve = approve;
            this.settleTime = Objects.requireNonNull(settleTime, "settleTime");
        }

        @Override
        public void declare(Batch b) {
            b.needHold(payment.holdId());
            b.needTransaction(payment.transactionId());
            b.needAccount(payment.sourceWalletId());
        }

        @Override
        public Result<Payment> apply(Batch b) throws SQLException {
            TxRow tx = b.transaction(payment.transactionId());
            HoldRow hold = b.hold(payment.holdId());
            // an expired one's hold is voided by the sweep: the payment fails with reason expired
            Optional<Result<Payment>> refused = ApprovalRules.refusal(b, payment.sourceWalletId(), actor, payment.userId(), tx,
                    hold, "payment", Map.of("payment_id", payment.id()), notFound(payment.id()));
            if (refused.isPresent()) {
                return refused.get();
            }
            Payment.Approval decision = approve ? Payment.Approval.APPROVED : Payment.Approval.REJECTED;
            if (tx.status != TransactionStatus.PENDING || hold == null
                    || !b.direct(c -> PaymentRows.decide(c, payment.id(), decision, actor) ? Result.ok(true)
                            : Result.<Boolean>rejected(ErrorCode.CONFLICT)).isOk()) {
                return Result.rejected(ErrorCode.CONFLICT, "The payment is not awaiting approval", Map.of("payment_id", payment.id()));
            }
            if (!approve) {
                new HoldTasks.Void(new VoidCommand(new EnvId(payment.envId()), new HoldId(payment.holdId()), "rejected"))
                        .apply(b).orThrow();
            } else {
                ApprovalRules.holdUntil(b, hold, b.now().plus(settleTime));
            }
            return Result.ok(Payment.of(payment.id(), payment.userId(), payment.destination(), tx, decision, actor));
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of(approve ? "payment-approve" : "payment-reject").text(payment.id()).text(actor);
        }
    }

    static <T> Result<T> notFound(String paymentId) {
        return Result.rejected(ErrorCode.NOT_FOUND, "Payment " + paymentId + " was not found.", Map.of("payment_id", paymentId));
    }

    /** One payment's reservation and its row, as Place and PlaceAll make them. */
    private static final class Placement {
        private final PaymentOrder order;
        private final String id = Ids.next("pmt");
        private final HoldTasks.Place hold;
        private final Instant approvalDue;

        Placement(PaymentOrder order, Expiries expiries) {
            this.order = order;
            this.approvalDue = expiries.approval();
            this.hold = new HoldTasks.Place(new MoveOrder(new EnvId(order.envId()), new UserId(order.userId()),
                    TransactionKind.P2P, new WalletId(order.sourceWalletId()), new WalletId(order.destinationWalletId()),
                    order.amount(), KycLimits.BOTH, Memo.reference(id).withDescription(order.description())
                            .withMetadata(order.metadata()), null), expiries.settle());
        }

        /** Checks and reserves the payment; a refusal leaves the batch as it was. */
        Result<Payment> apply(Batch b) throws SQLException {
            AccountState to = b.account(order.destinationWalletId());
            if (to != null && !to.isUserWallet()) {
                // payments go to people; the environment's own accounts are not a destination
                return MoveRules.notFound(order.destinationWalletId());
            }
            Result<Movement> held = hold.apply(b);
            if (!held.isOk()) {
                return held.asRejected();
            }
            TxRow tx = b.transaction(held.orThrow().id());
            Payment.Approval approval = Payment.Approval.NONE;
            if (tx.initiatedBy != null) {
                // a member pays from an organization's wallet: above its threshold, another owner or admin decides
                String organization = b.account(order.sourceWalletId()).userId;
                Optional<Long> threshold = b.direct(c -> Result.ok(LedgerQueries.approvalThreshold(c, organization,
                        order.amount().currency()))).orThrow();
                if (threshold.isPresent() && order.amount().minor() > threshold.get()) {
                    approval = Payment.Approval.PENDING;
                    awaitApproval(b, b.hold(tx.holdId));
                }
            }
            b.insert(PaymentRows.INSERT, id, order.envId(), order.userId(), tx.id, order.destination(), b.now().toEpochMilli(),
                    approval.wire());
            return Result.ok(Payment.of(id, order.userId(), order.destination(), tx, approval, null));
        }

        /**
         * The new hold of a payment awaiting approval expires when the approval stops waiting, so the ledger's
         * sweep releases the money of a payment nobody decided on (the payment then fails with reason expired).
         */
        private void awaitApproval(Batch b, HoldRow row) {
            if (row.hold.expiresAt().isAfter(approvalDue)) {
                ApprovalRules.holdUntil(b, row, approvalDue);
            }
        }
    }
}
