package coffer.core.signature;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static coffer.core.signature.SignatureAssertions.OLD_SECRET;
import static coffer.core.signature.SignatureAssertions.SECRET;
import static coffer.core.signature.SignatureAssertions.T;
import static coffer.core.signature.SignatureAssertions.referenceSha256;
import static coffer.core.signature.SignatureAssertions.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digest a server records to accept a signed partner request once: every spelling of a header that
 * verifies for one request names the same signature, and anything a signature covers changes it.
 */
class SignatureDigestTest {
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(T);
    private static final String PATH = "/v1/transfers";
    private static final byte[] BODY = utf8("{\"walletIdFrom\":\"wal_a\",\"walletIdTo\":\"wal_b\",\"amount\":100,\"currency\":\"USD\"}");

    private static String digest(long t, String method, String path, byte[] body) {
        return PartnerRequestVerifier.signatureDigest(Instant.ofEpochSecond(t), method, path, body);
    }

    @Test
    void isTheSha256OfTheCanonicalString() {
        String canonical = T + ".POST." + PATH + "." + referenceSha256(BODY);

        assertThat(digest(T, "POST", PATH, BODY)).isEqualTo(referenceSha256(utf8(canonical))).matches("[0-9a-f]{64}");
    }

    @Test
    void everyHeaderThatVerifiesForOneRequestNamesTheSameSignature() {
        String mine = new PartnerRequestSigner(SECRET).sign("POST", PATH, BODY, T);
        String v1 = mine.substring(mine.indexOf("v1="));
        String rotated = new PartnerRequestSigner(OLD_SECRET).sign("POST", PATH, BODY, T);
        String otherV1 = rotated.substring(rotated.indexOf("v1="));
        PartnerRequestVerifier verifier = new PartnerRequestVerifier(List.of(SECRET, OLD_SECRET));

        List<String> spellings = List.of(mine, v1 + ",t=" + T, "t=" + T + ", " + v1, "t=" + T + "," + v1 + ",v1=" + "0".repeat(64),
                "t=" + T + ",v0=abc," + v1, rotated, "t=" + T + "," + otherV1 + "," + v1);
        for (String header : spellings) {
            Instant signedAt = verifier.verify(header, "POST", PATH, BODY, SIGNED_AT).orThrow();
            assertThat(PartnerRequestVerifier.signatureDigest(signedAt, "post", PATH, BODY)).as(header)
                    .isEqualTo(digest(T, "POST", PATH, BODY));
        }
    }

    @Test
    void whatASignatureCoversChangesTheDigest() {
        String original = digest(T, "POST", PATH, BODY);

        assertThat(List.of(digest(T + 1, "POST", PATH, BODY), digest(T, "PUT", PATH, BODY),
                digest(T, "POST", PATH + "?x=1", BODY), digest(T, "POST", PATH, utf8("{}")), digest(T, "POST", PATH, new byte[0])))
                .doesNotContain(original).doesNotHaveDuplicates();
    }

    @Test
    void refusesWhatNoHeaderCouldCarry() {
        assertThatThrownBy(() -> PartnerRequestVerifier.signatureDigest(Instant.ofEpochSecond(-1), "POST", PATH, BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartnerRequestVerifier.signatureDigest(SIGNED_AT, "POST", "v1/transfers", BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartnerRequestVerifier.signatureDigest(null, "POST", PATH, BODY))
                .isInstanceOf(NullPointerException.class);
    }
}
