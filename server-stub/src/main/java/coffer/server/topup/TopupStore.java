package coffer.server.topup;

import coffer.core.money.Money;
import coffer.server.db.Database;
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

/**
 * {@code topups}. Each status change is one conditional statement, so concurrent webhooks and
 * requests cannot undo each other: nothing leaves {@code completed}.
 */
final class TopupStore {
    private static final String COLUMNS = "id, env_id, user_id, wallet_id, amount, currency, status, save_card, card_id, "
            + "session_id, checkout_url, charge_id, transaction_id, failure_reason, created_at, completed_at, "
            + "return_to_card";

    private final Jdbc jdbc;

    TopupStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /**
     * Stores a new pending top-up, and claims its idempotency key in the same transaction with the top-up's
     * id as the answer; false, storing nothing, when another request holds the key.
     */
    boolean insert(Topup t, IdempotencyKey key, Fingerprint request, String returnUrl) {
        return jdbc.inTransaction(tx -> {
            if (key != null && !IdempotencyKeys.claim(tx, key, request, t.id(), t.createdAt())) {
                return false;
            }
            tx.update("INSERT INTO topups (id, env_id, user_id, wallet_id, amount, currency, status, save_card, card_id, "
                            + "return_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.envId(), t.userId(),
                    t.walletId(), t.amount().minor(), t.amount().currencyCode(), t.status().wire(), t.saveCard() ? 1 : 0,
                    t.cardId(), returnUrl, t.createdAt());
            return true;
        });
    }

    Optional<Topup> get(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM topups WHERE id = ?", TopupStore::row, id);
    }

    /** A user's top-ups, newest first, after {@code after} when given. */
    List<Topup> page(String envId, String userId, Keyset after, int limit) {
        if (after == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM topups WHERE env_id = ? AND user_id = ? "
                    + "ORDER BY created_at DESC, id DESC LIMIT " + limit, TopupStore::row, envId, userId);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM topups WHERE env_id = ? AND user_id = ? AND (created_at < ? "
                        + "OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT " + limit, TopupStore::row,
                envId, userId, after.createdMillis(), after.createdMillis(), after.id());
    }

    void opened(String id, String sessionId, String checkoutUrl, Instant expiresAt) {
        jdbc.update("UPDATE topups SET session_id = ?, checkout_url = ?, expires_at = ? WHERE id = ?", sessionId, checkoutUrl,
                expiresAt.toEpochMilli(), id);
    }

    /**
     * What the user's top-ups in {@code currency} that may still be paid add up to, in minor units:
     * pending ones whose checkout has not expired, and those whose provider has not answered yet
     * (created after {@code startedAfter}).
     */
    long open(String envId, String userId, String currency, Instant now, Instant startedAfter) {
        return jdbc.one("SELECT COALESCE(SUM(amount), 0) FROM topups WHERE env_id = ? AND user_id = ? AND currency = ? "
                        + "AND status = ? AND (expires_at > ? OR (expires_at IS NULL AND created_at > ?))",
                rs -> rs.getLong(1), envId, userId, currency, TopupStatus.PENDING.wire(), now.toEpochMilli(), startedAfter.toEpochMilli())
                .orElse(0L);
    }

    void charged(String id, String chargeId) {
        jdbc.update("UPDATE topups SET charge_id = ? WHERE id = ? AND charge_id IS NULL", chargeId, id);
    }

    /** Marks it completed with its credit; false if it already was (or its money went back to the card). */
    boolean complete(String id, String chargeId, String transactionId, Instant at) {
        return jdbc.update("UPDATE topups SET status = ?, charge_id = COALESCE(charge_id, ?), transaction_id = ?, "
                        + "failure_reason = NULL, completed_at = ? WHERE id = ? AND status <> ? AND return_to_card IS NULL",
                TopupStatus.COMPLETED.wire(), chargeId, transactionId, at.toEpochMilli(), id, TopupStatus.COMPLETED.wire()) == 1;
    }

    /**
     * A paid top-up the ledger refused: failed with the ledger's reason, its money due back to the card.
     * From then on nothing credits it.
     */
    void refused(String id, String chargeId, String reason) {
        jdbc.update("UPDATE topups SET status = ?, failure_reason = ?, charge_id = COALESCE(charge_id, ?), return_to_card = ? "
                + "WHERE id = ? AND status <> ? AND return_to_card IS NULL", TopupStatus.FAILED.wire(), reason, chargeId, Topup.RETURN_DUE,
                id, TopupStatus.COMPLETED.wire());
    }

    /** The provider refunded the card the money of a refused top-up. */
    void returned(String id) {
        jdbc.update("UPDATE topups SET return_to_card = ? WHERE id = ? AND return_to_card = ?", Topup.RETURN_DONE, id,
                Topup.RETURN_DUE);
    }

    /** Fails a pending top-up; false if it was not pending. */
    boolean fail(String id, String reason) {
        return jdbc.update("UPDATE topups SET status = ?, failure_reason = ? WHERE id = ? AND status = ?", TopupStatus.FAILED.wire(),
                reason, id, TopupStatus.PENDING.wire()) == 1;
    }

    /** A request the provider could not take: failed, and its idempotency key (if any) freed for a retry. */
    void abandon(String id, String reason, IdempotencyKey key) {
        jdbc.inTransaction(tx -> {
            tx.update("UPDATE topups SET status = ?, failure_reason = ? WHERE id = ? AND status = ?", TopupStatus.FAILED.wire(),
                    reason, id, TopupStatus.PENDING.wire());
            if (key != null) {
                IdempotencyKeys.release(tx, key);
            }
            return null;
        });
    }

    /** Notes why the last card attempt was declined, while the user may still try another. */
    void declined(String id, String reason) {
        jdbc.update("UPDATE topups SET failure_reason = ? WHERE id = ? AND status = ?", reason, id, TopupStatus.PENDING.wire());
    }

    private static Topup row(ResultSet rs) throws SQLException {
        return new Topup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Money.ofMinor(rs.getString(6), rs.getLong(5)), TopupStatus.fromWire(rs.getString(7)), rs.getInt(8) == 1, rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                Instant.ofEpochMilli(rs.getLong(15)), Jdbc.instant(rs, 16), rs.getString(17));
    }
}
