package coffer.core.signature;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a webhook signature header of the form {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]},
 * both on webhooks the payment provider sends to Coffer (with the provider's secrets) and, for
 * partners and tests, on webhooks Coffer sends (the {@value WebhookSigner#HEADER} header). A
 * webhook is accepted when any of its {@code v1} values was made with any of the verifier's secrets,
 * so either side may be mid-rotation.
 *
 * <p>A webhook is refused with {@link ErrorCode#INVALID_SIGNATURE} when the header is missing or
 * malformed, when its timestamp differs from {@code now} by more than the tolerance in either
 * direction, or when no secret produces any of its signatures. The message says which of the three
 * it was and never contains a secret, an expected signature or the header itself.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookVerifier {
    /** The clock difference accepted by default: 300 seconds either way. */
    public static final Duration DEFAULT_TOLERANCE = SignatureCheck.DEFAULT_TOLERANCE;

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;

    /**
     * A verifier with {@link #DEFAULT_TOLERANCE}.
     *
     * @param secrets the sender's active secrets, any order; copied; never null or empty, no null or
     *                empty secret
     * @throws NullPointerException     if the list or a secret is null
     * @throws IllegalArgumentException if the list or a secret is empty
     */
    public WebhookVerifier(List<String> secrets) {
        this(secrets, DEFAULT_TOLERANCE);
    }

    /**
     * @param secrets   as in {@link #WebhookVerifier(List)}
     * @param tolerance the largest accepted difference between the header's timestamp and
     *                  {@code now}, either way, in whole seconds; never null or negative
     * @throws NullPointerException     if an argument or a secret is null
     * @throws IllegalArgumentException if the list or a secret is empty, or the tolerance is negative
     */
    public WebhookVerifier(List<String> secrets, Duration tolerance) {
        this.keys = Hmac.keys(secrets);
        this.tolerance = SignatureCheck.requireTolerance(tolerance);
    }

    /**
     * Checks a webhook's signature.
     *
     * @param header the signature header value, or null when the webhook had none
     * @param body   the exact body bytes received, before any parsing; never null
     * @param now    the receiver's current time, never null; compared in whole seconds
     * @return Ok with the signing time (whole seconds), or Rejected with
     *         {@link ErrorCode#INVALID_SIGNATURE} and a message naming the reason
     * @throws NullPointerException if {@code body} or {@code now} is null
     */
    public Result<Instant> verify(String header, byte[] body, Instant now) {
        Objects.requireNonNull(body, "body");
        return SignatureCheck.verify(header, keys, tolerance, now,
                (key, timestamp) -> WebhookSigner.mac(key, timestamp, body));
    }
}
