package coffer.app.format;

import coffer.app.i18n.Texts;
import coffer.core.error.CofferException;
import coffer.core.money.Money;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount the user typed, in the user's locale ({@link Texts#formatLocale()}), read exactly with shared-core's
 * rules; what is wrong with it in words (the app's language) otherwise.
 *
 * <p>Where the locale writes a decimal comma ({@code 1.234,56} in Spanish), {@code 25,50} is twenty-five and a
 * half, {@code 1.234,56} and {@code 1.234} have their thousands grouped, and {@code 25.50}, which cannot be a
 * grouping, is read as the API writes it: a user who types the point they see in a payment link is understood.
 * Where the locale writes a decimal point, {@code 1,234.56} is grouped and {@code 25,50} is refused. Amounts put
 * into a field for the user ({@link #field(Money)}) are written the same way, without grouping.
 */
public final class AmountInput {
    /** A plain decimal as the API writes it, to say how many decimals it has too many. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.([0-9]+)");
    /** Spaces a locale may group thousands with (French, for one): never part of an amount. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    private AmountInput() {
    }

    /**
     * @return the problem to show, or empty when {@code text} is a positive amount in {@code currency}
     */
    public static Optional<String> problem(String text, String currency) {
        String plain = plain(text);
        Money money;
        try {
            money = Money.parse(plain, currency);
        } catch (CofferException e) {
            return Optional.of(tooManyDecimals(plain, currency)
                    ? Texts.text("amount.decimals", currency, digits(currency), example())
                    : Texts.text("amount.invalid", example()));
        }
        return money.isPositive() ? Optional.empty() : Optional.of(Texts.text("amount.notPositive"));
    }

    /** The amount {@code text} says in {@code currency}; else empty, once {@code problem} was told what is wrong with it. */
    public static Optional<Money> read(String text, String currency, Consumer<String> problem) {
        Optional<String> wrong = problem(text, currency);
        wrong.ifPresent(problem);
        return wrong.isPresent() ? Optional.empty() : Optional.of(Money.parse(plain(text), currency));
    }

    /**
     * {@code text} as the API writes amounts ({@code 1234.56}), read in the user's locale; text that is no amount
     * in that locale comes back as it was, for {@link Money#parse} to refuse.
     */
    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        String typed = SPACES.matcher(text).replaceAll("");
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale());
        char decimal = symbols.getDecimalSeparator();
        char group = symbols.getGroupingSeparator();
        if (Character.isSpaceChar(group)) {
            group = decimal == ',' ? '.' : ',';
        }
        String g = Pattern.quote(String.valueOf(group));
        String d = Pattern.quote(String.valueOf(decimal));
        if (typed.matches("[+-]?[0-9]{1,3}(" + g + "[0-9]{3})+(" + d + "[0-9]+)?")) {
            typed = typed.replace(String.valueOf(group), "");
        }
        return decimal == '.' ? typed : typed.replace(decimal, '.');
    }

    /** {@code money} as the user types it in this locale ({@code 25,50} in Spanish), with no grouping or code. */
    public static String field(Money money) {
        char decimal = DecimalFormatSymbols.getInstance(locale()).getDecimalSeparator();
        return money.toDecimalString().replace('.', decimal);
    }

    /** 25.00 as the user types it: the example every amount problem gives. */
    private static String example() {
        return field(Money.parse("25.00", "USD"));
    }

    private static Locale locale() {
        return Texts.formatLocale();
    }

    private static boolean tooManyDecimals(String plain, String currency) {
        Matcher decimal = DECIMAL.matcher(plain == null ? "" : plain.strip());
        return decimal.matches() && digits(currency) >= 0 && decimal.group(1).length() > digits(currency);
    }

    private static int digits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException e) {
            return -1;
        }
    }
}
