package coffer.core.signature;

import coffer.core.error.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureHeaderTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    /** Tables spell 64-digit signatures as A64, B64 and UPPER64 to stay readable. */
    private static String expand(String header) {
        return header.replace("UPPER64", A.toUpperCase(Locale.ROOT)).replace("A64", A).replace("B64", B);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'t=1700000000,v1=A64'                  | 1",
            "'t=1700000000, v1=A64'                 | 1",
            "'  t=1700000000,   v1=A64  '           | 1",
            "'v1=A64,t=1700000000'                  | 1",
            "'t=1700000000,v1=A64,v1=B64'           | 2",
            "'t=1700000000,v0=old,v1=A64,v2=future' | 1"})
    void wellFormedHeadersParse(String header, int signatureCount) {
        Result<SignatureHeader> parsed = SignatureHeader.parse(expand(header));

        assertThat(parsed.isOk()).isTrue();
        assertThat(parsed.orThrow().timestamp()).isEqualTo(1_700_000_000L);
        assertThat(parsed.orThrow().signatures()).hasSize(signatureCount).allSatisfy(s -> assertThat(s).hasSize(32));
    }

    @Test
    void zeroIsAValidTimestamp() {
        assertThat(SignatureHeader.parse("t=0,v1=" + A).orThrow().timestamp()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''               | it is empty",
            "'secret_abc'     | not a list of key=value pairs",
            "'t=1700000000'   | no v1= signature",
            "'v1=A64'         | no t= timestamp",
            "'t=17e8,v1=A64'  | t is not a whole number of unix seconds",
            "'t=1,t=2,v1=A64' | t is given more than once",
            "'t=1,v1=UPPER64' | v1 is not 64 lowercase hex digits"})
    void malformedHeadersSayWhatIsWrong(String header, String detail) {
        Result.Rejected<?> rejected = (Result.Rejected<?>) SignatureHeader.parse(expand(header));

        assertThat(rejected.message()).startsWith("Malformed signature header").contains(detail);
        assertThat(rejected.context()).containsEntry("reason", SignatureHeader.MALFORMED);
    }

    @Test
    void missingHeaderIsNamedAsMissing() {
        assertThat(((Result.Rejected<?>) SignatureHeader.parse(null)).message()).contains("missing");
    }

    @Test
    void malformedMessagesDoNotQuoteTheHeader() {
        String header = "t=1700000000,v1=secret_do_not_echo";

        assertThat(((Result.Rejected<?>) SignatureHeader.parse(header)).message()).doesNotContain("secret_do_not_echo");
    }

    @Test
    void formatRoundTripsThroughParse() {
        String header = SignatureHeader.format(1_700_000_000L, List.of(A, B));

        assertThat(header).isEqualTo("t=1700000000,v1=" + A + ",v1=" + B);
        assertThat(SignatureHeader.parse(header).orThrow().signatures()).hasSize(2);
    }
}
