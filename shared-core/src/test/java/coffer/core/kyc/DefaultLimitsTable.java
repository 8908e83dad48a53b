package coffer.core.kyc;

import coffer.core.money.Money;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Currency;
import java.util.stream.Stream;

/**
 * The default limits written out in minor units, by hand, so that tests check the exponent
 * conversion instead of repeating it.
 */
final class DefaultLimitsTable {

    private DefaultLimitsTable() {
    }

    record Case(KycTier tier, Currency currency, long perTransaction, long daily, long maxBalance) {
        Money money(long minor) {
            return Money.ofMinor(currency, minor);
        }

        TierLimits limits() {
            return KycLimitTable.defaults().forTier(tier, currency);
        }

        @Override
        public String toString() {
            return "tier " + tier.wireValue() + " " + currency.getCurrencyCode();
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row(KycTier.TIER_0, "USD", 10_000L, 25_000L, 50_000L),
                row(KycTier.TIER_0, "JPY", 100L, 250L, 500L),
                row(KycTier.TIER_0, "KWD", 100_000L, 250_000L, 500_000L),
                row(KycTier.TIER_1, "USD", 200_000L, 500_000L, 2_000_000L),
                row(KycTier.TIER_1, "JPY", 2_000L, 5_000L, 20_000L),
                row(KycTier.TIER_1, "KWD", 2_000_000L, 5_000_000L, 20_000_000L),
                row(KycTier.TIER_2, "USD", 5_000_000L, 10_000_000L, 100_000_000L),
                row(KycTier.TIER_2, "JPY", 50_000L, 100_000L, 1_000_000L),
                row(KycTier.TIER_2, "KWD", 50_000_000L, 100_000_000L, 1_000_000_000L));
    }

    private static Arguments row(KycTier tier, String currency, long perTransaction, long daily, long maxBalance) {
        return Arguments.of(new Case(tier, Currency.getInstance(currency), perTransaction, daily, maxBalance));
    }
}
