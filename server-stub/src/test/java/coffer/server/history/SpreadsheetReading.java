package coffer.server.history;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The export as spreadsheets read it: one that splits on our commas and reads our quotes (RFC 4180),
 * and one set up for semicolons or tabs, which sees neither.
 */
final class SpreadsheetReading {
    /** What a spreadsheet runs as a formula: a formula character, perhaps after spaces or an opening quote. */
    private static final Pattern FORMULA = Pattern.compile("^[ \"]*[=+\\-@\t\r]");

    private SpreadsheetReading() {
    }

    /** The rows as an RFC 4180 reader gives them. */
    static List<List<String>> rows(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every cell either reader would run as a formula: the RFC 4180 cells, and every piece between two
     * places where a reader splitting on {@code ;}, tab or a line break may start a cell. Splitting at all
     * of them, quotes or not, covers whatever such a reader makes of the quotes.
     */
    static List<String> formulas(String csv) {
        List<String> found = new ArrayList<>();
        for (List<String> row : rows(csv)) {
            row.stream().filter(cell -> FORMULA.matcher(cell).find()).forEach(found::add);
        }
        for (String piece : csv.split("[;\t\r\n]", -1)) {
            if (FORMULA.matcher(piece).find()) {
                found.add(piece);
            }
        }
        return found;
    }
}
