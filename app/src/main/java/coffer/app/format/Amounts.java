package coffer.app.format;

import coffer.app.i18n.Texts;
import coffer.core.money.Money;
import java.text.NumberFormat;

/** Amounts as the user reads them: "1,000.00 USD" or "1.000,00 USD", in the user's locale ({@link Texts#formatLocale()}), from the API's exact decimals. */
public final class Amounts {
    private Amounts() {
    }

    /** {@code decimal} is the API's exact text ("1000.00"); never goes through a double. */
    public static String format(String decimal, String currency) {
        if (decimal == null || currency == null) {
            return "";
        }
        return format(Money.parse(decimal, currency));
    }

    public static String format(Money money) {
        NumberFormat f = NumberFormat.getNumberInstance(Texts.formatLocale());
        int digits = money.currency().getDefaultFractionDigits();
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(money.toBigDecimal()) + " " + money.currencyCode();
    }
}
