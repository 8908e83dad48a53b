package coffer.core.signature;

import coffer.core.error.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static coffer.core.signature.SignatureAssertions.OLD_SECRET;
import static coffer.core.signature.SignatureAssertions.OTHER_SECRET;
import static coffer.core.signature.SignatureAssertions.SECRET;
import static coffer.core.signature.SignatureAssertions.T;
import static coffer.core.signature.SignatureAssertions.assertRejected;
import static coffer.core.signature.SignatureAssertions.referenceHmac;
import static coffer.core.signature.SignatureAssertions.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(T);
    private static final byte[] BODY = utf8("{\"id\":\"evt_1\",\"type\":\"topup.completed\"}");

    private final WebhookSigner signer = new WebhookSigner(List.of(SECRET));
    private final WebhookVerifier verifier = new WebhookVerifier(List.of(SECRET));

    private String signed() {
        return signer.sign(BODY, SIGNED_AT);
    }

    @Test
    void goodSignatureIsAcceptedAndCarriesTheSigningTime() {
        Result<Instant> result = verifier.verify(signed(), BODY, SIGNED_AT);

        assertThat(result.isOk()).isTrue();
        assertThat(result.orThrow()).isEqualTo(SIGNED_AT);
    }

    @Test
    void tamperedBodyIsRejected() {
        byte[] tampered = utf8("{\"id\":\"evt_1\",\"type\":\"topup.failed\"}");

        assertRejected(verifier.verify(signed(), tampered, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void bodyWithTrailingNewlineIsRejected() {
        byte[] reformatted = utf8("{\"id\":\"evt_1\",\"type\":\"topup.completed\"}\n");

        assertRejected(verifier.verify(signed(), reformatted, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void tamperedTimestampIsRejected() {
        String header = signed().replace("t=" + T, "t=" + (T - 1));

        assertRejected(verifier.verify(header, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void wrongSecretIsRejected() {
        String header = new WebhookSigner(List.of(OTHER_SECRET)).sign(BODY, SIGNED_AT);

        assertRejected(verifier.verify(header, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    /** Seconds between signing and verifying: positive is an old signature, negative one from the future. */
    @ParameterizedTest(name = "verified {0} s after signing: accepted={1}")
    @CsvSource({
            "0,     true",
            "300,   true",
            "301,   false",
            "-300,  true",
            "-301,  false",
            "86400, false"})
    void timestampMustBeWithinThreeHundredSecondsEitherWay(long secondsAfterSigning, boolean accepted) {
        Result<Instant> result = verifier.verify(signed(), BODY, SIGNED_AT.plusSeconds(secondsAfterSigning));

        if (accepted) {
            assertThat(result.orThrow()).isEqualTo(SIGNED_AT);
        } else {
            assertRejected(result, SignatureCheck.OUTSIDE_TOLERANCE);
        }
    }

    @Test
    void customToleranceIsHonoured() {
        WebhookVerifier strict = new WebhookVerifier(List.of(SECRET), Duration.ofSeconds(10));

        assertThat(strict.verify(signed(), BODY, SIGNED_AT.minusSeconds(10)).isOk()).isTrue();
        assertRejected(strict.verify(signed(), BODY, SIGNED_AT.minusSeconds(11)), SignatureCheck.OUTSIDE_TOLERANCE);
    }

    @Test
    void rotatingSignerPutsOneSignaturePerActiveSecretInOrder() {
        String header = new WebhookSigner(List.of(OLD_SECRET, SECRET)).sign(BODY, T);

        assertThat(header).isEqualTo("t=" + T
                + ",v1=" + referenceHmac(OLD_SECRET, utf8(T + "."), BODY)
                + ",v1=" + referenceHmac(SECRET, utf8(T + "."), BODY));
    }

    @Test
    void headerSignedWithOldAndNewSecretsVerifiesWithEitherOne() {
        String both = new WebhookSigner(List.of(OLD_SECRET, SECRET)).sign(BODY, SIGNED_AT);

        assertThat(new WebhookVerifier(List.of(OLD_SECRET)).verify(both, BODY, SIGNED_AT).isOk()).isTrue();
        assertThat(new WebhookVerifier(List.of(SECRET)).verify(both, BODY, SIGNED_AT).isOk()).isTrue();
        assertRejected(new WebhookVerifier(List.of(OTHER_SECRET)).verify(both, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void verifierHoldingNewAndOldSecretsAcceptsAHeaderSignedOnlyWithTheOldOne() {
        String withOld = new WebhookSigner(List.of(OLD_SECRET)).sign(BODY, SIGNED_AT);
        WebhookVerifier rotating = new WebhookVerifier(List.of(SECRET, OLD_SECRET));

        assertThat(rotating.verify(withOld, BODY, SIGNED_AT).isOk()).isTrue();
        assertThat(rotating.verify(signed(), BODY, SIGNED_AT).isOk()).isTrue();
    }

    @Test
    void retiredSecretIsRejectedOnceRotationEnds() {
        String withOld = new WebhookSigner(List.of(OLD_SECRET)).sign(BODY, SIGNED_AT);

        assertRejected(verifier.verify(withOld, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("coffer.core.signature.SignatureAssertions#malformedHeaders")
    void malformedHeaderIsRejected(String header) {
        assertRejected(verifier.verify(header, BODY, SIGNED_AT), SignatureHeader.MALFORMED);
    }

    @Test
    void missingHeaderIsRejected() {
        assertRejected(verifier.verify(null, BODY, SIGNED_AT), SignatureHeader.MALFORMED);
    }

    @Test
    void spacesAfterCommasAreTolerated() {
        String spaced = new WebhookSigner(List.of(OLD_SECRET, SECRET)).sign(BODY, SIGNED_AT).replace(",", ",  ");

        assertThat(verifier.verify(spaced, BODY, SIGNED_AT).isOk()).isTrue();
    }

    @Test
    void headerMatchesAnHmacComputedIndependently() {
        String expected = referenceHmac(SECRET, utf8(T + "." + new String(BODY, StandardCharsets.UTF_8)));

        assertThat(signed()).isEqualTo("t=" + T + ",v1=" + expected);
    }

    /** Vectors computed outside Java with a command-line HMAC tool, so a canonicalisation slip shows. */
    @Test
    void fixedVectorsMatchExactly() {
        String withSecret = "0c8204745c9ca0e04a51bcb1d275b32ec2bcbecde05936225f09a9e60886c683";
        String withOldSecret = "dadeaa2b895989108f349248768bd1daa68db6f28be1bd6ebc3cd0b11195d910";

        assertThat(signer.sign(BODY, T)).isEqualTo("t=1700000000,v1=" + withSecret);
        assertThat(new WebhookSigner(List.of(SECRET, OLD_SECRET)).sign(BODY, T))
                .isEqualTo("t=1700000000,v1=" + withSecret + ",v1=" + withOldSecret);
        assertThat(signer.sign(new byte[0], T))
                .isEqualTo("t=1700000000,v1=d439a23c8d9aa4be4fa4b31ba0114cf93cc15508d940f8e8583e9be889a7915d");
    }

    @Test
    void rawBodyBytesAreSignedEvenWhenTheyAreNotText() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x80};
        String header = signer.sign(binary, T);

        assertThat(header)
                .isEqualTo("t=1700000000,v1=93e322694967772a1e5f59505fbb66a58789e7ae5a48b72fcb5b35813eb1544e");
        assertThat(verifier.verify(header, binary, SIGNED_AT).isOk()).isTrue();
    }

    @Test
    void signerAndVerifierRefuseUnusableConfiguration() {
        assertThatThrownBy(() -> new WebhookSigner(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSigner(List.of(SECRET, ""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookVerifier(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(BODY, -1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
