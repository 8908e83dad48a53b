package coffer.core.signature;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the {@value PartnerRequestSigner#HEADER} header of a partner request against an
 * environment's secrets. During key rotation the environment holds several secrets and a request
 * signed with any of them is accepted.
 *
 * <p>A request is refused with {@link ErrorCode#INVALID_SIGNATURE} when the header is missing or
 * malformed (a raw secret sent as the header value is malformed), when its timestamp differs from
 * {@code now} by more than the tolerance in either direction, or when no secret produces any of its
 * signatures. The message says which of the three it was and never contains a secret, an expected
 * signature or the header itself. A request for an unknown environment has no secrets to check; the
 * caller refuses it with the same code.
 *
 * <p>Immutable and thread-safe.
 */
public final class PartnerRequestVerifier {
    /** The clock difference accepted by default: 300 seconds either way. */
    public static final Duration DEFAULT_TOLERANCE = SignatureCheck.DEFAULT_TOLERANCE;

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;

    /**
     * A verifier with {@link #DEFAULT_TOLERANCE}.
     *
     * @param secrets the environment's active secrets, any order; copied; never null or empty, no
     *                null or empty secret
     * @throws NullPointerException     if the list or a secret is null
     * @throws IllegalArgumentException if the list or a secret is empty
     */
    public PartnerRequestVerifier(List<String> secrets) {
        this(secrets, DEFAULT_TOLERANCE);
    }

    /**
     * @param secrets   as in {@link #PartnerRequestVerifier(List)}
     * @param tolerance the largest accepted difference between the header's timestamp and
     *                  {@code now}, either way, in whole seconds; never null or negative
     * @throws NullPointerException     if an argument or a secret is null
     * @throws IllegalArgumentException if the list or a secret is empty, or the tolerance is negative
     */
    public PartnerRequestVerifier(List<String> secrets, Duration tolerance) {
        this.keys = Hmac.keys(secrets);
        this.tolerance = SignatureCheck.requireTolerance(tolerance);
    }

    /**
     * Checks a request's signature.
     *
     * @param header        the header value, or null when the request had none
     * @param method        the request's HTTP method in any case, never null or empty
     * @param pathWithQuery the request target exactly as received: path starting with {@code /}, then
     *                      {@code ?query} if any, percent-encoding untouched; never null
     * @param body          the exact body bytes received, never null; an empty array for no body
     * @param now           the server's current time, never null; compared in whole seconds
     * @return Ok with the signing time (whole seconds), or Rejected with
     *         {@link ErrorCode#INVALID_SIGNATURE} and a message naming the reason
     * @throws NullPointerException     if an argument other than {@code header} is null
     * @throws IllegalArgumentException if the method is empty or the path does not start with {@code /}
     */
    public Result<Instant> verify(String header, String method, String pathWithQuery, byte[] body, Instant now) {
        PartnerRequestSigner.requireTarget(method, pathWithQuery);
        Objects.requireNonNull(body, "body");
        // the body hash depends on neither key nor timestamp, so it is computed once per request
        String bodyHash = Hmac.sha256Hex(body);
        return SignatureCheck.verify(header, keys, tolerance, now, (key, timestamp) -> {
            String canonical = PartnerRequestSigner.canonical(timestamp, method, pathWithQuery, bodyHash);
            return Hmac.mac(key, canonical.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * What names one signed request, so that a receiver can accept it once and refuse it when it comes
     * again: the lowercase hex SHA-256 of its canonical string ({@link PartnerRequestSigner#canonicalString}).
     *
     * <p>It depends only on what a signature covers (signing time, method, path with query, body), never
     * on how the header spells it, so every header that {@link #verify} accepts for one request at one
     * {@code t} has the same digest: its parts reordered or spaced, other keys or more {@code v1} values
     * added, or its {@code v1} made with another of the environment's secrets during rotation. A request
     * signed afresh (another {@code t}) has another digest. It reveals nothing of a secret.
     *
     * @param signedAt      the signing time {@link #verify} answered for this request, never null
     * @param method        the request's HTTP method in any case, never null or empty
     * @param pathWithQuery the request target exactly as received, starting with {@code /}; never null
     * @param body          the exact body bytes received, never null
     * @return 64 lowercase hex digits
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the method is empty, the path does not start with {@code /},
     *                                  or {@code signedAt} is before 1970 or past what a header can carry
     */
    public static String signatureDigest(Instant signedAt, String method, String pathWithQuery, byte[] body) {
        long timestamp = Objects.requireNonNull(signedAt, "signedAt").getEpochSecond();
        String canonical = PartnerRequestSigner.canonicalString(timestamp, method, pathWithQuery, body);
        return Hmac.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
