package coffer.server.history;

import java.util.List;

/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields with a comma, semicolon, quote or
 * line break in double quotes with quotes doubled), made safe to open in a spreadsheet.
 *
 * <p>A spreadsheet runs a cell as a formula when it starts with {@code = + - @}, a tab or a carriage
 * return, even after spaces or an opening quote. Where a cell starts so, a {@code '} goes first and it
 * stays text. Quoting keeps a cell whole only for readers that split on our commas: one set up for
 * semicolons (many European locales) or tabs does not see our quotes, since they do not open its
 * fields, and starts a new cell after every {@code ;} or tab and a new row after every line break,
 * inside ours or not. So the same {@code '} also goes straight after each of those characters that a
 * formula follows. A comma inside a cell needs no such care: every reader that splits on commas reads
 * our quotes, because they open its fields.
 *
 * <p>Amounts are written as unsigned decimals (the direction is its own column), so no number the
 * export writes starts with a sign and every one stays a number.
 */
final class Csv {
    /** Where a reader that does not see our quotes may start a cell or a row. */
    private static final String SPLITS = ";\t\r\n";
    private static final String FORMULA = "=+-@\t\r";

    private Csv() {
    }

    static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder safe = new StringBuilder(value.length() + 2);
        for (int i = 0; i < value.length(); i++) {
            boolean cellStarts = i == 0 || SPLITS.indexOf(value.charAt(i - 1)) >= 0;
            if (cellStarts && formulaAt(value, i)) {
                safe.append('\'');
            }
            safe.append(value.charAt(i));
        }
        boolean quote = false;
        for (int i = 0; i < safe.length() && !quote; i++) {
            quote = ",;\"\r\n".indexOf(safe.charAt(i)) >= 0;
        }
        return quote ? '"' + safe.toString().replace("\"", "\"\"") + '"' : safe.toString();
    }

    /** Whether a cell starting at {@code from} would be a formula: a formula character after any spaces and quotes. */
    private static boolean formulaAt(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '"')) {
            i++;
        }
        return i < value.length() && FORMULA.indexOf(value.charAt(i)) >= 0;
    }
}
