package coffer.server.withdrawal;

import coffer.core.money.Money;
import coffer.server.db.Jdbc;
import coffer.server.db.Keyset;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.IdempotencyKeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code payouts}: what the provider was asked and what it answered; the money is the hold's movement. */
final class PayoutStore {
    private static final String COLUMNS = "id, kind, env_id, user_id, wallet_id, bank_account_id, schedule_id, amount_minor, "
            + "currency, status, hold_id, transaction_id, provider_payout_id, url, description, failure_reason, created_at, "
            + "finished_at";

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
            tx.update("INSERT INTO payouts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.id(), p.kind().wire(), p.envId(), p.userId(), p.walletId(), p.bankAccountId(), p.scheduleId(),
                    p.amount().minor(), p.amount().currencyCode(), p.status().wire(), p.holdId(), p.transactionId(),
                    p.providerPayoutId(), p.url(), p.description(), p.failureReason(), p.createdAt(), p.finishedAt());
            return true;
        });
    }

    Optional<Payout> byId(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM payouts WHERE id = ?", PayoutStore::row, id);
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
        String where = "env_id = ? AND user_id = ? AND kind = ?";
        if (after == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM payouts WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT ?",
                    PayoutStore::row, envId, userId, kind.wire(), limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM payouts WHERE " + where
                        + " AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?",
                PayoutStore::row, envId, userId, kind.wire(), after.createdMillis(), after.createdMillis(), after.id(), limit);
    }

    private static Payout row(ResultSet rs) throws SQLException {
        return new Payout(rs.getString("id"), PayoutKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("env_id"), rs.getString("user_id"), rs.getString("wallet_id"), rs.getString("bank_account_id"),
                rs.getString("schedule_id"), Money.ofMinor(rs.getString("currency"), rs.getLong("amount_minor")),
                PayoutStatus.fromWire(rs.getString("status")), rs.getString("hold_id"), rs.getString("transaction_id"),
                rs.getString("provider_payout_id"), rs.getString("url"), rs.getString("description"),
                rs.getString("failure_reason"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Jdbc.instant(rs, "finished_at"));
    }
}
