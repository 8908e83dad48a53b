package coffer.server.testing;

import coffer.core.signature.PartnerRequestSigner;
import coffer.core.signature.PartnerRequestVerifier;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Signs partner requests as a partner's server must: each request afresh. A signature is good for one
 * request and {@code t} has whole seconds, so the same request (secret, method, path, body) signed twice
 * in one second would carry one signature and the second would be refused; this signer waits for the
 * next second instead, as a partner that polls faster than once a second has to.
 */
public final class PartnerSigning {
    private static final Map<String, Long> LAST_SIGNED = new HashMap<>();

    private PartnerSigning() {
    }

    /** The {@code X-Wallet-Signature} value for the request, signed now and never before. */
    public static String fresh(String secret, String method, String pathWithQuery, byte[] body) {
        String request = secret + "\n" + PartnerRequestVerifier.signatureDigest(Instant.EPOCH, method, pathWithQuery, body);
        long t;
        synchronized (LAST_SIGNED) {
            t = Math.max(Instant.now().getEpochSecond(), LAST_SIGNED.getOrDefault(request, Long.MIN_VALUE) + 1);
            LAST_SIGNED.put(request, t);
        }
        waitUntil(t);
        return new PartnerRequestSigner(secret).sign(method, pathWithQuery, body, t);
    }

    private static void waitUntil(long epochSecond) {
        long millis = epochSecond * 1000 - System.currentTimeMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
