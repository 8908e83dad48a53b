package coffer.server.provider;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what was typed on the checkout page into a {@link Checkouts.CardEntry}, or says what is wrong with it. */
final class CardEntry {
    private static final Pattern EXPIRY = Pattern.compile("\\s*([0-9]{1,2})\\s*/\\s*([0-9]{2})\\s*");
    private static final Pattern CVC = Pattern.compile("[0-9]{3}");
    static final int MAX_NAME = 100;

    /** Either the entry or the message to show above the form. */
    record Parsed(Checkouts.CardEntry entry, String error) {
    }

    private CardEntry() {
    }

    static Parsed parse(String number, String expiry, String cvc, String name, boolean save, Clock clock) {
        String digits = digits(number);
        if (digits == null) {
            return new Parsed(null, "Your card number is invalid.");
        }
        Matcher m = EXPIRY.matcher(expiry == null ? "" : expiry);
        if (!m.matches()) {
            return new Parsed(null, "Enter the expiry date as MM/YY.");
        }
        int month = Integer.parseInt(m.group(1));
        int year = 2000 + Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return new Parsed(null, "Enter the expiry date as MM/YY.");
        }
        if (YearMonth.of(year, month).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            return new Parsed(null, "Your card has expired.");
        }
        if (cvc == null || !CVC.matcher(cvc.strip()).matches()) {
            return new Parsed(null, "The security code (CVC) must be 3 digits.");
        }
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            return new Parsed(null, "Enter the name on the card.");
        }
        return new Parsed(new Checkouts.CardEntry(digits, month, year, name.strip(), save), null);
    }

    /** The number without spaces or dashes when it is a valid card number, else null. */
    static String digits(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[\\s-]", "");
        return TestCards.valid(digits) ? digits : null;
    }
}
