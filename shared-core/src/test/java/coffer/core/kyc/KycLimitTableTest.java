package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Comparator;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KycLimitTableTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("coffer.core.kyc.DefaultLimitsTable#rows")
    void defaultLimitsScaleExactlyToTheCurrencysMinorUnits(DefaultLimitsTable.Case c) {
        TierLimits limits = KycLimitTable.defaults().forTier(c.tier(), c.currency());

        assertThat(limits.perTransaction()).isEqualTo(c.money(c.perTransaction()));
        assertThat(limits.daily()).isEqualTo(c.money(c.daily()));
        assertThat(limits.maxBalance()).isEqualTo(c.money(c.maxBalance()));
        assertThat(limits.currency()).isEqualTo(c.currency());
    }

    @Test
    void tierZeroPerTransactionInDinarsIsOneHundredThousandFils() {
        TierLimits limits = KycLimitTable.defaults().forTier(KycTier.TIER_0, Currency.getInstance("KWD"));

        assertThat(limits.perTransaction().minor()).isEqualTo(100_000L);
        assertThat(limits.perTransaction().toDecimalString()).isEqualTo("100.000");
    }

    @Test
    void defaultsAreExposedInMajorUnits() {
        KycLimitTable defaults = KycLimitTable.defaults();

        assertThat(defaults.perTransactionMajor(KycTier.TIER_1)).isEqualTo(2_000L);
        assertThat(defaults.dailyMajor(KycTier.TIER_1)).isEqualTo(5_000L);
        assertThat(defaults.maxBalanceMajor(KycTier.TIER_2)).isEqualTo(1_000_000L);
    }

    @Test
    void customTableServesItsOwnLimits() {
        KycLimitTable table = KycLimitTable.builder()
                .tier(KycTier.TIER_0, 0, 0, 0)
                .tier(KycTier.TIER_1, 10, 10, 30)
                .tier(KycTier.TIER_2, 20, 40, 60)
                .build();

        TierLimits limits = table.forTier(KycTier.TIER_1, Currency.getInstance("USD"));

        assertThat(limits).isEqualTo(new TierLimits(
                Money.ofMinor("USD", 1_000), Money.ofMinor("USD", 1_000), Money.ofMinor("USD", 3_000)));
        assertThat(table.forTier(KycTier.TIER_0, Currency.getInstance("JPY")).daily().isZero()).isTrue();
    }

    @Test
    void laterLimitsForATierReplaceEarlierOnes() {
        KycLimitTable table = KycLimitTable.builder()
                .tier(KycTier.TIER_0, 1, 1, 1)
                .tier(KycTier.TIER_0, 5, 6, 7)
                .tier(KycTier.TIER_1, 1, 1, 1)
                .tier(KycTier.TIER_2, 1, 1, 1)
                .build();

        assertThat(table.dailyMajor(KycTier.TIER_0)).isEqualTo(6L);
    }

    @Test
    void tablesWithTheSameLimitsAreEqual() {
        KycLimitTable copy = KycLimitTable.builder()
                .tier(KycTier.TIER_0, 100, 250, 500)
                .tier(KycTier.TIER_1, 2_000, 5_000, 20_000)
                .tier(KycTier.TIER_2, 50_000, 100_000, 1_000_000)
                .build();

        assertThat(copy).isEqualTo(KycLimitTable.defaults()).hasSameHashCodeAs(KycLimitTable.defaults());
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KycLimitTable.builder().tier(KycTier.TIER_0, -1, 10, 10))
                .withMessageContaining("per-transaction").withMessageContaining("-1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KycLimitTable.builder().tier(KycTier.TIER_0, 0, 10, -5))
                .withMessageContaining("max balance");
    }

    @Test
    void perTransactionLimitAboveTheDailyLimitIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KycLimitTable.builder().tier(KycTier.TIER_1, 11, 10, 100))
                .withMessage("Tier 1: the per-transaction limit 11 must not exceed the daily limit 10");
    }

    @Test
    void everyTierMustBeGiven() {
        KycLimitTable.Builder builder = KycLimitTable.builder()
                .tier(KycTier.TIER_0, 1, 1, 1)
                .tier(KycTier.TIER_2, 1, 1, 1);

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("tier 1");
    }

    @Test
    void limitsTooLargeForSomeCurrencyAreRefusedUpFront() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                KycLimitTable.builder().tier(KycTier.TIER_2, 1, 1, KycLimitTable.MAX_MAJOR_LIMIT + 1));
    }

    @Test
    void theLargestLimitFitsTheCurrencyWithTheMostDecimals() {
        Currency mostDecimals = Currencies.all().stream()
                .max(Comparator.comparingInt(Currency::getDefaultFractionDigits))
                .orElseThrow();
        long max = KycLimitTable.MAX_MAJOR_LIMIT;
        KycLimitTable table = KycLimitTable.builder()
                .tier(KycTier.TIER_0, max, max, max)
                .tier(KycTier.TIER_1, max, max, max)
                .tier(KycTier.TIER_2, max, max, max)
                .build();

        TierLimits limits = table.forTier(KycTier.TIER_2, mostDecimals);

        assertThat(limits.maxBalance().toBigDecimal()).isEqualByComparingTo(Long.toString(max));
    }

    @Test
    void currenciesWithoutMinorUnitsHaveNoLimits() {
        assertThatThrownBy(() -> KycLimitTable.defaults().forTier(KycTier.TIER_0, Currency.getInstance("XAU")))
                .isInstanceOfSatisfying(CofferException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CURRENCY));
    }
}
