package coffer.server.webhook;

import coffer.server.ledger.feed.MovementVersions;
import coffer.server.db.Database;
import coffer.server.db.Dialect;
import coffer.server.db.Jdbc;
import coffer.server.json.Json;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.feed.MovementVersions;

import coffer.server.tenant.WebhookListeners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook tables (schema V8), written outside the ledger writer: short transactions on the
 * readers' pool, as {@code ServerKeys} and {@code KycStore} do. On SQLite each transaction starts
 * with a write, so it takes the database's write lock at once (waiting, with the busy timeout, for
 * the ledger writer's commit in progress) and reads the latest commit; on PostgreSQL the cursor row
 * is locked with {@code SELECT ... FOR UPDATE}. Either way two dispatchers never turn one commit into
 * events twice. Committed movements are read through the ledger's change feed
 * ({@link LedgerService#movementVersions}), in the same transaction that moves the cursor.
 */
final class WebhookStore {
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final Set<String> STATUSES = Set.of(PENDING, DELIVERED, FAILED);

    private static final String DELIVERY_COLUMNS = "id, event_id, env_id, event_type, transaction_id, payload, status, "
            + "attempts, next_attempt_at, created_at, delivered_at";
    private static final String CURSOR = "SELECT seq FROM webhook_cursor WHERE id = 1";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final LedgerService ledger;

    WebhookStore(Database database, LedgerService ledger) {
        this.jdbc = new Jdbc(database);
        this.dialect = database.dialect();
        this.ledger = ledger;
    }

    /** What one pass over the change feed did. */
    record Created(int events, boolean more) {
    }

    /** A delivery whose attempt is due. */
    record Due(String id, String envId, String eventId, String payload, int roundAttempts, long nextAttemptAt) {
    }

    /** One page of the delivery log, newest first; {@code next}: the id after which the next page starts, or null. */
    record Page(List<Delivery> deliveries, String next) {
    }

    /**
     * Turns the commits after the cursor (at most about {@code maxVersions} movement versions) into
     * pending deliveries for environments that have a webhook URL, and moves the cursor past them, in
     * one transaction.
     */
    Created createEvents(Instant now, int maxVersions) {
        // most passes find nothing new: tell without taking any lock
        if (jdbc.one(CURSOR, WebhookStore::seq).orElse(0L) >= ledger.lastCommit()) {
            return new Created(0, false);
        }
        // nobody listens: the cursor waits, unwritten (the first environment to listen moves it to the head)
        if (!jdbc.withConnection(WebhookListeners::anyone)) {
            return new Created(0, false);
        }
        return jdbc.inTransaction(tx -> {
            long cursor = lockCursor(tx, now);
            List<String> listening = tx.query("SELECT id FROM environments WHERE webhook_url IS NOT NULL", rs -> rs.getString(1));
            MovementVersions read = ledger.movementVersions(tx, cursor, maxVersions, listening);
            if (read.upTo() <= cursor) {
                return new Created(0, false);
            }
            List<Object[]> deliveries = new ArrayList<>();
            for (MovementVersions.Version v : read.versions()) {
                Movement m = v.movement();
                if (m.status() == v.previousStatus() || !WebhookEvent.announced(m.kind(), m.status())) {
                    continue;
                }
                WebhookEvent event = WebhookEvent.of(Ids.next("evt"), now.toString(), m.envId(), MovementData.of(m));
                deliveries.add(new Object[] {Ids.next("whd"), event.id(), m.envId(), event.type(), m.id(),
                        Json.gson().toJson(event), PENDING, now, now});
            }
            int created = tx.updateEach("INSERT INTO webhook_deliveries (id, event_id, env_id, event_type, transaction_id, "
                    + "payload, status, attempts, round_attempts, next_attempt_at, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?) ON CONFLICT DO NOTHING", deliveries);
            tx.update("UPDATE webhook_cursor SET seq = ?, updated_at = ? WHERE id = 1", read.upTo(), now);
            return new Created(created, read.more());
        });
    }

    /** The cursor's commit number, its row locked until this transaction ends. */
    private long lockCursor(Jdbc.Tx tx, Instant now) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            // a write first: SQLite's write lock is taken now, before anything is read
            tx.update("UPDATE webhook_cursor SET updated_at = ? WHERE id = 1", now);
            return tx.one(CURSOR, WebhookStore::seq).orElse(0L);
        }
        return tx.one("SELECT seq FROM webhook_cursor c WHERE id = 1" + dialect.lockRows("c"), WebhookStore::seq).orElse(0L);
    }

    private static Long seq(ResultSet rs) throws SQLException {
        return Jdbc.nullableLong(rs, 1);
    }

    /** Pending deliveries due at {@code now}, the longest waiting first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.query("SELECT id, env_id, event_id, payload, round_attempts, next_attempt_at "
                        + "FROM webhook_deliveries WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                rs -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6)),
                PENDING, now, limit);
    }

    /**
     * Takes a due delivery for one attempt by pushing its due time to {@code leaseUntil}; false when
     * another dispatcher took (or a replay changed) it first. Should this process stop mid-attempt,
     * the delivery falls due again at {@code leaseUntil}.
     */
    boolean claim(Due d, Instant leaseUntil) {
        return jdbc.update("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = ? AND next_attempt_at = ?",
                leaseUntil, d.id(), PENDING, d.nextAttemptAt()) == 1;
    }

    /**
     * Logs an attempt and settles the delivery: {@code status} with its next due time (pending) or none.
     */
    void recordAttempt(String deliveryId, Delivery.Attempt attempt, String status, Instant nextAttemptAt) {
        jdbc.inTransaction(tx -> {
            tx.update("UPDATE webhook_deliveries SET attempts = attempts + 1, round_attempts = round_attempts + 1, status = ?, "
                            + "next_attempt_at = ?, delivered_at = ? WHERE id = ?", status, nextAttemptAt,
                    DELIVERED.equals(status) ? attempt.at() : null, deliveryId);
            tx.update("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, url, http_status, error, duration_ms) "
                            + "VALUES (?, (SELECT attempts FROM webhook_deliveries WHERE id = ?), ?, ?, ?, ?, ?)", deliveryId,
                    deliveryId, attempt.at(), attempt.url(), attempt.httpStatus(), attempt.error(), attempt.durationMs());
            return null;
        });
    }

    /** When the earliest pending delivery falls due, if any is pending. */
    Optional<Instant> nextDue() {
        return jdbc.one("SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'", rs -> Jdbc.instant(rs, 1));
    }

    /**
     * The environment's deliveries with {@code status} (any when null), newest first, after delivery id {@code after}.
     *
     * @return the page, and the id after which the next one starts (null on the last)
     */
    Page page(String envId, String status, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE env_id = ?");
        List<Object> args = new ArrayList<>(List.of(envId));
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (after != null) {
            sql.append(" AND id < ?");
            args.add(after);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit + 1);
        List<Delivery> found = jdbc.query(sql.toString(), WebhookStore::delivery, args.toArray());
        boolean more = found.size() > limit;
        List<Delivery> page = more ? found.subList(0, limit) : found;
        return new Page(withAttempts(page), more ? page.get(page.size() - 1).id() : null);
    }

    /** Makes the environment's delivery due again now, for a fresh round of attempts; empty when it has no such delivery. */
    Optional<Delivery> replay(String envId, String deliveryId, Instant now) {
        int changed = jdbc.update("UPDATE webhook_deliveries SET status = ?, round_attempts = 0, next_attempt_at = ? "
                + "WHERE id = ? AND env_id = ?", PENDING, now, deliveryId, envId);
        if (changed == 0) {
            return Optional.empty();
        }
        return withAttempts(jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = ?",
                WebhookStore::delivery, deliveryId)).stream().findFirst();
    }

    /** Sets (or, with null, clears) the environment's webhook URL; false for an unknown environment. */
    boolean setUrl(String envId, String url) {
        return jdbc.inTransaction(tx -> WebhookListeners.setUrl(tx.connection(), envId, url));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), Jdbc.instant(rs, 9), Jdbc.instant(rs, 10),
                Jdbc.instant(rs, 11), List.of());
    }

    private List<Delivery> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, List<Delivery.Attempt>> attempts = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            attempts.put(d.id(), new ArrayList<>());
        }
        List<Map.Entry<String, Delivery.Attempt>> rows = jdbc.query("SELECT delivery_id, attempt, attempted_at, url, "
                + "http_status, error, duration_ms FROM webhook_attempts WHERE delivery_id IN ("
                + Jdbc.placeholders(attempts.size()) + ") ORDER BY delivery_id, attempt", rs -> {
                    Long httpStatus = Jdbc.nullableLong(rs, 5);
                    return Map.entry(rs.getString(1), new Delivery.Attempt(rs.getInt(2), Jdbc.instant(rs, 3), rs.getString(4),
                            httpStatus == null ? null : httpStatus.intValue(), rs.getString(6), rs.getLong(7)));
                }, attempts.keySet().toArray());
        rows.forEach(row -> attempts.get(row.getKey()).add(row.getValue()));
        List<Delivery> result = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            result.add(new Delivery(d.id(), d.eventId(), d.envId(), d.eventType(), d.transactionId(), d.payload(), d.status(),
                    d.attemptCount(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt(), List.copyOf(attempts.get(d.id()))));
        }
        return result;
    }
}
