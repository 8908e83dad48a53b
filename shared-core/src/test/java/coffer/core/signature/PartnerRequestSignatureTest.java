package coffer.core.signature;

import coffer.core.error.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static coffer.core.signature.SignatureAssertions.OLD_SECRET;
import static coffer.core.signature.SignatureAssertions.OTHER_SECRET;
import static coffer.core.signature.SignatureAssertions.SECRET;
import static coffer.core.signature.SignatureAssertions.T;
import static coffer.core.signature.SignatureAssertions.assertRejected;
import static coffer.core.signature.SignatureAssertions.referenceHmac;
import static coffer.core.signature.SignatureAssertions.referenceSha256;
import static coffer.core.signature.SignatureAssertions.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerRequestSignatureTest {
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(T);
    private static final String PATH = "/wallet/?environment=123";
    private static final byte[] BODY = utf8("{\"user_id\":\"u_1\",\"currency\":\"USD\"}");

    private final PartnerRequestSigner signer = new PartnerRequestSigner(SECRET);
    private final PartnerRequestVerifier verifier = new PartnerRequestVerifier(List.of(SECRET));

    private String signed() {
        return signer.sign("POST", PATH, BODY, SIGNED_AT);
    }

    @Test
    void goodSignatureIsAcceptedAndCarriesTheSigningTime() {
        Result<Instant> result = verifier.verify(signed(), "POST", PATH, BODY, SIGNED_AT);

        assertThat(result.isOk()).isTrue();
        assertThat(result.orThrow()).isEqualTo(SIGNED_AT);
    }

    @Test
    void methodIsSignedUpperCaseWhateverCaseItIsGivenIn() {
        assertThat(signer.sign("post", PATH, BODY, T)).isEqualTo(signed());
        assertThat(verifier.verify(signed(), "Post", PATH, BODY, SIGNED_AT).isOk()).isTrue();
    }

    @Test
    void subSecondSigningTimeIsTruncatedToWholeSeconds() {
        assertThat(signer.sign("POST", PATH, BODY, SIGNED_AT.plusMillis(999))).isEqualTo(signed());
    }

    @Test
    void tamperedBodyIsRejected() {
        byte[] tampered = utf8("{\"user_id\":\"u_2\",\"currency\":\"USD\"}");

        assertRejected(verifier.verify(signed(), "POST", PATH, tampered, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void droppedBodyIsRejected() {
        assertRejected(verifier.verify(signed(), "POST", PATH, new byte[0], SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @CsvSource({"/wallet/", "/wallet/?environment=124", "/wallet/?environment=123&x=1", "/wallets/?environment=123",
            "/WALLET/?environment=123"})
    void tamperedPathIsRejected(String tamperedPath) {
        assertRejected(verifier.verify(signed(), "POST", tamperedPath, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @CsvSource({"PUT", "GET", "DELETE", "PATCH"})
    void tamperedMethodIsRejected(String tamperedMethod) {
        assertRejected(verifier.verify(signed(), tamperedMethod, PATH, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void tamperedTimestampIsRejected() {
        String header = signed().replace("t=" + T, "t=" + (T + 1));

        assertRejected(verifier.verify(header, "POST", PATH, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @Test
    void wrongSecretIsRejected() {
        String header = new PartnerRequestSigner(OTHER_SECRET).sign("POST", PATH, BODY, SIGNED_AT);

        assertRejected(verifier.verify(header, "POST", PATH, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    /** Seconds between signing and verifying: positive is an old signature, negative one from the future. */
    @ParameterizedTest(name = "verified {0} s after signing: accepted={1}")
    @CsvSource({
            "0,     true",
            "1,     true",
            "299,   true",
            "300,   true",
            "301,   false",
            "86400, false",
            "-1,    true",
            "-300,  true",
            "-301,  false",
            "-86400, false"})
    void timestampMustBeWithinThreeHundredSecondsEitherWay(long secondsAfterSigning, boolean accepted) {
        Result<Instant> result = verifier.verify(signed(), "POST", PATH, BODY, SIGNED_AT.plusSeconds(secondsAfterSigning));

        if (accepted) {
            assertThat(result.orThrow()).isEqualTo(SIGNED_AT);
        } else {
            assertRejected(result, SignatureCheck.OUTSIDE_TOLERANCE);
        }
    }

    @Test
    void toleranceMessageSaysHowFarOffTheClockIsAndInWhichDirection() {
        Result.Rejected<?> old = (Result.Rejected<?>) verifier.verify(signed(), "POST", PATH, BODY, SIGNED_AT.plusSeconds(301));
        Result.Rejected<?> future = (Result.Rejected<?>) verifier.verify(signed(), "POST", PATH, BODY, SIGNED_AT.minusSeconds(301));

        assertThat(old.message()).contains("301 s old").contains("300 s");
        assertThat(future.message()).contains("301 s in the future").contains("300 s");
    }

    @Test
    void subSecondPartOfNowDoesNotPushAnEdgeSignatureOut() {
        Instant now = SIGNED_AT.plusSeconds(300).plusMillis(999);

        assertThat(verifier.verify(signed(), "POST", PATH, BODY, now).isOk()).isTrue();
    }

    @Test
    void customToleranceIsHonoured() {
        PartnerRequestVerifier strict = new PartnerRequestVerifier(List.of(SECRET), Duration.ofSeconds(30));

        assertThat(strict.verify(signed(), "POST", PATH, BODY, SIGNED_AT.plusSeconds(30)).isOk()).isTrue();
        assertRejected(strict.verify(signed(), "POST", PATH, BODY, SIGNED_AT.plusSeconds(31)),
                SignatureCheck.OUTSIDE_TOLERANCE);
    }

    @Test
    void headerSignedWithOldAndNewSecretsVerifiesWithEitherOne() {
        String withNew = new PartnerRequestSigner(SECRET).sign("POST", PATH, BODY, T);
        String withOld = new PartnerRequestSigner(OLD_SECRET).sign("POST", PATH, BODY, T);
        String both = withOld + "," + withNew.substring(withNew.indexOf("v1="));

        assertThat(new PartnerRequestVerifier(List.of(OLD_SECRET)).verify(both, "POST", PATH, BODY, SIGNED_AT).isOk())
                .isTrue();
        assertThat(new PartnerRequestVerifier(List.of(SECRET)).verify(both, "POST", PATH, BODY, SIGNED_AT).isOk())
                .isTrue();
    }

    @Test
    void verifierHoldingNewAndOldSecretsAcceptsAHeaderSignedOnlyWithTheOldOne() {
        String withOld = new PartnerRequestSigner(OLD_SECRET).sign("POST", PATH, BODY, SIGNED_AT);
        PartnerRequestVerifier rotating = new PartnerRequestVerifier(List.of(SECRET, OLD_SECRET));

        assertThat(rotating.verify(withOld, "POST", PATH, BODY, SIGNED_AT).isOk()).isTrue();
        assertThat(rotating.verify(signed(), "POST", PATH, BODY, SIGNED_AT).isOk()).isTrue();
    }

    @Test
    void retiredSecretIsRejectedOnceRotationEnds() {
        String withOld = new PartnerRequestSigner(OLD_SECRET).sign("POST", PATH, BODY, SIGNED_AT);

        assertRejected(verifier.verify(withOld, "POST", PATH, BODY, SIGNED_AT), SignatureCheck.MISMATCH);
    }

    @ParameterizedTest
    @MethodSource("coffer.core.signature.SignatureAssertions#malformedHeaders")
    void malformedHeaderIsRejected(String header) {
        assertRejected(verifier.verify(header, "POST", PATH, BODY, SIGNED_AT), SignatureHeader.MALFORMED);
    }

    @Test
    void missingHeaderIsRejected() {
        assertRejected(verifier.verify(null, "POST", PATH, BODY, SIGNED_AT), SignatureHeader.MALFORMED);
    }

    @Test
    void rawSecretAsTheHeaderIsRejectedWithoutEchoingIt() {
        Result<Instant> result = verifier.verify(SECRET, "POST", PATH, BODY, SIGNED_AT);

        assertRejected(result, SignatureHeader.MALFORMED);
        assertThat(((Result.Rejected<?>) result).message()).contains("t=<unix seconds>,v1=");
    }

    @Test
    void rejectionMessagesNeverContainTheExpectedSignature() {
        String expected = signed().substring(signed().indexOf("v1=") + 3);
        Stream<Result<Instant>> refusals = Stream.of(
                verifier.verify(signed(), "PUT", PATH, BODY, SIGNED_AT),
                verifier.verify(signed(), "POST", PATH, BODY, SIGNED_AT.plusSeconds(1000)),
                verifier.verify("t=" + T + ",v1=" + "0".repeat(64), "POST", PATH, BODY, SIGNED_AT));

        refusals.forEach(result -> assertThat(((Result.Rejected<?>) result).message()).doesNotContain(expected));
    }

    @Test
    void spacesAfterCommasAreTolerated() {
        String spaced = signed().replace(",", ", ");

        assertThat(verifier.verify(spaced, "POST", PATH, BODY, SIGNED_AT).isOk()).isTrue();
    }

    @Test
    void headerMatchesAnHmacComputedIndependently() {
        String canonical = T + ".POST." + PATH + "." + referenceSha256(BODY);

        assertThat(PartnerRequestSigner.canonicalString(T, "post", PATH, BODY)).isEqualTo(canonical);
        assertThat(signed()).isEqualTo("t=" + T + ",v1=" + referenceHmac(SECRET, utf8(canonical)));
    }

    /** Vectors computed outside Java with a command-line HMAC tool, so a canonicalisation slip shows. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST | /wallet/                       | {\"user_id\":\"u_1\",\"currency\":\"USD\"} "
                    + "| 1700000000.POST./wallet/.a6d4864a4f32b12187f19d7768ac575402b2a2e98bfb5e75b755d5f2535b90be "
                    + "| 94781682afde66a54f9cd027828e037a2cecca8d0dadf9efe4082c86a0fc713a",
            "get  | /wallet/42?currency=USD&limit=10 | '' "
                    + "| 1700000000.GET./wallet/42?currency=USD&limit=10.e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 "
                    + "| 074ee499b980c6db26e37aaaf4f69d83264f6955f2f8958145537b846fd1894c"})
    void fixedVectorsMatchExactly(String method, String pathWithQuery, String body, String canonical, String v1) {
        assertThat(PartnerRequestSigner.canonicalString(T, method, pathWithQuery, utf8(body))).isEqualTo(canonical);
        assertThat(signer.sign(method, pathWithQuery, utf8(body), T)).isEqualTo("t=1700000000,v1=" + v1);
        assertThat(verifier.verify("t=1700000000,v1=" + v1, method, pathWithQuery, utf8(body), SIGNED_AT).isOk())
                .isTrue();
    }

    @Test
    void emptyBodyHashesAsSha256OfZeroBytes() {
        assertThat(PartnerRequestSigner.canonicalString(T, "GET", "/wallet/", new byte[0]))
                .endsWith(".e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void signerRefusesInputsThatCannotBeSignedUnambiguously() {
        assertThatThrownBy(() -> signer.sign("", PATH, BODY, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("POST", "wallet/", BODY, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("POST", PATH, BODY, -1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("POST", PATH, null, T)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void verifierNeedsAtLeastOneNonEmptySecretAndANonNegativeTolerance() {
        assertThatThrownBy(() -> new PartnerRequestVerifier(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartnerRequestVerifier(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartnerRequestSigner("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartnerRequestVerifier(List.of(SECRET), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsDoNotShowInToString() {
        assertThat(signer.toString()).doesNotContain(SECRET);
        assertThat(verifier.toString()).doesNotContain(SECRET);
    }
}
