package coffer.core.signature;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Signs webhook bodies that Coffer sends. The header value is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>} with one {@code v1} per
 * active secret, in the order the secrets were given, so a receiver holding either the old or the
 * new secret during rotation can verify it.
 *
 * <p>Immutable and thread-safe. The secrets are kept only as key material and never appear in
 * {@link #toString()} or in any message.
 */
public final class WebhookSigner {
    /** The request header that carries the signature on webhooks Coffer sends. */
    public static final String HEADER = "Coffer-Signature";

    private final List<SecretKeySpec> keys;

    /**
     * @param activeSecrets the secrets to sign with, each used as its UTF-8 bytes; copied; never null
     *                      or empty, no null or empty secret
     * @throws NullPointerException     if the list or a secret is null
     * @throws IllegalArgumentException if the list or a secret is empty
     */
    public WebhookSigner(List<String> activeSecrets) {
        this.keys = Hmac.keys(activeSecrets);
    }

    /**
     * The header value for {@code body} signed at {@code at}.
     *
     * @param body the exact body bytes that will be sent, never null
     * @param at   the signing time, never null; truncated to whole seconds, not before 1970
     * @return {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, one lowercase 64-digit v1 per secret
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code at} is before 1970
     */
    public String sign(byte[] body, Instant at) {
        return sign(body, Objects.requireNonNull(at, "at").getEpochSecond());
    }

    /**
     * As {@link #sign(byte[], Instant)}, with the signing time in unix seconds.
     *
     * @param body         the exact body bytes that will be sent, never null
     * @param epochSeconds seconds since 1970-01-01T00:00:00Z, from 0 to 999 999 999 999 999 999
     * @return {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, one lowercase 64-digit v1 per secret
     * @throws NullPointerException     if {@code body} is null
     * @throws IllegalArgumentException if {@code epochSeconds} is outside that range
     */
    public String sign(byte[] body, long epochSeconds) {
        Objects.requireNonNull(body, "body");
        SignatureHeader.requireTimestamp(epochSeconds);
        List<String> signatures = new ArrayList<>(keys.size());
        for (SecretKeySpec key : keys) {
            signatures.add(Hmac.hex(mac(key, epochSeconds, body)));
        }
        return SignatureHeader.format(epochSeconds, signatures);
    }

    /** HMAC over {@code "<t>."} followed by the body's own bytes, never a decoded copy of them. */
    static byte[] mac(SecretKeySpec key, long epochSeconds, byte[] body) {
        return Hmac.mac(key, (epochSeconds + ".").getBytes(StandardCharsets.US_ASCII), body);
    }
}
