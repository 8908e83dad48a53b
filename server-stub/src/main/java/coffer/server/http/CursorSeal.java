package coffer.server.http;

import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.db.ServerKeys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * The one codec of the API's pagination cursors, {@code <position>.<MAC>}: a list's position (written by
 * its {@link CursorKind}) sealed with an HMAC under a key of the server's (shared by every process on the
 * same database) over the list's name, the owner ({@link CursorOwner}: a user, or a partner environment)
 * and the position. A cursor that was altered, belongs to another owner or another list, or comes from
 * another server's database is refused with INVALID_REQUEST before anything is read. To the client a
 * cursor is opaque text.
 */
public final class CursorSeal {
    private static final int MAC_BYTES = 16;
    private static final int MAX_LENGTH = 8192;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    CursorSeal(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The seal with the database's cursor key (created on first use). */
    public static CursorSeal of(Database database, Clock clock) {
        return new CursorSeal(Base64.getUrlDecoder().decode(
                ServerKeys.get(new Jdbc(database), "cursor-v1", ServerKeys.random(32), clock.millis())));
    }

    /** The cursor of the page that starts after {@code next}, for {@code owner}; null when {@code next} is (the last page). */
    public <T> String seal(CursorOwner owner, CursorKind<T> kind, T next) {
        if (next == null) {
            return null;
        }
        String payload = kind.write(next);
        if (payload.isEmpty() || payload.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a cursor's text must be non-empty and without '.'");
        }
        return payload + "." + B64.encodeToString(mac(owner, kind, payload));
    }

    /**
     * The position in a cursor this server sealed for {@code owner} and {@code kind}; null for no cursor
     * (the first page); any other text is INVALID_REQUEST.
     */
    public <T> T open(CursorOwner owner, CursorKind<T> kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        int dot = cursor.lastIndexOf('.');
        if (dot <= 0 || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String payload = cursor.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(given, mac(owner, kind, payload))) {
            throw invalid();
        }
        try {
            return kind.read(payload);
        } catch (RuntimeException e) {
            // sealed by this server's key but not readable now: a cursor of an earlier version
            throw invalid();
        }
    }

    private byte[] mac(CursorOwner owner, CursorKind<?> kind, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // no part but the last can hold a line break: kinds are constants, environment ids are
            // [A-Za-z0-9-], users' ids are generated
            String signed = kind.name + "\n" + owner.envId + "\n" + owner.subject + "\n" + payload;
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static RuntimeException invalid() {
        return QueryParams.invalid("cursor", "The cursor is not valid for this caller and list; start again from the first page.");
    }
}
