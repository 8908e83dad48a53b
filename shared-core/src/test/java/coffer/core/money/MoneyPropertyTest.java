package coffer.core.money;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.api.Pair.of;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Properties of {@link Money} over generated amounts. Each run draws a fresh seed, 1000 examples per
 * property; a failure prints the smallest failing values and the seed, and {@code -DQT_SEED=<seed>}
 * (or {@code qt().withFixedSeed(seed)}) replays it.
 */
class MoneyPropertyTest {
    private static final Gen<Currency> CURRENCIES = arbitrary().pick(Currencies.all());

    /** The zero of Unicode decimal digit blocks that {@link java.math.BigDecimal} would read as 0 to 9. */
    private static final List<Character> FOREIGN_ZEROS = List.of(
            '\u0660', // Arabic-Indic
            '\u06F0', // Extended Arabic-Indic (Persian, Urdu)
            '\u0966', // Devanagari
            '\u09E6', // Bengali
            '\u0E50', // Thai
            '\uFF10'  // full-width
    );

    @Test
    void formatThenParseGivesTheSameAmountInEveryCurrency() {
        qt().forAll(CURRENCIES, longs().all()).checkAssert((currency, minor) -> {
            Money money = Money.ofMinor(currency, minor);
            assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
        });
    }

    @Test
    void everyIsoCurrencyWithAMinorUnitIsHoldable() {
        // the set is small and finite: check all of it rather than a sample
        List<Currency> all = Currencies.all();
        assertThat(all).isNotEmpty();
        for (Currency currency : all) {
            assertThat(Currencies.of(currency.getCurrencyCode())).isEqualTo(currency);
        }
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
        qt().forAll(texts, CURRENCIES).checkAssert((text, currency) -> {
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
            Money x = Money.ofMinor("JPY", a);
            Money y = Money.ofMinor("JPY", b);
            checkExactOrRefused(() -> x.plus(y), BigInteger.valueOf(a).add(BigInteger.valueOf(b)));
            checkExactOrRefused(() -> x.minus(y), BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)));
        });
    }

    private static void checkExactOrRefused(Supplier<Money> operation, BigInteger exact) {
        try {
            assertThat(BigInteger.valueOf(operation.get().minor())).isEqualTo(exact);
        } catch (CofferException e) {
            assertThat(exact.bitLength()).isGreaterThan(63);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
        }
    }

    @Test
    void allocationAlwaysSumsToTheWhole() {
        // zero ratios often, so the rule that they get nothing is exercised; huge ones stress the arithmetic
        Gen<Long> ratio = frequency(of(1, constant(0L)), of(1, longs().between(1, 10)), of(2, longs().between(0, Long.MAX_VALUE)));
        Gen<List<Long>> ratios = lists().of(ratio).ofSizeBetween(1, 12);
        qt().forAll(longs().all(), ratios).checkAssert((minor, ratioList) -> {
            long[] r = ratioList.stream().mapToLong(Long::longValue).toArray();
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
        Gen<List<Long>> ratios = lists().of(longs().between(1, 1000)).ofSizeBetween(1, 6);
        qt().forAll(longs().between(-1_000_000_000L, 1_000_000_000L), ratios).checkAssert((minor, ratioList) -> {
            long[] r = ratioList.stream().mapToLong(Long::longValue).toArray();
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
