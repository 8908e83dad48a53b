package coffer.server.ledger.rules;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.Hold;
import coffer.core.ledger.TransactionStatus;
import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.HoldRow;
import coffer.server.ledger.engine.TxRow;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Who may approve or reject money out of an organization's wallet that awaits approval (a payment or a withdrawal
 * above the organization's threshold), checked in the writer against the batch's rows, in this order: someone
 * outside the organization is told it does not exist; a member or viewer may not ({@link OrganizationAction#APPROVE}),
 * nor may the member who asked for it (FORBIDDEN); one whose hold is due has expired (CONFLICT). Its hold's expiry
 * moves with the approval ({@link #holdUntil}).
 */
public final class ApprovalRules {
    private ApprovalRules() {
    }

    /**
     * Why {@code actor} may not decide now on the movement {@code tx} (held by {@code hold}) out of {@code walletId}
     * that {@code initiator} asked for; empty when they may.
     *
     * @param noun     {@code payment} or {@code withdrawal}, for the messages
     * @param about    a refusal's context: the payment's or withdrawal's id
     * @param notFound what someone outside the organization is answered: the feature's own NOT_FOUND
     */
    public static <T> Optional<Result<T>> refusal(Batch b, String walletId, String actor, String initiator, TxRow tx,
                                                  HoldRow hold, String noun, Map<String, String> about, Result<T> notFound)
            throws SQLException {
        AccountState source = b.account(walletId);
        Optional<OrganizationRole> role = source == null || source.userId == null ? Optional.empty()
                : b.memberRole(source.userId, actor);
        if (role.isEmpty()) {
            return Optional.of(notFound);
        }
        Result<OrganizationRole> allowed = OrganizationRules.check(role.get(), OrganizationAction.APPROVE);
        if (!allowed.isOk()) {
            return Optional.of(allowed.asRejected());
        }
        if (actor.equals(initiator)) {
            return Optional.of(Result.rejected(ErrorCode.FORBIDDEN,
                    "A " + noun + " cannot be approved or rejected by the member who made it", about));
        }
        if (tx.status == TransactionStatus.PENDING && hold != null && hold.hold.isDue(b.now())) {
            // its approval expired; the sweep voids the hold
            return Optional.of(Result.rejected(ErrorCode.CONFLICT, "The " + noun + "'s approval expired", about));
        }
        return Optional.empty();
    }

    /**
     * Makes the still-pending hold {@code row} of money out of an organization's wallet expire at {@code at}, in the
     * batch's commit: when its approval stops waiting, as it is placed; and, once approved, after the full time the
     * payment processor or the payout provider is given, from the decision, so an approval in the last moments of
     * the approval's time does not let the money go before it is paid.
     */
    public static void holdUntil(Batch b, HoldRow row, Instant at) {
        Hold held = row.hold;
        row.hold = new Hold(held.id(), held.debitAccount(), held.creditAccount(), held.amount(), at, held.state(),
                held.captured());
        b.changed(row);
    }
}
