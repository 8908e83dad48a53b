package coffer.app.format;

import coffer.app.i18n.Texts;
import coffer.core.error.CofferException;
import coffer.core.money.Money;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount the user typed, read with shared-core's rules; what is wrong with it in words (the app's language) otherwise. */
public final class AmountInput {
    /** A plain decimal as typed, to say how many decimals it has too many. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.([0-9]+)");

    private AmountInput() {
    }

    /**
     * @return the problem to show, or empty when {@code text} is a positive amount in {@code currency}
     */
    public static Optional<String> problem(String text, String currency) {
        Money money;
        try {
            money = Money.parse(text, currency);
        } catch (CofferException e) {
            return Optional.of(tooManyDecimals(text, currency) ? Texts.text("amount.decimals", currency, digits(currency))
                    : Texts.text("amount.invalid"));
        }
        return money.isPositive() ? Optional.empty() : Optional.of(Texts.text("amount.notPositive"));
    }

    /** The amount {@code text} says in {@code currency}; else empty, once {@code problem} was told what is wrong with it. */
    public static Optional<Money> read(String text, String currency, Consumer<String> problem) {
        Optional<String> wrong = problem(text, currency);
        wrong.ifPresent(problem);
        return wrong.isPresent() ? Optional.empty() : Optional.of(Money.parse(text, currency));
    }

    private static boolean tooManyDecimals(String text, String currency) {
        Matcher decimal = DECIMAL.matcher(text == null ? "" : text.strip());
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
