package coffer.app.detail;

import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A movement as a plain-text receipt: every field the server gives, times in the user's zone, the
 * amount signed from the user's side. The same text is shown, copied and saved.
 */
public final class Receipt {
    static final String NONE = "—";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
    private static final int LABEL_WIDTH = 22;

    /** One labelled line of the receipt. */
    public record Line(String label, String value) {
    }

    private Receipt() {
    }

    /** The receipt's lines, in the order they print. */
    public static List<Line> lines(TransactionView t, ZoneId zone) {
        Objects.requireNonNull(t, "transaction");
        Objects.requireNonNull(zone, "zone");
        boolean out = "out".equals(t.direction());
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Kind", t.kind()));
        lines.add(new Line("Direction", out ? "out (money left your wallet)" : "in (money reached your wallet)"));
        lines.add(new Line("Amount", (out ? "-" : "+") + Amounts.format(t.amount(), t.currency())));
        lines.add(new Line("Counterparty", or(t.counterparty())));
        lines.add(new Line("Counterparty wallet", or(t.counterpartyWalletId())));
        lines.add(new Line("Status", t.status()));
        lines.add(new Line("Failure reason", t.failureReason() == null ? NONE
                : Problems.reason(t.failureReason()) + " (" + t.failureReason() + ")"));
        lines.add(new Line("Description", or(t.description())));
        lines.add(new Line("Reference", or(t.reference())));
        lines.add(new Line("Created", when(t.createdAt(), zone)));
        lines.add(new Line("Completed", when(t.completedAt(), zone)));
        lines.add(new Line("Transaction id", t.id()));
        lines.add(new Line("Wallet id", t.walletId()));
        return List.copyOf(lines);
    }

    /** The receipt as plain text, one line per field, labels padded so the values line up. */
    public static String text(TransactionView t, ZoneId zone) {
        StringBuilder text = new StringBuilder("Coffer receipt\n").append("=".repeat(40)).append('\n');
        for (Line line : lines(t, zone)) {
            text.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s%s%n", line.label() + ":", line.value()));
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    /** An API instant in {@code zone}, e.g. "2026-11-23 16:05:09 CET"; a dash when absent. */
    static String when(String instant, ZoneId zone) {
        return instant == null ? NONE : WHEN.format(Instant.parse(instant).atZone(zone));
    }

    private static String or(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
