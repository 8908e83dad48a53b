package coffer.core.kyc;

import coffer.core.money.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TierLimitsTest {

    private static Money usd(long minor) {
        return Money.ofMinor("USD", minor);
    }

    @Test
    void limitsShareOneCurrency() {
        TierLimits limits = new TierLimits(usd(1), usd(2), usd(3));

        assertThat(limits.currency()).isEqualTo(Currency.getInstance("USD"));
    }

    @Test
    void limitsInMixedCurrenciesAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierLimits(usd(1), Money.ofMinor("EUR", 2), usd(3)))
                .withMessageContaining("one currency");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierLimits(usd(1), usd(2), Money.ofMinor("JPY", 3)));
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TierLimits(usd(-1), usd(2), usd(3)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TierLimits(usd(1), usd(2), usd(-3)));
    }

    @Test
    void perTransactionLimitAboveTheDailyLimitIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TierLimits(usd(201), usd(200), usd(1_000)))
                .withMessageContaining("2.01").withMessageContaining("2.00");
    }

    @Test
    void everyLimitIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new TierLimits(null, usd(2), usd(3)));
        assertThatNullPointerException().isThrownBy(() -> new TierLimits(usd(1), null, usd(3)));
        assertThatNullPointerException().isThrownBy(() -> new TierLimits(usd(1), usd(2), null));
    }
}
