package coffer.server.db;

import java.security.SecureRandom;
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
    public static String get(Jdbc jdbc, String id, String fresh, long now) {
        jdbc.update("INSERT INTO server_keys (id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", id, fresh, now);
        return jdbc.one("SELECT secret FROM server_keys WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
