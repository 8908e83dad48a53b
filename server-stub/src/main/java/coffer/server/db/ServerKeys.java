package coffer.server.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The server's own secrets, kept in its database so that every process sharing the database uses the
 * same ones. A key is created once, by whichever process asks first; the others read that one.
 */
public final class ServerKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerKeys() {
    }

    /** The key named {@code id}, created with {@code fresh} if no process has created it yet. */
    public static String get(Database database, String id, String fresh, long now) throws SQLException {
        try (Connection c = database.readers().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO server_keys (id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, id);
                ps.setString(2, fresh);
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM server_keys WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
