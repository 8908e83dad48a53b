package coffer.server.auth;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.server.db.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Issues, checks, rotates and revokes the user API's tokens.
 *
 * <ul>
 *   <li>Access tokens are short-lived and self-contained: {@code v1.<payload>.<HMAC-SHA256>} over the
 *       session, user, environment and expiry, signed with a key the server keeps in its database (so
 *       every process sharing the database accepts them). A request also checks that the session was
 *       not revoked; that answer is cached for {@link #REVOCATION_CACHE} so a logout takes effect at
 *       once in this process and within that time in the others.</li>
 *   <li>Refresh tokens are random, stored only as SHA-256, and single use: a refresh answers a new pair.
 *       Presenting a refresh token that was already used means a copy leaked, so the whole session is
 *       revoked.</li>
 * </ul>
 */
public final class TokenService {
    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    static final Duration REVOCATION_CACHE = Duration.ofSeconds(5);
    /** Beyond this many remembered session checks, stale ones are dropped. */
    static final int MAX_CACHED_SESSIONS = 10_000;
    private static final String PREFIX = "v1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final AuthStore store;
    private final Clock clock;
    private final SecretKeySpec key;
    /** A Mac per thread: looking one up in the security providers costs more than the HMAC of a token. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> activeSessionsCheckedAt = new ConcurrentHashMap<>();
    private final List<Consumer<String>> sessionEnded = new CopyOnWriteArrayList<>();

    public TokenService(Database database, Clock clock) {
        this.store = new AuthStore(Objects.requireNonNull(database, "database"));
        this.clock = Objects.requireNonNull(clock, "clock");
        String secret = store.serverKey("access-token-v1", randomToken(32), clock.millis());
        this.key = new SecretKeySpec(B64D.decode(secret), "HmacSHA256");
    }

    /** Starts a new session for the user and answers its first token pair. */
    public TokenPair issue(String envId, String userId) {
        long now = clock.millis();
        String sessionId = "ses_" + randomToken(16);
        String refresh = randomToken(32);
        store.createSession(sessionId, envId, userId, now, now + REFRESH_TTL.toMillis(), sha256(refresh),
                now + REFRESH_TTL.toMillis());
        return new TokenPair(accessToken(sessionId, userId, envId, now), refresh, ACCESS_TTL.toSeconds(), userId);
    }

    /** Exchanges a refresh token for a new pair; UNAUTHORIZED if it is unknown, expired, revoked or reused. */
    public Result<TokenPair> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            return unauthorized("A refresh token is required.");
        }
        long now = clock.millis();
        String hash = sha256(refreshToken);
        AuthStore.RefreshRow row = store.refreshToken(hash).orElse(null);
        if (row == null || row.expiresAt() <= now || row.sessionRevokedAt() != null || row.sessionExpiresAt() <= now) {
            return unauthorized("The refresh token is not valid; sign in again.");
        }
        String next = randomToken(32);
        if (row.usedAt() != null || !store.rotate(hash, row.sessionId(), sha256(next), now, now + REFRESH_TTL.toMillis())) {
            // a used token presented again: someone holds a copy, so end the session for everyone
            revoke(row.sessionId(), now);
            return unauthorized("The refresh token was already used; the session has been ended. Sign in again.");
        }
        return Result.ok(new TokenPair(accessToken(row.sessionId(), row.userId(), row.envId(), now), next,
                ACCESS_TTL.toSeconds(), row.userId()));
    }

    /** Ends the session: its access tokens stop working and its refresh tokens cannot be exchanged. */
    public void logout(Principal principal) {
        revoke(principal.sessionId(), clock.millis());
    }

    /**
     * Tells {@code listener} the id of every session this process ends (sign-out, or a reused refresh
     * token), right after it ended; sessions ended by another process are found by {@link #sessionActive}.
     */
    public void onSessionEnded(Consumer<String> listener) {
        sessionEnded.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether the session is still signed in (not signed out, revoked or expired), asked of the database. */
    public boolean sessionActive(String sessionId) {
        return store.sessionActive(sessionId, clock.millis());
    }

    /** The caller behind an access token, or UNAUTHORIZED. */
    public Result<Principal> authenticate(String accessToken) {
        if (accessToken == null || !accessToken.startsWith(PREFIX)) {
            return unauthorized("A Bearer access token is required.");
        }
        int dot = accessToken.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return unauthorized("The access token is malformed.");
        }
        String signed = accessToken.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(accessToken.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return unauthorized("The access token is malformed.");
        }
        if (!MessageDigest.isEqual(mac(signed), given)) {
            return unauthorized("The access token is not valid.");
        }
        String[] parts = new String(B64D.decode(signed.substring(PREFIX.length())), StandardCharsets.UTF_8).split(":", -1);
        long now = clock.millis();
        if (parts.length != 4 || Long.parseLong(parts[3]) <= now) {
            return unauthorized("The access token has expired; refresh it.");
        }
        Principal principal = new Principal(parts[2], parts[1], parts[0]);
        Long checkedAt = activeSessionsCheckedAt.get(principal.sessionId());
        if (checkedAt == null || now - checkedAt > REVOCATION_CACHE.toMillis()) {
            if (!store.sessionActive(principal.sessionId(), now)) {
                activeSessionsCheckedAt.remove(principal.sessionId());
                return unauthorized("The session has ended; sign in again.");
            }
            if (activeSessionsCheckedAt.size() >= MAX_CACHED_SESSIONS) {
                // bounded: forget answers older than the cache window (they would be asked again anyway)
                activeSessionsCheckedAt.values().removeIf(at -> now - at > REVOCATION_CACHE.toMillis());
            }
            activeSessionsCheckedAt.put(principal.sessionId(), now);
        }
        return Result.ok(principal);
    }

    private void revoke(String sessionId, long now) {
        store.revokeSession(sessionId, now);
        activeSessionsCheckedAt.remove(sessionId);
        sessionEnded.forEach(listener -> listener.accept(sessionId));
    }

    private String accessToken(String sessionId, String userId, String envId, long now) {
        String payload = sessionId + ":" + userId + ":" + envId + ":" + (now + ACCESS_TTL.toMillis());
        String signed = PREFIX + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(mac(signed));
    }

    private byte[] mac(String text) {
        // doFinal leaves the Mac reset, ready for the next token
        return macs.get().doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static <T> Result<T> unauthorized(String message) {
        return Result.rejected(ErrorCode.UNAUTHORIZED, message);
    }
}
