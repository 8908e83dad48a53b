package coffer.server.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

class CsvTest {
    /** Where the spreadsheet cell starts that a {@code '} may go in front of: the start, or after ; tab CR LF. */
    private static final String CELL_STARTS = ";\t\r\n";
    /** A cell or a piece after ; tab CR LF that starts a formula, perhaps after spaces or quotes. */
    private static final Pattern DANGEROUS = Pattern.compile("(^|[;\t\r\n])[ \"]*[=+\\-@\t\r]");

    static Stream<Arguments> cells() {
        return Stream.of(
                arguments("plain", "plain"),
                arguments("a, b", "\"a, b\""),
                arguments("say \"hi\"", "\"say \"\"hi\"\"\""),
                arguments("=1+2", "'=1+2"),
                arguments("+1", "'+1"),
                arguments("-1", "'-1"),
                arguments("@cmd", "'@cmd"),
                arguments("=SUM(A1,B1)", "\"'=SUM(A1,B1)\""),
                arguments(" =1+2", "' =1+2"),
                arguments("\"=1+2", "\"'\"\"=1+2\""),
                // what the export writes besides text: amounts, times, ids stay as they are
                arguments("12.50", "12.50"),
                arguments("2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"),
                arguments("a@b.example", "a@b.example"),
                arguments("a-b;c+d", "\"a-b;c+d\""),
                // a semicolon splits the cell in a spreadsheet set up for semicolons, quotes or not
                arguments("a;b", "\"a;b\""),
                arguments("lunch;=HYPERLINK(\"http://x\")", "\"lunch;'=HYPERLINK(\"\"http://x\"\")\""),
                arguments("a;+1", "\"a;'+1\""),
                arguments("a; -1", "\"a;' -1\""),
                arguments("a;\"@x", "\"a;'\"\"@x\""),
                arguments("a;;=1", "\"a;;'=1\""),
                arguments("=1;=2", "\"'=1;'=2\""),
                // so do tabs and line breaks
                arguments("a\t=1", "a\t'=1"),
                arguments("two\nlines", "\"two\nlines\""),
                arguments("x\n@y", "\"x\n'@y\""),
                arguments("x\r\n+y", "\"x\r\n'+y\""),
                arguments("\ttab", "'\ttab"),
                arguments("\rcr", "\"'\rcr\""),
                // a comma does not: every reader that splits on commas reads the quotes around the cell
                arguments("a, =1", "\"a, =1\""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cells")
    void aCellIsQuotedWhenItMustBeAndNoPartOfItRunsAsAFormula(String value, String expected) {
        assertThat(Csv.cell(value)).isEqualTo(expected);
        assertThat(SpreadsheetReading.formulas(Csv.row(List.of("id", value, "end")))).isEmpty();
    }

    @Test
    void aRowEndsInCrlfAndKeepsLineBreaksInsideQuotes() {
        assertThat(Csv.row(Arrays.asList("x", null, "two\nlines", "\ttab", "y"))).isEqualTo("x,,\"two\nlines\",'\ttab,y\r\n");
    }

    @Test
    void anRfc4180ReaderGetsTheCellsBackAsWrittenSaveTheNeutralisingQuotes() {
        List<String> cells = List.of("lunch;=HYPERLINK(\"http://x\")", "a;+1", "say \"hi\", then\r\nleave", "12.50", "",
                "=1+2", "a\n@b");
        List<List<String>> rows = SpreadsheetReading.rows(Csv.row(cells));
        assertThat(rows).containsExactly(List.of("lunch;'=HYPERLINK(\"http://x\")", "a;'+1", "say \"hi\", then\r\nleave",
                "12.50", "", "'=1+2", "a\n'@b"));
    }

    @Test
    void anyRowReadsBackWithNothingButQuotesAddedAndNothingToRun() {
        // the characters that matter to CSV and to formulas, often, and a few that do not
        Gen<String> text = lists().of(arbitrary().pick(List.of("a", "1", ".", " ", "'", ",", ";", "\"", "\r", "\n", "\t",
                "=", "+", "-", "@"))).ofSizeBetween(0, 12).map(parts -> String.join("", parts));
        qt().forAll(lists().of(text).ofSizeBetween(1, 6)).checkAssert(cells -> {
            String written = Csv.row(cells);
            List<List<String>> rows = SpreadsheetReading.rows(written);
            assertThat(rows).as("rows of %s", written).hasSize(1);
            assertThat(rows.get(0)).hasSameSizeAs(cells);
            for (int i = 0; i < cells.size(); i++) {
                String value = cells.get(i);
                String read = rows.get(0).get(i);
                if (DANGEROUS.matcher(value).find()) {
                    assertOnlyQuotesAddedAtCellStarts(value, read);
                } else {
                    assertThat(read).isEqualTo(value);
                }
            }
            assertThat(SpreadsheetReading.formulas(written)).as("formulas in %s", written).isEmpty();
        });
    }

    /** {@code read} is {@code value} with a {@code '} added at some cell starts, and nothing else changed. */
    private static void assertOnlyQuotesAddedAtCellStarts(String value, String read) {
        int v = 0;
        for (int r = 0; r < read.length(); r++) {
            if (v < value.length() && read.charAt(r) == value.charAt(v)) {
                v++;
            } else {
                boolean atCellStart = v == 0 || CELL_STARTS.indexOf(value.charAt(v - 1)) >= 0;
                assertThat(read.charAt(r) == '\'' && atCellStart)
                        .as("%s reads back as %s", escape(value), escape(read)).isTrue();
            }
        }
        assertThat(v).as("%s reads back as %s", escape(value), escape(read)).isEqualTo(value.length());
    }

    private static String escape(String s) {
        return s.chars().mapToObj(c -> c == '\r' ? "\\r" : c == '\n' ? "\\n" : c == '\t' ? "\\t" : Character.toString(c))
                .collect(Collectors.joining("", "[", "]"));
    }
}
