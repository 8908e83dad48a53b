package coffer.app.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the user types as an amount is read with shared-core's rules, the server's own. */
class AmountInputTest {

    @Test
    void aPlainAmountIsFine() {
        assertThat(AmountInput.problem("25.00", "USD")).isEmpty();
        assertThat(AmountInput.problem("1e1", "USD")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0662\u0665", "\uFF12\uFF15", "\u06F2\u06F5.00", "2\u0665", "1E+2147483647", "0", "-0", "1.001", ""})
    void digitsOfOtherScriptsAndAmountsNoWalletHoldsAreRefused(String typed) {
        assertThat(AmountInput.problem(typed, "USD")).isPresent();
    }
}
