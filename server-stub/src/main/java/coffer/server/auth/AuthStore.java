package coffer.server.auth;

import coffer.server.db.Database;
import coffer.server.db.ServerKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Database database;

    AuthStore(Database database) {
        this.database = database;
    }

    /** The key named {@code id}, created with {@code fresh} if no process has created it yet. */
    String serverKey(String id, String fresh, long now) throws SQLException {
        return ServerKeys.get(database, id, fresh, now);
    }

    void createSession(String id, String envId, String userId, long now, long expiresAt,
                       String refreshHash, long refreshExpiresAt) throws SQLException {
        try (Connection c = database.readers().getConnection()) {
            c.setAutoCommit(false);
            try {
                update(c, "INSERT INTO sessions (id, env_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                        id, envId, userId, now, expiresAt);
                update(c, "INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                        refreshHash, id, now, refreshExpiresAt);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    Optional<RefreshRow> refreshToken(String hash) throws SQLException {
        try (Connection c = database.readers().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT s.id, s.env_id, s.user_id, r.expires_at, r.used_at, s.revoked_at, s.expires_at "
                             + "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RefreshRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        nullableLong(rs, 5), nullableLong(rs, 6), rs.getLong(7)));
            }
        }
    }

    /** Marks the token used and stores its successor; false if another request used it first. */
    boolean rotate(String usedHash, String sessionId, String nextHash, long now, long nextExpiresAt) throws SQLException {
        try (Connection c = database.readers().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (update(c, "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", now, usedHash) != 1) {
                    c.rollback();
                    return false;
                }
                update(c, "INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                        nextHash, sessionId, now, nextExpiresAt);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    void revokeSession(String sessionId, long now) throws SQLException {
        try (Connection c = database.readers().getConnection()) {
            update(c, "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, sessionId);
        }
    }

    /** True when the session exists, is not revoked and has not expired at {@code now}. */
    boolean sessionActive(String sessionId, long now) throws SQLException {
        try (Connection c = database.readers().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT 1 FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?")) {
            ps.setString(1, sessionId);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
