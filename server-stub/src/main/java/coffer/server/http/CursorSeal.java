package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.db.ServerKeys;
import coffer.server.ledger.LedgerUnavailableException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals the pagination cursors the API hands out, {@code <payload>.<MAC>}, with a key of the server's
 * (shared by every process on the same database) and bound to the caller: a cursor that was altered,
 * belongs to another user, or comes from another server's database is refused with INVALID_REQUEST
 * before anything is read.
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
        try {
            return new CursorSeal(Base64.getUrlDecoder().decode(
                    ServerKeys.get(database, "cursor-v1", ServerKeys.random(32), clock.millis())));
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    /**
     * @param kind    what the cursor is for ({@code "history"}, {@code "sync"}): one kind is never accepted as another
     * @param payload text without {@code '.'}
     */
    public String seal(Principal caller, String kind, String payload) {
        if (payload.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a cursor payload must not contain '.'");
        }
        return payload + "." + B64.encodeToString(mac(caller, kind, payload));
    }

    /** The payload of a cursor this server sealed for this caller and kind, or INVALID_REQUEST. */
    public String open(Principal caller, String kind, String cursor) {
        int dot = cursor == null ? -1 : cursor.lastIndexOf('.');
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
        if (!MessageDigest.isEqual(given, mac(caller, kind, payload))) {
            throw invalid();
        }
        return payload;
    }

    private byte[] mac(Principal caller, String kind, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String signed = kind + "\n" + caller.envId() + "\n" + caller.userId() + "\n" + payload;
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static CofferException invalid() {
        return new CofferException(ErrorCode.INVALID_REQUEST,
                "The cursor is not valid for this caller; start again from the first page.");
    }
}
