package coffer.core.money;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

class MoneyPropertyTest {
    /** The zero of Unicode decimal digit blocks that {@link java.math.BigDecimal} would read as 0 to 9. */
    private static final List<Character> FOREIGN_ZEROS = List.of(
            '\u0660', // Arabic-Indic
            '\u06F0', // Extended Arabic-Indic (Persian, Urdu)
            '\u0966', // Devanagari
            '\u09E6', // Bengali
            '\u0E50', // Thai
            '\uFF10'  // full-width
    );

    private static Gen<Currency> currencies() {
        return arbitrary().pick(Currencies.all());
    }

    @Test
    void formatThenParseGivesTheSameAmountInEveryCurrency() {
        qt().forAll(currencies(), longs().all()).checkAssert((currency, minor) -> {
            Money money = Money.ofMinor(currency, minor);
            assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
        });
    }

    @Test
    void everyIsoCurrencyWithAMinorUnitIsHoldable() {
        qt().forAll(currencies()).checkAssert(currency -> assertThat(Currencies.of(currency.getCurrencyCode())).isEqualTo(currency));
    }

    @Test
    void anAmountWrittenWithADigitOutsideAsciiIsRefused() {
        Gen<Character> zeros = arbitrary().pick(FOREIGN_ZEROS);
        qt().forAll(longs().all(), zeros, integers().between(0, 30)).checkAssert((minor, zero, pick) -> {
            String text = Money.ofMinor("USD", minor).toDecimalString();
            int[] digits = java.util.stream.IntStream.range(0, text.length()).filter(i -> Character.isDigit(text.charAt(i))).toArray();
            int at = digits[pick % digits.length];
            String foreign = text.substring(0, at) + (char) (zero + (text.charAt(at) - '0')) + text.substring(at + 1);
            assertThatThrownBy(() -> Money.parse(foreign, "USD")).as(foreign)
                    .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        });
    }

    @Test
    void anyTextIsAnExactAmountOrInvalidAmountNeverAnotherFailure() {
        Gen<String> pieces = arbitrary().pick("0", "1", "9", "00", ".", "-", "+", "e", "E", "e-", "E+", "2147483647", "2147483648",
                "999999999", "9223372036854775807", "١", "０", " ", "\u2003", ",", "_", "x", "NaN", "Infinity");
        Gen<String> texts = lists().of(pieces).ofSizeBetween(0, 12).map(p -> String.join("", p))
                .mix(strings().allPossible().ofLengthBetween(0, 80), 20);
        qt().forAll(texts, currencies()).checkAssert((text, currency) -> {
            try {
                Money money = Money.parse(text, currency);
                assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
            } catch (CofferException e) {
                assertThat(e.code()).as(text).isEqualTo(ErrorCode.INVALID_AMOUNT);
            }
        });
    }

    @Test
    void addingThenSubtractingGivesBackTheStart() {
        qt().forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
            Money x = Money.ofMinor("USD", a);
            Money y = Money.ofMinor("USD", b);
            boolean overflows = BigInteger.valueOf(a).add(BigInteger.valueOf(b)).bitLength() > 63;
            if (overflows) {
                assertThatThrownBy(() -> x.plus(y)).isInstanceOfSatisfying(CofferException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
            } else {
                assertThat(x.plus(y).minus(y)).isEqualTo(x);
            }
        });
    }

    @Test
    void arithmeticNeverWraps() {
        qt().forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
            BigInteger exactSum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
            BigInteger exactDifference = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
            Money x = Money.ofMinor("JPY", a);
            Money y = Money.ofMinor("JPY", b);
            checkExactOrRefused(() -> x.plus(y), exactSum);
            checkExactOrRefused(() -> x.minus(y), exactDifference);
        });
    }

    private static void checkExactOrRefused(java.util.function.Supplier<Money> operation, BigInteger exact) {
        try {
            assertThat(BigInteger.valueOf(operation.get().minor())).isEqualTo(exact);
        } catch (CofferException e) {
            assertThat(exact.bitLength()).isGreaterThan(63);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
        }
    }

    @Test
    void allocationAlwaysSumsToTheWhole() {
        qt().forAll(longs().all(), lists().of(longs().between(0, Long.MAX_VALUE)).ofSizeBetween(1, 12)).checkAssert((minor, ratios) -> {
            long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
            if (Arrays.stream(r).allMatch(x -> x == 0)) {
                r[0] = 1;
            }
            Money[] parts = Money.ofMinor("USD", minor).allocate(r);
            assertThat(parts).hasSize(r.length);
            BigInteger sum = Arrays.stream(parts).map(p -> BigInteger.valueOf(p.minor())).reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(sum).isEqualTo(BigInteger.valueOf(minor));
            for (int i = 0; i < r.length; i++) {
                if (r[i] == 0) {
                    assertThat(parts[i].minor()).isZero();
                }
            }
        });
    }

    @Test
    void allocationIsFairToWithinOneMinorUnit() {
        qt().forAll(longs().between(-1_000_000_000L, 1_000_000_000L), lists().of(longs().between(1, 1000)).ofSizeBetween(1, 6))
                .checkAssert((minor, ratios) -> {
                    long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
                    long total = Arrays.stream(r).sum();
                    Money[] parts = Money.ofMinor("USD", minor).allocate(r);
                    for (int i = 0; i < r.length; i++) {
                        BigInteger exactTimesTotal = BigInteger.valueOf(minor).multiply(BigInteger.valueOf(r[i]));
                        BigInteger partTimesTotal = BigInteger.valueOf(parts[i].minor()).multiply(BigInteger.valueOf(total));
                        assertThat(partTimesTotal.subtract(exactTimesTotal).abs()).isLessThan(BigInteger.valueOf(total));
                    }
                });
    }
}
