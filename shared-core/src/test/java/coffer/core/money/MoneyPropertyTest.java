package coffer.core.money;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyPropertyTest {

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(Currencies.all());
    }

    @Property
    void formatThenParseGivesTheSameAmountInEveryCurrency(@ForAll("currencies") Currency currency, @ForAll long minor) {
        Money money = Money.ofMinor(currency, minor);
        assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
    }

    @Property
    void everyIsoCurrencyWithAMinorUnitIsHoldable(@ForAll("currencies") Currency currency) {
        assertThat(Currencies.of(currency.getCurrencyCode())).isEqualTo(currency);
    }

    @Property
    void addingThenSubtractingGivesBackTheStart(@ForAll long a, @ForAll long b) {
        Money x = Money.ofMinor("USD", a);
        Money y = Money.ofMinor("USD", b);
        boolean overflows = BigInteger.valueOf(a).add(BigInteger.valueOf(b)).bitLength() > 63;
        if (overflows) {
            assertThatThrownBy(() -> x.plus(y)).isInstanceOfSatisfying(CofferException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
        } else {
            assertThat(x.plus(y).minus(y)).isEqualTo(x);
        }
    }

    @Property
    void arithmeticNeverWraps(@ForAll long a, @ForAll long b) {
        BigInteger exactSum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        BigInteger exactDifference = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
        Money x = Money.ofMinor("JPY", a);
        Money y = Money.ofMinor("JPY", b);
        checkExactOrRefused(() -> x.plus(y), exactSum);
        checkExactOrRefused(() -> x.minus(y), exactDifference);
    }

    private static void checkExactOrRefused(java.util.function.Supplier<Money> operation, BigInteger exact) {
        try {
            assertThat(BigInteger.valueOf(operation.get().minor())).isEqualTo(exact);
        } catch (CofferException e) {
            assertThat(exact.bitLength()).isGreaterThan(63);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
        }
    }

    @Property
    void allocationAlwaysSumsToTheWhole(@ForAll long minor,
                                        @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> ratios) {
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
    }

    @Property
    void allocationIsFairToWithinOneMinorUnit(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long minor,
                                              @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 1000) Long> ratios) {
        long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
        long total = Arrays.stream(r).sum();
        Money[] parts = Money.ofMinor("USD", minor).allocate(r);
        for (int i = 0; i < r.length; i++) {
            BigInteger exactTimesTotal = BigInteger.valueOf(minor).multiply(BigInteger.valueOf(r[i]));
            BigInteger partTimesTotal = BigInteger.valueOf(parts[i].minor()).multiply(BigInteger.valueOf(total));
            assertThat(partTimesTotal.subtract(exactTimesTotal).abs()).isLessThan(BigInteger.valueOf(total));
        }
    }
}
