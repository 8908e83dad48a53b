package coffer.server.json;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import com.google.gson.JsonElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Json#readRequest}: the one strict reader of request JSON. */
class ReadRequestTest {

    @Test
    void readsStrictJsonWithNumbersExact() {
        JsonElement tree = Json.readRequest("{\"amount\": 12.50, \"ids\": [1, \"two\", null, true], \"nested\": {\"x\": -0}}");
        assertThat(tree.getAsJsonObject().get("amount").getAsBigDecimal()).isEqualTo(new BigDecimal("12.50"));
        assertThat(tree.getAsJsonObject().getAsJsonArray("ids")).hasSize(4);
        assertThat(Json.readRequest("\"text\"").getAsString()).isEqualTo("text");
    }

    @Test
    void aFieldGivenTwiceIsRefusedNotLastOneWins() {
        assertRefused("{\"amount\":\"1.00\",\"amount\":\"900.00\"}", "'amount' is given more than once");
        assertRefused("{\"a\":{\"b\":1,\"b\":1}}", "'b' is given more than once");
        assertRefused("[{\"x\":null,\"x\":null}]", "'x' is given more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'amount':'1.00'}",
            "{\"amount\":'1.00'}",
            "{amount:\"1.00\"}",
            "{\"amount\":\"1.00\" /* comment */}",
            "{\"amount\":\"1.00\"} // comment",
            "# comment\n{\"amount\":\"1.00\"}",
            "{\"amount\":\"1.00\",}",
            "[1,]",
            "{\"amount\"=\"1.00\"}",
            "{\"amount\":\"1.00\";\"currency\":\"USD\"}",
            "{\"amount\":NaN}",
            "{\"amount\":Infinity}",
            "{\"amount\":01}",
            "{\"amount\":+1}",
            "{\"amount\":.5}",
            "{\"amount\":\"\\'\"}",
            "{\"amount\":\"tab\there\"}",
            ")]}'\n{\"amount\":\"1.00\"}",
            "{} {}",
            "{\"amount\": ",
            ""})
    void refusesWhatOnlyALenientParserReads(String body) {
        assertRefused(body, "not valid JSON");
    }

    @Test
    void refusesNestingDeeperThanAnyRequestNeeds() {
        assertRefused("[".repeat(10_000) + "]".repeat(10_000), "not valid JSON");
        assertRefused("{\"a\":".repeat(65) + "1" + "}".repeat(65), "not valid JSON");
        assertThat(Json.readRequest("[".repeat(64) + "]".repeat(64)).isJsonArray()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100000", "1E+2147483647", "1e-2147483648", "1E2147483648", "1e1001", "1e-1001"})
    void refusesNumbersWithExponentsNoRequestNeedsWithoutWorkingOnThem(String number) {
        assertRefused("{\"env_id\":" + number + "}", "The number in 'env_id' is out of range");
    }

    @Test
    void refusesNumbersLongerThanAHundredCharacters() {
        // ten thousand digits do not even fit the reader's buffer: refused as a token it cannot read
        assertRefused("{\"amount\":" + "9".repeat(10_000) + "}", "");
        assertRefused("[" + "1".repeat(101) + "]", "The number is out of range");
        assertThat(Json.readRequest("[" + "1".repeat(100) + "]").getAsJsonArray().get(0).getAsBigDecimal())
                .isEqualTo(new BigDecimal("1".repeat(100)));
    }

    @Test
    void keepsSmallExtremesForTheFieldsOwnCheck() {
        assertThat(Json.readRequest("[1e-400]").getAsJsonArray().get(0).getAsBigDecimal()).isEqualByComparingTo("1e-400");
        assertThat(Json.readRequest("[0e5]").getAsJsonArray().get(0).getAsBigDecimal().signum()).isZero();
        assertThat(Json.readRequest("[-0]").getAsJsonArray().get(0).getAsBigDecimal().signum()).isZero();
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> Json.readRequest(body)).isInstanceOfSatisfying(CofferException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
