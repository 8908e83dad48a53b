package coffer.app.format;

import coffer.core.error.CofferException;
import coffer.core.money.Money;
import java.util.Optional;

/** An amount the user typed, read with shared-core's rules; what is wrong with it in words otherwise. */
public final class AmountInput {
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
            return Optional.of("Enter an amount such as 25.00 — " + e.getMessage() + ".");
        }
        return money.isPositive() ? Optional.empty() : Optional.of("The amount must be more than zero.");
    }
}
