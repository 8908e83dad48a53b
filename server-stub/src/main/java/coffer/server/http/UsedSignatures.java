package coffer.server.http;

import coffer.server.db.Database;
import coffer.server.db.Jdbc;

import java.time.Instant;
import java.util.Optional;

/**
 * The partner signatures already used ({@code used_signatures}, migration V10), per environment, shared
 * by every process on the database. A use is recorded with one {@code INSERT ... ON CONFLICT DO NOTHING},
 * so of several requests carrying one signature, on one process or several, exactly one is its first use.
 */
final class UsedSignatures {
    /** Rows removed per statement, so that a purge never holds SQLite's write lock for long. */
    static final int PURGE_BATCH = 1000;

    /**
     * What the first use of a signature recorded.
     *
     * @param idempotencyKey the {@code Idempotency-Key} it came with; null when none, or when the row
     *                       vanished meanwhile
     */
    record FirstUse(String idempotencyKey) {
    }

    private final Jdbc jdbc;

    UsedSignatures(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /**
     * Records a use of the signature named {@code digest} in environment {@code envId}.
     *
     * @return empty when this is its first use, otherwise what the first use recorded
     */
    Optional<FirstUse> use(String envId, String digest, String idempotencyKey, Instant expiresAt) {
        int recorded = jdbc.update("INSERT INTO used_signatures (env_id, digest, idempotency_key, expires_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", envId, digest, idempotencyKey, expiresAt.toEpochMilli());
        if (recorded == 1) {
            return Optional.empty();
        }
        // a row purged between the two statements had expired: still a second use, matching no key
        return Optional.of(jdbc.one("SELECT idempotency_key FROM used_signatures WHERE env_id = ? AND digest = ?",
                rs -> new FirstUse(rs.getString(1)), envId, digest).orElse(new FirstUse(null)));
    }

    /** Removes the rows that expired before {@code now}, a batch at a time; answers how many. */
    int purgeExpired(Instant now) {
        int total = 0;
        int removed;
        do {
            removed = jdbc.update("DELETE FROM used_signatures WHERE (env_id, digest) IN "
                    + "(SELECT env_id, digest FROM used_signatures WHERE expires_at < ? LIMIT ?)", now.toEpochMilli(), PURGE_BATCH);
            total += removed;
        } while (removed == PURGE_BATCH);
        return total;
    }
}
