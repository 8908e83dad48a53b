package coffer.server.webhook;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.db.Database;
import coffer.server.db.Dialect;
import coffer.server.json.Json;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerUnavailableException;
import coffer.server.ledger.Movement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
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
 * events twice. The ledger's own tables are only read here.
 */
final class WebhookStore {
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final Set<String> STATUSES = Set.of(PENDING, DELIVERED, FAILED);

    /** Kinds whose pending state is news for a partner: money is set aside while a payout is under way. */
    private static final Set<TransactionKind> PENDING_EVENTS = Set.of(TransactionKind.WITHDRAWAL, TransactionKind.SETTLEMENT);
    private static final String DELIVERY_COLUMNS = "id, event_id, env_id, event_type, transaction_id, payload, status, "
            + "attempts, next_attempt_at, created_at, delivered_at";

    private final Database database;

    WebhookStore(Database database) {
        this.database = database;
    }

    /** What one pass over the change feed did. */
    record Created(int events, boolean more) {
    }

    /** A delivery whose attempt is due. */
    record Due(String id, String envId, String eventId, String payload, int roundAttempts, long nextAttemptAt) {
    }

    /** One page of the delivery log, newest first. */
    record Page(List<Delivery> deliveries, String nextCursor) {
    }

    /**
     * Turns the commits after the cursor (at most about {@code maxVersions} movement versions) into
     * pending deliveries for environments that have a webhook URL, and moves the cursor past them, in
     * one transaction.
     */
    Created createEvents(Instant now, int maxVersions) {
        // most passes find nothing new: tell without taking any lock
        boolean behind = read(c -> single(c, "SELECT seq FROM webhook_cursor WHERE id = 1", 0)
                < single(c, "SELECT seq FROM ledger_clock WHERE id = 1", -1));
        if (!behind) {
            return new Created(0, false);
        }
        return inTransaction(c -> {
            long cursor = lockCursor(c, now);
            long head = single(c, "SELECT seq FROM ledger_clock WHERE id = 1", -1);
            if (head <= cursor) {
                return new Created(0, false);
            }
            long upTo = head;
            long bound = single(c, "SELECT seq FROM transaction_versions WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1 OFFSET "
                    + (maxVersions - 1), -1, cursor, head);
            if (bound > 0) {
                upTo = bound;
            }
            int created = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT v.seq, v.transaction_id, v.status, v.amount, v.refunded, "
                    + "v.failure_reason, v.completed_at, t.env_id, t.kind, t.currency, t.debit_account, t.credit_account, "
                    + "t.hold_id, t.original_id, t.reference, t.description, t.metadata, t.created_at, "
                    + "(SELECT p.status FROM transaction_versions p WHERE p.transaction_id = v.transaction_id AND p.seq < v.seq "
                    + "ORDER BY p.seq DESC LIMIT 1) AS previous_status "
                    + "FROM transaction_versions v JOIN transactions t ON t.id = v.transaction_id "
                    + "JOIN environments e ON e.id = t.env_id "
                    + "WHERE v.seq > ? AND v.seq <= ? AND e.webhook_url IS NOT NULL "
                    + "AND v.status IN ('pending', 'completed', 'failed', 'reversed') ORDER BY v.seq, v.transaction_id");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_deliveries (id, event_id, env_id, "
                         + "event_type, transaction_id, payload, status, attempts, round_attempts, next_attempt_at, created_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, cursor);
                ps.setLong(2, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Movement m = movement(rs);
                        if (m.status().wire().equals(rs.getString("previous_status"))
                                || m.status() == TransactionStatus.PENDING && !PENDING_EVENTS.contains(m.kind())) {
                            continue;
                        }
                        WebhookEvent event = new WebhookEvent(Ids.next("evt"), m.kind().wire() + "." + m.status().wire(),
                                now.toString(), m.envId(), MovementData.of(m));
                        insert.setString(1, Ids.next("whd"));
                        insert.setString(2, event.id());
                        insert.setString(3, m.envId());
                        insert.setString(4, event.type());
                        insert.setString(5, m.id());
                        insert.setString(6, Json.gson().toJson(event));
                        insert.setString(7, PENDING);
                        insert.setLong(8, now.toEpochMilli());
                        insert.setLong(9, now.toEpochMilli());
                        created += insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_cursor SET seq = ?, updated_at = ? WHERE id = 1")) {
                ps.setLong(1, upTo);
                ps.setLong(2, now.toEpochMilli());
                ps.executeUpdate();
            }
            return new Created(created, upTo < head);
        });
    }

    /** The cursor's commit number, its row locked until this transaction ends. */
    private long lockCursor(Connection c, Instant now) throws SQLException {
        if (database.dialect() == Dialect.SQLITE) {
            // a write first: SQLite's write lock is taken now, before anything is read
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_cursor SET updated_at = ? WHERE id = 1")) {
                ps.setLong(1, now.toEpochMilli());
                ps.executeUpdate();
            }
            return single(c, "SELECT seq FROM webhook_cursor WHERE id = 1", 0);
        }
        return single(c, "SELECT seq FROM webhook_cursor c WHERE id = 1" + database.dialect().lockRows("c"), 0);
    }

    private static Movement movement(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long completed = rs.getLong("completed_at");
        Instant completedAt = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
        return new Movement(rs.getString("transaction_id"), rs.getString("env_id"),
                TransactionKind.fromWire(rs.getString("kind")), TransactionStatus.fromWire(rs.getString("status")),
                Money.ofMinor(currency, rs.getLong("amount")), rs.getString("debit_account"), rs.getString("credit_account"),
                rs.getString("hold_id"), rs.getString("original_id"), Money.ofMinor(currency, rs.getLong("refunded")),
                rs.getString("reference"), rs.getString("description"), rs.getString("metadata"),
                rs.getString("failure_reason"), Instant.ofEpochMilli(rs.getLong("created_at")), completedAt);
    }

    /** Pending deliveries due at {@code now}, the longest waiting first. */
    List<Due> due(Instant now, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, env_id, event_id, payload, round_attempts, next_attempt_at "
                    + "FROM webhook_deliveries WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
                ps.setString(1, PENDING);
                ps.setLong(2, now.toEpochMilli());
                ps.setInt(3, limit);
                List<Due> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                                rs.getLong(6)));
                    }
                }
                return due;
            }
        });
    }

    /**
     * Takes a due delivery for one attempt by pushing its due time to {@code leaseUntil}; false when
     * another dispatcher took (or a replay changed) it first. Should this process stop mid-attempt,
     * the delivery falls due again at {@code leaseUntil}.
     */
    boolean claim(Due d, Instant leaseUntil) {
        return update("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = ? AND next_attempt_at = ?",
                leaseUntil.toEpochMilli(), d.id(), PENDING, d.nextAttemptAt()) == 1;
    }

    /**
     * Logs an attempt and settles the delivery: {@code status} with its next due time (pending) or none.
     */
    void recordAttempt(String deliveryId, Delivery.Attempt attempt, String status, Instant nextAttemptAt) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET attempts = attempts + 1, "
                    + "round_attempts = round_attempts + 1, status = ?, next_attempt_at = ?, delivered_at = ? WHERE id = ?")) {
                ps.setString(1, status);
                setInstant(ps, 2, nextAttemptAt);
                setInstant(ps, 3, DELIVERED.equals(status) ? attempt.at() : null);
                ps.setString(4, deliveryId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, "
                    + "url, http_status, error, duration_ms) VALUES (?, (SELECT attempts FROM webhook_deliveries WHERE id = ?), "
                    + "?, ?, ?, ?, ?)")) {
                ps.setString(1, deliveryId);
                ps.setString(2, deliveryId);
                ps.setLong(3, attempt.at().toEpochMilli());
                ps.setString(4, attempt.url());
                if (attempt.httpStatus() == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, attempt.httpStatus());
                }
                ps.setString(6, attempt.error());
                ps.setLong(7, attempt.durationMs());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** When the earliest pending delivery falls due, if any is pending. */
    Optional<Instant> nextDue() {
        long next = read(c -> single(c, "SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'", -1));
        return next < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
    }

    /** The environment's deliveries with {@code status} (any when null), newest first, after delivery id {@code after}. */
    Page page(String envId, String status, String after, int limit) {
        return read(c -> {
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
            List<Delivery> found = deliveries(c, sql.toString(), args);
            boolean more = found.size() > limit;
            List<Delivery> page = more ? found.subList(0, limit) : found;
            return new Page(withAttempts(c, page), more ? page.get(page.size() - 1).id() : null);
        });
    }

    /** Makes the environment's delivery due again now, for a fresh round of attempts; empty when it has no such delivery. */
    Optional<Delivery> replay(String envId, String deliveryId, Instant now) {
        int changed = update("UPDATE webhook_deliveries SET status = ?, round_attempts = 0, next_attempt_at = ? "
                + "WHERE id = ? AND env_id = ?", PENDING, now.toEpochMilli(), deliveryId, envId);
        if (changed == 0) {
            return Optional.empty();
        }
        return read(c -> withAttempts(c, deliveries(c, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = ?",
                List.of(deliveryId)))).stream().findFirst();
    }

    /** Sets (or, with null, clears) the environment's webhook URL; false for an unknown environment. */
    boolean setUrl(String envId, String url) {
        return update("UPDATE environments SET webhook_url = ? WHERE id = ?", url, envId) == 1;
    }

    private static List<Delivery> deliveries(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args.toArray());
            List<Delivery> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), instant(rs, 9),
                            instant(rs, 10), instant(rs, 11), List.of()));
                }
            }
            return found;
        }
    }

    private static List<Delivery> withAttempts(Connection c, List<Delivery> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, List<Delivery.Attempt>> attempts = new LinkedHashMap<>();
        StringBuilder in = new StringBuilder();
        for (Delivery d : deliveries) {
            attempts.put(d.id(), new ArrayList<>());
            in.append(in.length() == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT delivery_id, attempt, attempted_at, url, http_status, error, "
                + "duration_ms FROM webhook_attempts WHERE delivery_id IN (" + in + ") ORDER BY delivery_id, attempt")) {
            bind(ps, attempts.keySet().toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt(5);
                    Integer httpStatus = rs.wasNull() ? null : status;
                    attempts.get(rs.getString(1)).add(new Delivery.Attempt(rs.getInt(2), instant(rs, 3), rs.getString(4),
                            httpStatus, rs.getString(6), rs.getLong(7)));
                }
            }
        }
        List<Delivery> result = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            result.add(new Delivery(d.id(), d.eventId(), d.envId(), d.eventType(), d.transactionId(), d.payload(), d.status(),
                    d.attemptCount(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt(), List.copyOf(attempts.get(d.id()))));
        }
        return result;
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = database.readers().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = database.readers().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    private int update(String sql, Object... args) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    /** The first column of the first row as a number; {@code absent} when there is no row or it is null. */
    private static long single(Connection c, String sql, long absent, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return absent;
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? absent : value;
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, at.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
