package coffer.server.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.server.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code idempotency_keys}: the one table where every money-moving request's {@code Idempotency-Key} is
 * kept, whichever surface took it, with its request's {@link Fingerprint} and, once answered, the answer.
 * The ledger writer claims keys in the transaction of its batch (and stores the answer as JSON); payouts
 * and top-ups, which call the provider and cannot live in a ledger transaction, claim theirs in the
 * transaction that stores their row, the answer being the row's id. Either way a key means one thing:
 *
 * <ul>
 *   <li>free: the request runs;</li>
 *   <li>answered, same request: the stored answer is replayed;</li>
 *   <li>any other request: 422 {@code IDEMPOTENCY_KEY_REUSED} (a key names one request, on every route);</li>
 *   <li>claimed, not yet answered: 409 {@code IDEMPOTENCY_IN_PROGRESS}.</li>
 * </ul>
 *
 * A refused request releases its key so it can be retried with the same key. Keys are purged after the
 * retention period ({@code LedgerSettings}), at least 24 hours.
 */
public final class IdempotencyKeys {
    private static final String IN_PROGRESS = "A request with this idempotency key is still in progress; retry shortly";
    private static final String REUSED = "This idempotency key was already used for a different request";

    private final Jdbc jdbc;

    public IdempotencyKeys(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * What an earlier request with {@code key} left for {@code request}: empty when the key is free; the
     * stored answer when it was this request; else the refusal (reused, or still in progress).
     *
     * @param legacy how the table that kept the key before the keys were one table wrote its fingerprints
     */
    public Optional<Result<String>> earlier(IdempotencyKey key, Fingerprint request, Fingerprint.Legacy legacy) {
        return jdbc.withConnection(c -> read(c, key, request, legacy));
    }

    /**
     * As {@link #earlier}, on the caller's connection (the ledger writer's, inside its batch): what the
     * key's row says about {@code request}; empty when there is no row.
     */
    public static Optional<Result<String>> read(Connection c, IdempotencyKey key, Fingerprint request,
                                                Fingerprint.Legacy legacy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, response FROM idempotency_keys WHERE scope = ? AND idem_key = ?")) {
            ps.setString(1, key.scope());
            ps.setString(2, key.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(decide(rs.getString(1), rs.getString(2), request, legacy)) : Optional.empty();
            }
        }
    }

    /**
     * Claims {@code key} for {@code request} with its answer, in the caller's transaction (the one that
     * stores what the answer names); false when another request holds the key, and then nothing was written.
     */
    public static boolean claim(Jdbc.Tx tx, IdempotencyKey key, Fingerprint request, String answer, Instant now)
            throws SQLException {
        return tx.update("INSERT INTO idempotency_keys (scope, idem_key, request_hash, response, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, idem_key) DO NOTHING",
                key.scope(), key.key(), request.value(), Objects.requireNonNull(answer, "answer"), now) == 1;
    }

    /** Frees {@code key} for a retry, in the caller's transaction: the request it named was not carried out. */
    public static void release(Jdbc.Tx tx, IdempotencyKey key) throws SQLException {
        tx.update("DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ?", key.scope(), key.key());
    }

    /**
     * What a key's row says about {@code request}: the stored answer, or IDEMPOTENCY_KEY_REUSED, or
     * IDEMPOTENCY_IN_PROGRESS when the row has no answer yet.
     */
    private static Result<String> decide(String storedHash, String response, Fingerprint request, Fingerprint.Legacy legacy) {
        if (!request.matches(storedHash, legacy)) {
            return Result.rejected(ErrorCode.IDEMPOTENCY_KEY_REUSED, REUSED);
        }
        if (response == null) {
            return Result.rejected(ErrorCode.IDEMPOTENCY_IN_PROGRESS, IN_PROGRESS);
        }
        return Result.ok(response);
    }

    /** The refusal of a request whose key another request is still carrying out. */
    public static <T> Result<T> inProgress() {
        return Result.rejected(ErrorCode.IDEMPOTENCY_IN_PROGRESS, IN_PROGRESS);
    }
}
