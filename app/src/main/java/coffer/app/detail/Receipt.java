package coffer.app.detail;

import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Problems;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A movement as a plain-text receipt in the user's language: every field the server gives, kinds and statuses
 * in words, money in the user's locale and signed from the user's side, times in the user's zone with the
 * zone named. The same text is shown, copied and saved.
 */
public final class Receipt {
    static final String NONE = "—";
    /** The zone's name at that instant, daylight saving included: "CET", "CEST", "JST". */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz");

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
        lines.add(line("kind", Names.kind(t.kind())));
        lines.add(line("direction", Texts.text(out ? "detail.receipt.out" : "detail.receipt.in")));
        lines.add(line("amount", amount(t)));
        lines.add(line("counterparty", or(t.counterparty())));
        lines.add(line("counterpartyWallet", or(t.counterpartyWalletId())));
        lines.add(line("status", Names.status(t.status())));
        lines.add(line("failureReason", t.failureReason() == null ? NONE : Problems.reason(t.failureReason())));
        lines.add(line("description", or(t.description())));
        lines.add(line("reference", or(t.reference())));
        lines.add(line("created", when(t.createdAt(), zone)));
        lines.add(line("completed", when(t.completedAt(), zone)));
        lines.add(line("transactionId", t.id()));
        lines.add(line("walletId", t.walletId()));
        return List.copyOf(lines);
    }

    /** The receipt as plain text, one line per field, labels padded so the values line up. */
    public static String text(TransactionView t, ZoneId zone) {
        List<Line> lines = lines(t, zone);
        int width = lines.stream().mapToInt(l -> l.label().length()).max().orElse(0) + 3;
        StringBuilder text = new StringBuilder(Texts.text("detail.receipt.heading")).append('\n')
                .append("=".repeat(40)).append('\n');
        for (Line line : lines) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s%s%n", line.label() + ":", line.value()));
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    /** The amount signed from the user's side, in the user's locale: "+25.00 USD" in, "-25.00 USD" out. */
    public static String amount(TransactionView t) {
        Money amount = Money.parse(t.amount(), t.currency());
        return ("out".equals(t.direction()) ? "-" : "+") + Amounts.format(amount);
    }

    /** An API instant in {@code zone}, in the user's locale, with the zone's name: "Nov 23, 2026, 4:05:09 PM CET". */
    static String when(String instant, ZoneId zone) {
        if (instant == null) {
            return NONE;
        }
        Instant at = Instant.parse(instant);
        return Times.dateTime(at, zone) + " " + ZONE_NAME.withLocale(Texts.formatLocale()).format(at.atZone(zone));
    }

    private static Line line(String field, String value) {
        return new Line(Texts.text("detail.receipt." + field), value);
    }

    private static String or(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
