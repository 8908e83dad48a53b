package coffer.server.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain        | plain",
            "a, b         | `\"a, b\"`",
            "say \"hi\"   | `\"say \"\"hi\"\"\"`",
            "=1+2         | '=1+2",
            "+1           | '+1",
            "-1           | '-1",
            "@cmd         | '@cmd",
            "=SUM(A1,B1)  | `\"'=SUM(A1,B1)\"`",
            "12.50        | 12.50",
            "a@b.example  | a@b.example"})
    void aCellIsQuotedWhenItMustBeAndNeverRunsAsAFormula(String value, String expected) {
        assertThat(Csv.cell(value)).isEqualTo(expected);
    }

    @Test
    void aRowEndsInCrlfAndKeepsLineBreaksInsideQuotes() {
        assertThat(Csv.row(Arrays.asList("x", null, "two\nlines", "\ttab", "y"))).isEqualTo("x,,\"two\nlines\",'\ttab,y\r\n");
        assertThat(Csv.cell("\rcr")).isEqualTo("\"'\rcr\"");
    }
}
