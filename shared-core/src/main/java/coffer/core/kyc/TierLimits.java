package coffer.core.kyc;

import coffer.core.money.Money;

import java.util.Currency;
import java.util.Objects;

/**
 * The limits of one KYC tier in one currency. Immutable.
 *
 * @param perTransaction the most one outgoing movement may move; never null, not negative
 * @param daily          the most all outgoing movements of a rolling 24 hours may move together;
 *                       never null, not negative, at least {@code perTransaction}
 * @param maxBalance     the most the holder may hold over all its wallets in the currency; never
 *                       null, not negative
 */
public record TierLimits(Money perTransaction, Money daily, Money maxBalance) {

    /**
     * @throws NullPointerException     if an amount is null
     * @throws IllegalArgumentException if the amounts are in different currencies, one is negative,
     *                                  or {@code perTransaction} is more than {@code daily}
     */
    public TierLimits {
        Objects.requireNonNull(perTransaction, "perTransaction");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(maxBalance, "maxBalance");
        Currency currency = perTransaction.currency();
        if (!daily.currency().equals(currency) || !maxBalance.currency().equals(currency)) {
            throw new IllegalArgumentException("Tier limits must share one currency, got per-transaction "
                    + perTransaction + ", daily " + daily + ", max balance " + maxBalance);
        }
        if (perTransaction.isNegative() || daily.isNegative() || maxBalance.isNegative()) {
            throw new IllegalArgumentException("Tier limits must not be negative, got per-transaction "
                    + perTransaction + ", daily " + daily + ", max balance " + maxBalance);
        }
        if (perTransaction.isGreaterThan(daily)) {
            throw new IllegalArgumentException("The per-transaction limit " + perTransaction
                    + " must not exceed the daily limit " + daily);
        }
    }

    /** The currency of all three limits; never null. */
    public Currency currency() {
        return perTransaction.currency();
    }
}
