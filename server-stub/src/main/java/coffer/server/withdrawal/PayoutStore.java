package coffer.server.withdrawal;

import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.db.Jdbc;
import coffer.server.db.Keyset;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.IdempotencyKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code payouts}: what the provider was asked and what it answered; the money is the hold's movement. A
 * withdrawal whose approval expired is read as failed ({@link Payout#EXPIRED}) from its movement: the ledger's
 * sweep voided its hold, and its row still says pending.
 */
final class PayoutStore {
    private static final String COLUMNS = "id, kind, env_id, user_id, wallet_id, bank_account_id, schedule_id, amount_minor, "
            + "currency, status, hold_id, transaction_id, provider_payout_id, url, description, failure_reason, created_at, "
            + "finished_at, approval, decided_by, return_url";
    /** Every column of {@code p}, and its movement's status and end, for a payout whose approval expired. */
    private static final String SELECTED = "SELECT p." + COLUMNS.replace(", ", ", p.")
            + ", t.status AS movement_status, t.completed_at AS movement_completed_at";
    private static final String FROM = " FROM payouts p LEFT JOIN transactions t ON t.id = p.transaction_id";
    private static final String SELECT = SELECTED + FROM;

    private final Jdbc jdbc;

    PayoutStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new payout, and claims its idempotency key in the same transaction with the payout's id as
     * the answer; false, storing nothing, when another request holds the key (a concurrent duplicate).
     */
    boolean insert(Payout p, IdempotencyKey key, Fingerprint request) {
        return jdbc.inTransaction(tx -> {
            if (key != null && !IdempotencyKeys.claim(tx, key, request, p.id(), p.createdAt())) {
                return false;
            }
            tx.update("INSERT INTO payouts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.id(), p.kind().wire(), p.envId(), p.userId(), p.walletId(), p.bankAccountId(), p.scheduleId(),
                    p.amount().minor(), p.amount().currencyCode(), p.status().wire(), p.holdId(), p.transactionId(),
                    p.providerPayoutId(), p.url(), p.description(), p.failureReason(), p.createdAt(), p.finishedAt(),
                    p.approval().wire(), p.decidedBy(), p.returnUrl());
            return true;
        });
    }

    Optional<Payout> byId(String id) {
        return jdbc.one(SELECT + " WHERE p.id = ?", PayoutStore::row, id);
    }

    /** Notes what the provider answered while the payout is still pending. */
    void provided(String id, String providerPayoutId, String url) {
        jdbc.update("UPDATE payouts SET provider_payout_id = COALESCE(?, provider_payout_id), url = COALESCE(?, url) "
                + "WHERE id = ?", providerPayoutId, url, id);
    }

    /** Moves a pending payout to its final status; false when it was already final. */
    boolean finish(String id, PayoutStatus status, String reason, Instant at) {
        return jdbc.update("UPDATE payouts SET status = ?, failure_reason = ?, finished_at = ? WHERE id = ? AND status = ?",
                status.wire(), reason, at.toEpochMilli(), id, PayoutStatus.PENDING.wire()) == 1;
    }

    /** A user's payouts of one kind, newest first, after {@code after} if given. */
    List<Payout> page(String envId, String userId, PayoutKind kind, Keyset after, int limit) {
        String where = "p.env_id = ? AND p.user_id = ? AND p.kind = ?";
        if (after == null) {
            return jdbc.query(SELECT + " WHERE " + where + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
                    PayoutStore::row, envId, userId, kind.wire(), limit);
        }
        return jdbc.query(SELECT + " WHERE " + where
                        + " AND (p.created_at < ? OR (p.created_at = ? AND p.id < ?)) ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
                PayoutStore::row, envId, userId, kind.wire(), after.createdMillis(), after.createdMillis(), after.id(), limit);
    }

    /**
     * Records the decision on a withdrawal awaiting approval, on the ledger writer's connection so it commits with
     * the hold's change; a rejected one fails with reason {@link Payout#REJECTED}. False when it no longer awaits one.
     */
    static boolean decide(Connection c, String id, PayoutApproval decision, String decidedBy, Instant at) throws SQLException {
        boolean rejected = decision == PayoutApproval.REJECTED;
        try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET approval = ?, decided_by = ?"
                + (rejected ? ", status = ?, failure_reason = ?, finished_at = ?" : "")
                + " WHERE id = ? AND approval = 'pending' AND status = 'pending'")) {
            int i = 1;
            ps.setString(i++, decision.wire());
            ps.setString(i++, decidedBy);
            if (rejected) {
                ps.setString(i++, PayoutStatus.FAILED.wire());
                ps.setString(i++, Payout.REJECTED);
                ps.setLong(i++, at.toEpochMilli());
            }
            ps.setString(i, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The withdrawals from the wallets of the environment's organization {@code organizationId} that still await an
     * owner's or admin's approval at {@code now}, oldest first, each with its initiator's email and its hold's expiry:
     * decided, voided or expired ones are not, even before the ledger's sweep voids an expired hold.
     */
    List<WithdrawalAwaitingApproval> awaitingApproval(String envId, String organizationId, Instant now) {
        return jdbc.query(SELECTED + ", u.email AS initiator_email, h.expires_at AS hold_expires_at" + FROM
                        + " JOIN accounts a ON a.id = p.wallet_id JOIN holds h ON h.id = p.hold_id"
                        + " LEFT JOIN users u ON u.id = p.user_id"
                        + " WHERE a.user_id = ? AND a.env_id = ? AND p.approval = 'pending' AND p.status = 'pending'"
                        + " AND t.status = 'pending' AND h.expires_at > ? ORDER BY p.created_at, p.id",
                rs -> new WithdrawalAwaitingApproval(row(rs), rs.getString("initiator_email"),
                        Instant.ofEpochMilli(rs.getLong("hold_expires_at"))), organizationId, envId, now);
    }

    private static Payout row(ResultSet rs) throws SQLException {
        PayoutStatus status = PayoutStatus.fromWire(rs.getString("status"));
        PayoutApproval approval = PayoutApproval.fromWire(rs.getString("approval"));
        String failureReason = rs.getString("failure_reason");
        Instant finishedAt = Jdbc.instant(rs, "finished_at");
        String movement = rs.getString("movement_status");
        if (approval == PayoutApproval.PENDING && status == PayoutStatus.PENDING && movement != null
                && TransactionStatus.fromWire(movement) != TransactionStatus.PENDING) {
            // nobody decided in time: the sweep voided its hold, and the provider was never asked
            status = PayoutStatus.FAILED;
            failureReason = Payout.EXPIRED;
            finishedAt = Jdbc.instant(rs, "movement_completed_at");
        }
        return new Payout(rs.getString("id"), PayoutKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("env_id"), rs.getString("user_id"), rs.getString("wallet_id"), rs.getString("bank_account_id"),
                rs.getString("schedule_id"), Money.ofMinor(rs.getString("currency"), rs.getLong("amount_minor")),
                status, rs.getString("hold_id"), rs.getString("transaction_id"),
                rs.getString("provider_payout_id"), rs.getString("url"), rs.getString("description"),
                failureReason, Instant.ofEpochMilli(rs.getLong("created_at")), finishedAt, approval,
                rs.getString("decided_by"), rs.getString("return_url"));
    }
}
