package coffer.app.local;

import coffer.app.local.OutboxEntry.Kind;
import coffer.app.local.OutboxEntry.State;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.TransferTypes.TransferRequest;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The operations the user confirmed, in the order they were confirmed, until the server answers them.
 * Every change is committed durably ({@link LocalDatabase#writeDurably}): an entry is on disk before
 * its first send, and a sent or refused entry is never sent again.
 */
public final class Outbox {
    /** The body as sent: the same snake_case JSON as the API client's. */
    private static final Gson BODIES = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .create();
    private static final String COLUMNS = "client_id, idempotency_key, position, kind, body, summary, state, "
            + "server_id, server_status, error_code, error_message, attempts, created_at, updated_at";

    private final LocalDatabase database;
    private final Clock clock;

    public Outbox(LocalDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The key sent with every attempt of the entry {@code clientId}. */
    public static String idempotencyKey(UUID clientId) {
        return "outbox-" + clientId;
    }

    /** Queues a payment the user confirmed; on disk when this returns. */
    public OutboxEntry enqueuePayment(UUID clientId, PaymentRequest request, String summary) {
        return enqueue(clientId, Kind.PAYMENT, BODIES.toJson(request), summary);
    }

    /** Queues a transfer between the user's wallets; on disk when this returns. */
    public OutboxEntry enqueueTransfer(UUID clientId, TransferRequest request, String summary) {
        return enqueue(clientId, Kind.TRANSFER, BODIES.toJson(request), summary);
    }

    private OutboxEntry enqueue(UUID clientId, Kind kind, String body, String summary) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(summary, "summary");
        String id = clientId.toString();
        String now = clock.instant().toString();
        return database.writeDurably(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (client_id, idempotency_key, position, "
                    + "kind, body, summary, state, attempts, created_at, updated_at) "
                    + "VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM outbox), ?, ?, ?, 'queued', 0, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, idempotencyKey(clientId));
                s.setString(3, kind.wireName());
                s.setString(4, body);
                s.setString(5, summary);
                s.setString(6, now);
                s.setString(7, now);
                s.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    /** The payment an entry of kind {@code payment} carries. */
    public static PaymentRequest payment(OutboxEntry entry) {
        requireKind(entry, Kind.PAYMENT);
        return BODIES.fromJson(entry.body(), PaymentRequest.class);
    }

    /** The transfer an entry of kind {@code transfer} carries. */
    public static TransferRequest transfer(OutboxEntry entry) {
        requireKind(entry, Kind.TRANSFER);
        return BODIES.fromJson(entry.body(), TransferRequest.class);
    }

    private static void requireKind(OutboxEntry entry, Kind kind) {
        if (entry.kind() != kind) {
            throw new IllegalArgumentException("entry " + entry.clientId() + " is a " + entry.kind() + ", not a " + kind);
        }
    }

    /** The first entry not yet answered (queued, or sending when an attempt was interrupted), in send order. */
    public Optional<OutboxEntry> next() {
        return database.read(c -> first(c, "SELECT " + COLUMNS + " FROM outbox WHERE state IN ('queued', 'sending') "
                + "ORDER BY position LIMIT 1"));
    }

    public Optional<OutboxEntry> find(String clientId) {
        return database.read(c -> find(c, clientId));
    }

    /** What the user should still see: entries not yet answered, and refusals not yet dismissed, in order. */
    public List<OutboxEntry> unfinished() {
        return database.read(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox "
                    + "WHERE state IN ('queued', 'sending') OR (state = 'failed' AND dismissed = 0) ORDER BY position");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        });
    }

    /** An attempt starts: counted before the request leaves, so a crash mid-send is visible. */
    public OutboxEntry sending(String clientId) {
        return update(clientId, "state = 'sending', attempts = attempts + 1", State.QUEUED, State.SENDING);
    }

    /** The attempt did not get an answer (network, timeout, 5xx): sent again later with the same key. */
    public OutboxEntry requeue(String clientId) {
        return update(clientId, "state = 'queued'", State.SENDING);
    }

    public OutboxEntry sent(String clientId, String serverId, String serverStatus) {
        return update(clientId, "state = 'sent', server_id = ?, server_status = ?", List.of(serverId, serverStatus),
                State.SENDING);
    }

    public OutboxEntry failed(String clientId, String errorCode, String errorMessage) {
        return update(clientId, "state = 'failed', error_code = ?, error_message = ?", List.of(errorCode, errorMessage),
                State.SENDING);
    }

    /** Removes a refusal from the list the user sees; the row stays as a record. */
    public void dismiss(String clientId) {
        update(clientId, "dismissed = 1", State.FAILED);
    }

    private OutboxEntry update(String clientId, String set, State... from) {
        return update(clientId, set, List.of(), from);
    }

    private OutboxEntry update(String clientId, String set, List<String> values, State... from) {
        StringBuilder states = new StringBuilder();
        for (State s : from) {
            states.append(states.isEmpty() ? "" : ", ").append('\'').append(s.wireName()).append('\'');
        }
        String now = clock.instant().toString();
        return database.writeDurably(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET " + set + ", updated_at = ? "
                    + "WHERE client_id = ? AND state IN (" + states + ")")) {
                int i = 1;
                for (String v : values) {
                    s.setString(i++, v);
                }
                s.setString(i++, now);
                s.setString(i, clientId);
                if (s.executeUpdate() != 1) {
                    throw new IllegalStateException("outbox entry " + clientId + " is not " + states);
                }
            }
            return find(c, clientId).orElseThrow();
        });
    }

    private static Optional<OutboxEntry> find(Connection c, String clientId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE client_id = ?")) {
            s.setString(1, clientId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<OutboxEntry> first(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getString("client_id"), rs.getString("idempotency_key"), rs.getLong("position"),
                Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("body"),
                rs.getString("summary"), State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("server_id"), rs.getString("server_status"), rs.getString("error_code"),
                rs.getString("error_message"), rs.getInt("attempts"), Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at")));
    }
}
