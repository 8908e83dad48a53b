package coffer.core.signature;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verification steps both schemes share, in one order: header shape, then clock difference,
 * then the signature itself, so a replayed old request costs no HMAC work. Stateless.
 */
final class SignatureCheck {
    /** The scheme's clock difference: 300 seconds either way. */
    static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    static final String OUTSIDE_TOLERANCE = "timestamp_outside_tolerance";
    static final String MISMATCH = "signature_mismatch";

    /** What a scheme signs for a given timestamp; only the scheme knows how to lay it out. */
    @FunctionalInterface
    interface ExpectedMac {
        byte[] compute(SecretKeySpec key, long timestamp);
    }

    private SignatureCheck() {
    }

    /**
     * The tolerance a verifier is built with.
     *
     * @throws NullPointerException     if {@code tolerance} is null
     * @throws IllegalArgumentException if {@code tolerance} is negative
     */
    static Duration requireTolerance(Duration tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        return tolerance;
    }

    /**
     * Checks {@code header} against every key; any of its v1 values may match any key.
     *
     * @return the signing time on success, otherwise {@link ErrorCode#INVALID_SIGNATURE}
     */
    static Result<Instant> verify(String header, List<SecretKeySpec> keys, Duration tolerance, Instant now,
                                  ExpectedMac expected) {
        Objects.requireNonNull(now, "now");
        return SignatureHeader.parse(header).flatMap(parsed -> {
            long timestamp = parsed.timestamp();
            // whole seconds, the header's own resolution, so the message and the decision agree
            long ageSeconds = now.getEpochSecond() - timestamp;
            if (Duration.ofSeconds(Math.abs(ageSeconds)).compareTo(tolerance) > 0) {
                return Result.rejected(ErrorCode.INVALID_SIGNATURE, outsideTolerance(ageSeconds, tolerance),
                        Map.of("reason", OUTSIDE_TOLERANCE));
            }
            boolean matched = false;
            for (SecretKeySpec key : keys) {
                // every key is tried so the time taken does not reveal which one matched
                matched |= Hmac.matchesAny(expected.compute(key, timestamp), parsed.signatures());
            }
            if (!matched) {
                return Result.rejected(ErrorCode.INVALID_SIGNATURE,
                        "Signature mismatch: the signature was not made with this secret over this content",
                        Map.of("reason", MISMATCH));
            }
            return Result.ok(Instant.ofEpochSecond(timestamp));
        });
    }

    private static String outsideTolerance(long ageSeconds, Duration tolerance) {
        String difference = ageSeconds > 0
                ? "the signature is " + ageSeconds + " s old"
                : "the signature is " + -ageSeconds + " s in the future";
        return "Signature timestamp is outside the tolerance: " + difference + ", at most "
                + tolerance.toSeconds() + " s of clock difference is accepted";
    }
}
