package coffer.server.withdrawal;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.TransactionStatus;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.HoldId;
import coffer.server.ledger.VoidCommand;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.HoldRow;
import coffer.server.ledger.engine.TxRow;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.rules.ApprovalRules;
import coffer.server.ledger.tasks.HoldTasks;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner's or admin's decision on a withdrawal awaiting approval, in the ledger's writer: approved, its hold
 * stays and is given a payout's full time (the provider is asked after the commit, and may take a while);
 * rejected, its hold is voided and the withdrawal fails with reason {@link Payout#REJECTED}. The member who asked
 * for it cannot decide (FORBIDDEN), nor can a member or viewer; someone who is not a member of the organization
 * holding the wallet is told the withdrawal does not exist. An expired or decided one is CONFLICT.
 */
final class PayoutDecision extends TypedTask<Payout> {
    private final Payout withdrawal;
    private final String actor;
    private final boolean approve;
    private final Duration payoutTime;

    /**
     * @param withdrawal the withdrawal as read before: it names the hold, movement and wallet to load
     * @param payoutTime how long an approved withdrawal's money stays held for the provider, from the decision
     */
    PayoutDecision(Payout withdrawal, String actor, boolean approve, Duration payoutTime) {
        super(Payout.class);
        this.withdrawal = Objects.requireNonNull(withdrawal, "withdrawal");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.approve = approve;
        this.payoutTime = Objects.requireNonNull(payoutTime, "payoutTime");
    }

    @Override
    public void declare(Batch b) {
        b.needHold(withdrawal.holdId());
        b.needTransaction(withdrawal.transactionId());
        b.needAccount(withdrawal.walletId());
    }

    @Override
    public Result<Payout> apply(Batch b) throws SQLException {
        TxRow tx = b.transaction(withdrawal.transactionId());
        HoldRow hold = b.hold(withdrawal.holdId());
        Map<String, String> about = Map.of("withdrawal_id", withdrawal.id());
        // an expired one's hold is voided by the sweep: the withdrawal reads as failed, reason expired
        Optional<Result<Payout>> refused = ApprovalRules.refusal(b, withdrawal.walletId(), actor, withdrawal.userId(), tx, hold,
                "withdrawal", about, Payouts.withdrawalNotFound(withdrawal.id()).toResult());
        if (refused.isPresent()) {
            return refused.get();
        }
        PayoutApproval decision = approve ? PayoutApproval.APPROVED : PayoutApproval.REJECTED;
        if (tx.status != TransactionStatus.PENDING || hold == null
                || !b.direct(c -> PayoutStore.decide(c, withdrawal.id(), decision, actor, b.now()) ? Result.ok(true)
                        : Result.<Boolean>rejected(ErrorCode.CONFLICT)).isOk()) {
            return Result.rejected(ErrorCode.CONFLICT, "The withdrawal is not awaiting approval", about);
        }
        if (!approve) {
            new HoldTasks.Void(new VoidCommand(new EnvId(withdrawal.envId()), new HoldId(withdrawal.holdId()), Payout.REJECTED))
                    .apply(b).orThrow();
            return Result.ok(withdrawal.decided(decision, actor, PayoutStatus.FAILED, Payout.REJECTED, b.now()));
        }
        ApprovalRules.holdUntil(b, hold, b.now().plus(payoutTime));
        return Result.ok(withdrawal.decided(decision, actor, PayoutStatus.PENDING, null, null));
    }

    @Override
    public Fingerprint fingerprint() {
        return Fingerprint.of(approve ? "withdrawal-approve" : "withdrawal-reject").text(withdrawal.id()).text(actor);
    }
}
