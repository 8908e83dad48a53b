package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The KYC limits of one environment, for every tier, in whole major units (dollars, yen, dinars) so
 * that one table serves every currency: {@link #forTier(KycTier, Currency)} scales them exactly to
 * the currency's minor units. Immutable and thread-safe.
 *
 * <p>Every limit is small enough to be scaled to any currency Coffer can hold without overflowing a
 * {@code long} of minor units, so {@link #forTier} never fails for a holdable currency.
 */
public final class KycLimitTable {

    /** The largest limit, in major units, that fits in minor units of every holdable currency. */
    public static final long MAX_MAJOR_LIMIT = Long.MAX_VALUE / pow10(maxHoldableFractionDigits());

    private static final KycLimitTable DEFAULTS = builder()
            .tier(KycTier.TIER_0, 100, 250, 500)
            .tier(KycTier.TIER_1, 2_000, 5_000, 20_000)
            .tier(KycTier.TIER_2, 50_000, 100_000, 1_000_000)
            .build();

    private final Map<KycTier, MajorLimits> tiers;

    private KycLimitTable(Map<KycTier, MajorLimits> tiers) {
        this.tiers = Collections.unmodifiableMap(new EnumMap<>(tiers));
    }

    /**
     * The limits used when an environment configures none, in major units (per transaction / rolling
     * 24 hours / maximum balance): tier 0 100 / 250 / 500, tier 1 2,000 / 5,000 / 20,000,
     * tier 2 50,000 / 100,000 / 1,000,000.
     *
     * @return the shared default table; never null
     */
    public static KycLimitTable defaults() {
        return DEFAULTS;
    }

    /** A builder for a custom table; every tier must be given before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The limits of {@code tier} in {@code currency}: each major-unit limit times
     * 10<sup>fraction digits</sup>, exactly (USD 100 is 10,000 cents, JPY 100 is 100 yen,
     * KWD 100 is 100,000 fils).
     *
     * @param tier     never null
     * @param currency a currency with a minor unit, never null
     * @return the limits as money in {@code currency}; never null
     * @throws NullPointerException if an argument is null
     * @throws CofferException      {@link ErrorCode#UNKNOWN_CURRENCY} for a currency without a minor unit
     */
    public TierLimits forTier(KycTier tier, Currency currency) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(currency, "currency");
        long scale = pow10(Currencies.requireMinorUnit(currency).getDefaultFractionDigits());
        MajorLimits major = tiers.get(tier);
        return new TierLimits(
                Money.ofMinor(currency, Math.multiplyExact(major.perTransaction(), scale)),
                Money.ofMinor(currency, Math.multiplyExact(major.daily(), scale)),
                Money.ofMinor(currency, Math.multiplyExact(major.maxBalance(), scale)));
    }

    /** The per-transaction limit of {@code tier} in major units. */
    public long perTransactionMajor(KycTier tier) {
        return tiers.get(Objects.requireNonNull(tier, "tier")).perTransaction();
    }

    /** The rolling 24-hour outgoing limit of {@code tier} in major units. */
    public long dailyMajor(KycTier tier) {
        return tiers.get(Objects.requireNonNull(tier, "tier")).daily();
    }

    /** The maximum balance of {@code tier} in major units. */
    public long maxBalanceMajor(KycTier tier) {
        return tiers.get(Objects.requireNonNull(tier, "tier")).maxBalance();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KycLimitTable other && tiers.equals(other.tiers);
    }

    @Override
    public int hashCode() {
        return tiers.hashCode();
    }

    @Override
    public String toString() {
        return "KycLimitTable" + tiers;
    }

    /** Collects the limits of each tier. Not thread-safe; {@link #build()} copies, so it may be reused. */
    public static final class Builder {
        private final Map<KycTier, MajorLimits> tiers = new EnumMap<>(KycTier.class);

        private Builder() {
        }

        /**
         * Sets the limits of {@code tier}, replacing any given before.
         *
         * @param tier           never null
         * @param perTransaction the most one outgoing movement may move, in major units
         * @param daily          the most a rolling 24 hours of outgoing movements may move, in major units
         * @param maxBalance     the most the holder may hold over all its wallets, in major units
         * @return this builder
         * @throws NullPointerException     if {@code tier} is null
         * @throws IllegalArgumentException if a limit is negative or above {@link #MAX_MAJOR_LIMIT},
         *                                  or {@code perTransaction} is more than {@code daily}
         */
        public Builder tier(KycTier tier, long perTransaction, long daily, long maxBalance) {
            Objects.requireNonNull(tier, "tier");
            requireInRange(tier, "per-transaction", perTransaction);
            requireInRange(tier, "daily", daily);
            requireInRange(tier, "max balance", maxBalance);
            if (perTransaction > daily) {
                throw new IllegalArgumentException("Tier " + tier.wireValue() + ": the per-transaction limit "
                        + perTransaction + " must not exceed the daily limit " + daily);
            }
            tiers.put(tier, new MajorLimits(perTransaction, daily, maxBalance));
            return this;
        }

        /**
         * @return the table; never null
         * @throws IllegalArgumentException if a tier has no limits
         */
        public KycLimitTable build() {
            for (KycTier tier : KycTier.values()) {
                if (!tiers.containsKey(tier)) {
                    throw new IllegalArgumentException("No KYC limits given for tier " + tier.wireValue());
                }
            }
            return new KycLimitTable(tiers);
        }

        private static void requireInRange(KycTier tier, String name, long value) {
            if (value < 0 || value > MAX_MAJOR_LIMIT) {
                throw new IllegalArgumentException("Tier " + tier.wireValue() + ": the " + name + " limit "
                        + value + " must be between 0 and " + MAX_MAJOR_LIMIT + " major units");
            }
        }
    }

    private record MajorLimits(long perTransaction, long daily, long maxBalance) {
        @Override
        public String toString() {
            return perTransaction + "/" + daily + "/" + maxBalance;
        }
    }

    private static int maxHoldableFractionDigits() {
        return Currencies.all().stream().mapToInt(Currency::getDefaultFractionDigits).max().orElse(0);
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, 10L);
        }
        return result;
    }
}
