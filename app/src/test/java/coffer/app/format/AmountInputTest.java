package coffer.app.format;

import coffer.app.i18n.Texts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the user types as an amount is read with shared-core's rules, the server's own. */
class AmountInputTest {
    private final Locale language = Texts.locale();

    @AfterEach
    void restoreLanguage() {
        Texts.use(language);
    }

    @Test
    void theProblemIsSaidInTheUsersLanguage() {
        assertThat(AmountInput.problem("1.234", "USD")).contains("Enter an amount such as 25.00: USD amounts have at most 2 decimals.");
        assertThat(AmountInput.problem("ten", "USD")).contains("Enter an amount such as 25.00.");
        assertThat(AmountInput.problem("0", "USD")).contains("The amount must be more than zero.");

        Texts.use(Texts.SPANISH);
        assertThat(AmountInput.problem("5,5", "JPY"))
                .contains("Escribe un monto como 25,00: los montos en JPY tienen como máximo 0 decimales.");
        assertThat(AmountInput.problem("diez", "USD")).contains("Escribe un monto como 25,00.");
        assertThat(AmountInput.problem("-1", "USD")).contains("El monto debe ser mayor que cero.");
    }

    private static String read(String typed) {
        return AmountInput.read(typed, "USD", problem -> {
            throw new AssertionError(typed + ": " + problem);
        }).orElseThrow().toDecimalString();
    }

    @Test
    void englishReadsADecimalPointAndGroupedThousandsAndRefusesADecimalComma() {
        Texts.use(Texts.ENGLISH);
        assertThat(read("25.50")).isEqualTo("25.50");
        assertThat(read("1,234.56")).isEqualTo("1234.56");
        assertThat(read("1,234")).isEqualTo("1234.00");
        assertThat(AmountInput.problem("25,50", "USD")).contains("Enter an amount such as 25.00.");
        assertThat(AmountInput.problem("1,23,4.00", "USD")).as("not a grouping").isPresent();
        assertThat(AmountInput.field(coffer.core.money.Money.parse("1234.5", "USD"))).isEqualTo("1234.50");
    }

    @Test
    void spanishReadsTheDecimalCommaItWritesAndStillUnderstandsTheApisPoint() {
        Texts.use(Texts.SPANISH);
        assertThat(read("25,50")).isEqualTo("25.50");
        assertThat(read("1.234,56")).isEqualTo("1234.56");
        assertThat(read("1 234,56")).as("a space grouping too").isEqualTo("1234.56");
        assertThat(read("1.234")).as("a point before three digits groups thousands").isEqualTo("1234.00");
        assertThat(read("25.50")).as("as a payment link writes it").isEqualTo("25.50");
        assertThat(AmountInput.problem("25,505", "USD"))
                .contains("Escribe un monto como 25,00: los montos en USD tienen como máximo 2 decimales.");
        assertThat(AmountInput.problem("1.23.4", "USD")).isPresent();
        assertThat(AmountInput.field(coffer.core.money.Money.parse("1234.5", "USD")))
                .as("what a form is filled with is read back the same").isEqualTo("1234,50");
        assertThat(read(AmountInput.field(coffer.core.money.Money.parse("1234.5", "USD")))).isEqualTo("1234.50");
    }

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
