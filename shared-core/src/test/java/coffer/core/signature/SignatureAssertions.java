package coffer.core.signature;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared fixtures and checks; the reference HMAC here uses the JDK directly, not the code under test. */
final class SignatureAssertions {
    static final String SECRET = "secret_t1CdN9S8yicG5eWLUOfhcWaOscVnFXns";
    static final String OLD_SECRET = "secret_previous_rotation_key_01";
    static final String OTHER_SECRET = "secret_of_another_environment_99";
    static final long T = 1_700_000_000L;

    private static final String HEX64 = "0".repeat(64);

    private SignatureAssertions() {
    }

    /** Header values that no verifier may accept, whatever its secrets. */
    static Stream<String> malformedHeaders() {
        return Stream.of(
                "",
                "   ",
                "garbage",
                SECRET,
                "Bearer " + SECRET,
                "t=" + T,
                "t=" + T + ",",
                "v1=" + HEX64,
                "t=abc,v1=" + HEX64,
                "t=,v1=" + HEX64,
                "t=-1,v1=" + HEX64,
                "t=+1700000000,v1=" + HEX64,
                "t=1700000000.5,v1=" + HEX64,
                "t=01700000000,v1=" + HEX64,
                "t=99999999999999999999,v1=" + HEX64,
                "t=" + T + ",t=" + T + ",v1=" + HEX64,
                "t=" + T + ",v1=",
                "t=" + T + ",v1=xyz",
                "t=" + T + ",v1=" + "0".repeat(63),
                "t=" + T + ",v1=" + "0".repeat(65),
                "t=" + T + ",v1=" + "A".repeat(64),
                "t=" + T + ",v1=" + SECRET,
                "t=" + T + ",,v1=" + HEX64,
                "t=" + T + ",=x,v1=" + HEX64,
                "t=" + T + ";v1=" + HEX64,
                "t=" + T + ",v1=" + HEX64 + ",v1=" + "g".repeat(64),
                "t=" + T + ",v1=" + HEX64 + "x".repeat(SignatureHeader.MAX_LENGTH));
    }

    /** Asserts an INVALID_SIGNATURE refusal for {@code reason} whose message reveals no secret. */
    static void assertRejected(Result<?> result, String reason) {
        assertThat(result.isOk()).as("accepted, but should be refused for %s", reason).isFalse();
        Result.Rejected<?> rejected = (Result.Rejected<?>) result;
        assertThat(rejected.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(rejected.context()).containsEntry("reason", reason);
        assertThat(rejected.message())
                .isNotBlank()
                .doesNotContain(SECRET)
                .doesNotContain(OLD_SECRET)
                .doesNotContain(OTHER_SECRET);
    }

    /** Lowercase hex HMAC-SHA256 of the concatenated parts, computed with the JDK alone. */
    static String referenceHmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Lowercase hex SHA-256, computed with the JDK alone. */
    static String referenceSha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
