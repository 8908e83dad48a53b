package coffer.server.auth;

import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.db.ServerKeys;

import java.util.Optional;

/**
 * Sessions, refresh tokens and the server's signing key. These are small autocommit writes outside the
 * ledger, so they use the shared pool rather than the ledger's writer; each statement is safe under
 * concurrency on its own (conditional updates, insert-if-absent).
 */
final class AuthStore {
    /** A refresh token as stored, with its session. */
    record RefreshRow(String sessionId, String envId, String userId, long expiresAt, Long usedAt,
                      Long sessionRevokedAt, long sessionExpiresAt) {
    }

    private final Jdbc jdbc;

    AuthStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** The key named {@code id}, created with {@code fresh} if no process has created it yet. */
    String serverKey(String id, String fresh, long now) {
        return ServerKeys.get(jdbc, id, fresh, now);
    }

    void createSession(String id, String envId, String userId, long now, long expiresAt,
                       String refreshHash, long refreshExpiresAt) {
        jdbc.inTransaction(tx -> {
            tx.update("INSERT INTO sessions (id, env_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    id, envId, userId, now, expiresAt);
            tx.update("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    refreshHash, id, now, refreshExpiresAt);
            return null;
        });
    }

    Optional<RefreshRow> refreshToken(String hash) {
        return jdbc.one("SELECT s.id, s.env_id, s.user_id, r.expires_at, r.used_at, s.revoked_at, s.expires_at "
                        + "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ?",
                rs -> new RefreshRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        Jdbc.nullableLong(rs, 5), Jdbc.nullableLong(rs, 6), rs.getLong(7)), hash);
    }

    /** Marks the token used and stores its successor; false if another request used it first. */
    boolean rotate(String usedHash, String sessionId, String nextHash, long now, long nextExpiresAt) {
        return jdbc.inTransaction(tx -> {
            if (tx.update("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", now, usedHash) != 1) {
                return false;
            }
            tx.update("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    nextHash, sessionId, now, nextExpiresAt);
            return true;
        });
    }

    void revokeSession(String sessionId, long now) {
        jdbc.update("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, sessionId);
    }

    /** True when the session exists, is not revoked and has not expired at {@code now}. */
    boolean sessionActive(String sessionId, long now) {
        return jdbc.one("SELECT 1 FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?", rs -> true,
                sessionId, now).isPresent();
    }
}
