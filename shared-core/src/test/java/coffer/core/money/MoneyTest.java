package coffer.core.money;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");

    @ParameterizedTest(name = "{0} {1} is {2} minor units")
    @CsvSource({
            "USD, 1000.00, 100000",
            "USD, 12.12, 1212",
            "USD, 100, 10000",
            "USD, 1.5, 150",
            "USD, 1.500, 150",
            "USD, -3.10, -310",
            "USD, 1e2, 10000",
            "USD, 0.01, 1",
            "JPY, 100, 100",
            "JPY, 100.0, 100",
            "KWD, 1.234, 1234",
            "KWD, 0.001, 1",
            "USD, 92233720368547758.07, 9223372036854775807",
            "USD, -92233720368547758.08, -9223372036854775808",
    })
    void parsesDecimalTextExactly(String currency, String text, long minor) {
        assertThat(Money.parse(text, currency).minor()).isEqualTo(minor);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "USD, 1.001",
            "USD, 0.005",
            "JPY, 100.5",
            "KWD, 1.2345",
            "USD, 92233720368547758.08",
            "USD, -92233720368547758.09",
            "USD, 1e30",
            "USD, abc",
            "USD, '1,000.00'",
            "USD, $5",
            "USD, NaN",
            "USD, Infinity",
            "USD, 0x10",
    })
    void refusesTextThatIsNotAnExactAmount(String currency, String text) {
        assertThatThrownBy(() -> Money.parse(text, currency))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void tooManyDecimalsSaysHowManyTheCurrencyAllows() {
        assertThatThrownBy(() -> Money.parse("1.001", "USD"))
                .hasMessageContaining("more decimals than USD allows (2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesBlankAmounts(String text) {
        assertThatThrownBy(() -> Money.parse(text, USD))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"\u0661\u0660\u0660", "\u06F1\u06F0\u06F0", "\uFF11\uFF10\uFF10", "\u0967\u0966\u0966",
            "1\u0660.00", "10.0\u0660", "1e\u0662", "\uD835\uDFCF\uD835\uDFCE\uD835\uDFCE", "1\u066B00"})
    void refusesDigitsOutsideAsciiThatBigDecimalWouldRead(String text) {
        assertThatThrownBy(() -> Money.parse(text, USD))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"1E+2147483647", "1e-2147483648", "1e100000", "1e-400", "99999999999999999999"})
    void refusesExtremeExponentsAndLengthsAsInvalidAmounts(String text) {
        assertThatThrownBy(() -> Money.parse(text, USD))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void negativeZeroAndZeroWithAnExponentAreZero() {
        assertThat(Money.parse("-0", USD).isZero()).isTrue();
        assertThat(Money.parse("0e5", USD).isZero()).isTrue();
        assertThat(Money.parse("-0.00", USD).isZero()).isTrue();
    }

    @Test
    void refusesHugeExponentsWithoutWorkingOnThem() {
        assertThatThrownBy(() -> Money.parse("1e999999999", USD))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        assertThatThrownBy(() -> Money.parse("1e-999999999", USD))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        assertThat(Money.parse("0e-999999999", USD).isZero()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} formats as {2}")
    @CsvSource({
            "USD, 100000, 1000.00",
            "USD, -5, -0.05",
            "USD, 0, 0.00",
            "JPY, 1000, 1000",
            "KWD, 1000, 1.000",
            "KWD, 1, 0.001",
            "USD, 9223372036854775807, 92233720368547758.07",
    })
    void formatsWithExactlyTheCurrencysDecimals(String currency, long minor, String text) {
        assertThat(Money.ofMinor(currency, minor).toDecimalString()).isEqualTo(text);
    }

    @Test
    void printsCurrencyAndAmount() {
        assertThat(Money.ofMinor("USD", 123456)).hasToString("USD 1234.56");
    }

    @Test
    void addingPastTheLongRangeIsRefusedNotWrapped() {
        Money max = Money.ofMinor(USD, Long.MAX_VALUE);
        assertThatThrownBy(() -> max.plus(Money.ofMinor(USD, 1)))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        Money min = Money.ofMinor(USD, Long.MIN_VALUE);
        assertThatThrownBy(() -> min.minus(Money.ofMinor(USD, 1)))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        assertThatThrownBy(min::negated).isInstanceOf(CofferException.class);
    }

    @Test
    void mixingCurrenciesNamesBoth() {
        Money usd = Money.ofMinor("USD", 100);
        Money eur = Money.ofMinor("EUR", 100);
        assertThatThrownBy(() -> usd.plus(eur))
                .isInstanceOfSatisfying(CofferException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
                    assertThat(e.getMessage()).contains("USD").contains("EUR");
                    assertThat(e.context()).containsEntry("expected", "USD").containsEntry("actual", "EUR");
                });
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(CofferException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "Usd", "U$D", "US", "USDX", "ZZZ", "XAU", "XXX", ""})
    void refusesCodesThatAreNotHoldableCurrencies(String code) {
        assertThatThrownBy(() -> Currencies.of(code))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CURRENCY));
    }

    @Test
    void zeroAndNegativeAmountsCannotBeMoved() {
        assertThatThrownBy(() -> Money.ofMinor(USD, 0).requirePositive()).isInstanceOf(CofferException.class);
        assertThatThrownBy(() -> Money.ofMinor(USD, -1).requirePositive()).isInstanceOf(CofferException.class);
        assertThat(Money.ofMinor(USD, 1).requirePositive()).isEqualTo(Money.ofMinor(USD, 1));
    }

    @Test
    void allocatesARemainderToTheFirstPartsSoNothingIsLost() {
        Money[] parts = Money.ofMinor(USD, 100).allocate(1, 1, 1);
        assertThat(parts).extracting(Money::minor).containsExactly(34L, 33L, 33L);
    }

    @Test
    void allocatesByRatiosLikeAFeeSplit() {
        Money[] parts = Money.ofMinor(USD, 10_001).allocate(97, 3);
        assertThat(parts).extracting(Money::minor).containsExactly(9_701L, 300L);
    }

    @Test
    void allocationSkipsZeroRatios() {
        Money[] parts = Money.ofMinor(USD, 5).allocate(0, 1, 1);
        assertThat(parts).extracting(Money::minor).containsExactly(0L, 3L, 2L);
    }

    @Test
    void allocatesTheExtremesOfTheLongRange() {
        Money[] parts = Money.ofMinor(USD, Long.MAX_VALUE).allocate(Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(Arrays.stream(parts).mapToLong(Money::minor).sum()).isEqualTo(Long.MAX_VALUE);
        Money[] negative = Money.ofMinor(USD, Long.MIN_VALUE).allocate(1, 2);
        assertThat(negative[0].plus(negative[1]).minor()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void allocationRefusesNonsenseRatios() {
        Money m = Money.ofMinor(USD, 1);
        assertThatThrownBy(m::allocate).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.allocate(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.allocate(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsByAmountAndCurrency() {
        assertThat(Money.parse("1.50", "USD")).isEqualTo(Money.ofMinor("USD", 150))
                .hasSameHashCodeAs(Money.ofMinor("USD", 150))
                .isNotEqualTo(Money.ofMinor("EUR", 150));
    }
}
