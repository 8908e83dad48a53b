package coffer.app.history;

import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Times;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;

/**
 * One line of a wallet's history as the table shows it: the typed values its columns sort by, and the texts
 * they show, in the user's language, locale and time zone.
 *
 * @param at     when the movement was made (the API's {@code created_at}); null when the server gave none
 * @param date   {@code at} in the user's time zone and locale, as the date column shows it
 * @param kind   the API's word ({@code p2p}); the table shows {@link #kindName()}
 * @param signed the amount as it moved the wallet: negative when money left it, positive when it came in
 * @param status the API's word ({@code completed}); the table shows {@link #statusName()}
 */
public record HistoryRow(String id, Instant at, String date, String kind, String counterparty, Money signed,
                         String status, String description) {

    /** Oldest first, by instant (not by the shown text, which a time zone change can put out of order). */
    public static final Comparator<HistoryRow> BY_DATE = Comparator
            .comparing(HistoryRow::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(HistoryRow::id);

    /** Most money out first, most money in last: by the signed amount in minor units (per currency). */
    public static final Comparator<HistoryRow> BY_AMOUNT = Comparator
            .comparing((HistoryRow r) -> r.signed().currencyCode())
            .thenComparingLong(r -> r.signed().minor());

    static HistoryRow of(TransactionView t, ZoneId zone) {
        Instant at = t.createdAt() == null ? null : Instant.parse(t.createdAt());
        Money amount = Money.parse(t.amount(), t.currency());
        return new HistoryRow(t.id(), at, Times.dateTime(at, zone), t.kind(), orEmpty(t.counterparty()),
                "out".equals(t.direction()) ? amount.negated() : amount, t.status(), orEmpty(t.description()));
    }

    /**
     * The amount with its sign, in the user's locale: "+25.00 USD" in, "-25.00 USD" out; the sign tells the
     * direction where the colour cannot.
     */
    public String amount() {
        return signed(signed);
    }

    /** Money that came in (or nothing moved), as opposed to money that left the wallet. */
    public boolean credit() {
        return !signed.isNegative();
    }

    /** The kind in the user's language: "Sent to a person". */
    public String kindName() {
        return Names.kind(kind);
    }

    /** The status in the user's language: "Completed". */
    public String statusName() {
        return Names.status(status);
    }

    /** {@code money} with its sign always written: "+25.00 USD", "-25.00 USD". */
    static String signed(Money money) {
        return money.isNegative() ? "-" + Amounts.format(money.negated()) : "+" + Amounts.format(money);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
