package coffer.core.signature;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs partner (server-to-server) requests with an environment secret. The header value is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, canonical string)>}, where the canonical string
 * is {@link #canonicalString(long, String, String, byte[])}.
 *
 * <p>Immutable and thread-safe. The secret is kept only as key material and never appears in
 * {@link #toString()} or in any message.
 */
public final class PartnerRequestSigner {
    /** The request header that carries the signature. */
    public static final String HEADER = "X-Wallet-Signature";

    private final SecretKeySpec key;

    /**
     * @param secret the environment secret, used as its UTF-8 bytes; never null or empty
     * @throws NullPointerException     if {@code secret} is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public PartnerRequestSigner(String secret) {
        this.key = Hmac.key(secret);
    }

    /**
     * The header value for a request signed at {@code at}.
     *
     * @param method        the HTTP method in any case, never null or empty; signed upper-case
     * @param pathWithQuery the request target exactly as sent on the request line: path starting with
     *                      {@code /}, then {@code ?query} if any, percent-encoding untouched; never null
     * @param body          the exact body bytes, never null; an empty array for no body
     * @param at            the signing time, never null; truncated to whole seconds, not before 1970
     * @return {@code t=<unix seconds>,v1=<64 lowercase hex digits>}
     * @throws NullPointerException     if any argument is null
     * @throws IllegalArgumentException if the method is empty, the path does not start with {@code /},
     *                                  or {@code at} is before 1970
     */
    public String sign(String method, String pathWithQuery, byte[] body, Instant at) {
        return sign(method, pathWithQuery, body, Objects.requireNonNull(at, "at").getEpochSecond());
    }

    /**
     * As {@link #sign(String, String, byte[], Instant)}, with the signing time in unix seconds.
     *
     * @param method        the HTTP method in any case, never null or empty; signed upper-case
     * @param pathWithQuery the request target exactly as sent, starting with {@code /}; never null
     * @param body          the exact body bytes, never null; an empty array for no body
     * @param epochSeconds  seconds since 1970-01-01T00:00:00Z, from 0 to 999 999 999 999 999 999
     * @return {@code t=<unix seconds>,v1=<64 lowercase hex digits>}
     * @throws NullPointerException     if any argument is null
     * @throws IllegalArgumentException if the method is empty, the path does not start with {@code /},
     *                                  or {@code epochSeconds} is outside that range
     */
    public String sign(String method, String pathWithQuery, byte[] body, long epochSeconds) {
        String canonical = canonicalString(epochSeconds, method, pathWithQuery, body);
        String signature = Hmac.hex(Hmac.mac(key, canonical.getBytes(StandardCharsets.UTF_8)));
        return SignatureHeader.format(epochSeconds, List.of(signature));
    }

    /**
     * The text that is signed: {@code <t>.<METHOD>.<pathWithQuery>.<hex SHA-256 of body>}, for example
     * {@code 1700000000.POST./wallet/.e3b0c442...b855} for an empty body. Hex is lowercase; the
     * method is upper-cased; the body hash of an empty body is the SHA-256 of zero bytes.
     *
     * @param epochSeconds  the signing time in unix seconds, from 0 to 999 999 999 999 999 999
     * @param method        the HTTP method in any case, never null or empty
     * @param pathWithQuery the request target as sent, starting with {@code /}, never null
     * @param body          the exact body bytes, never null
     * @return the canonical string, never null
     * @throws NullPointerException     if any argument is null
     * @throws IllegalArgumentException if the method is empty, the path does not start with {@code /},
     *                                  or {@code epochSeconds} is out of range
     */
    public static String canonicalString(long epochSeconds, String method, String pathWithQuery, byte[] body) {
        Objects.requireNonNull(body, "body");
        SignatureHeader.requireTimestamp(epochSeconds);
        requireTarget(method, pathWithQuery);
        return canonical(epochSeconds, method, pathWithQuery, Hmac.sha256Hex(body));
    }

    /** The canonical string from an already computed body hash; arguments already checked. */
    static String canonical(long epochSeconds, String method, String pathWithQuery, String bodySha256Hex) {
        return epochSeconds + "." + method.toUpperCase(Locale.ROOT) + "." + pathWithQuery + "." + bodySha256Hex;
    }

    static void requireTarget(String method, String pathWithQuery) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathWithQuery, "pathWithQuery");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
        // a leading slash keeps the method/path boundary unambiguous in the signed text
        if (!pathWithQuery.startsWith("/")) {
            throw new IllegalArgumentException("pathWithQuery must start with /");
        }
    }
}
