package coffer.core.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Currencies;
import coffer.core.money.Money;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * An account's balance: what is posted, what is reserved by pending holds against it (pending debits)
 * and what pending holds will bring in (pending credits). Immutable; every change returns a new value.
 *
 * <p>{@code available = posted − pendingDebits}: money a user can spend. Every spend is checked against
 * it; the check and the change are one step ({@link #debit}, {@link #reserve}) so a store that applies
 * the returned balance inside its write transaction cannot spend the same money twice.
 *
 * @param currency      the account's currency
 * @param posted        minor units posted (credits minus debits); negative only where overdraft is allowed
 * @param pendingDebits minor units reserved by pending holds on this account, never negative
 * @param pendingCredits minor units that pending holds will credit to this account, never negative
 */
public record Balance(Currency currency, long posted, long pendingDebits, long pendingCredits) {

    public Balance {
        Currencies.requireMinorUnit(currency);
        if (pendingDebits < 0 || pendingCredits < 0) {
            throw new IllegalArgumentException("pending amounts cannot be negative: " + pendingDebits + ", " + pendingCredits);
        }
    }

    /** A new, empty balance. */
    public static Balance empty(Currency currency) {
        return new Balance(currency, 0, 0, 0);
    }

    /** Posted balance as money. */
    public Money postedMoney() {
        return Money.ofMinor(currency, posted);
    }

    /** Reserved by pending holds as money. */
    public Money pendingMoney() {
        return Money.ofMinor(currency, pendingDebits);
    }

    /** {@code posted − pendingDebits}: what can be spent. */
    public Money available() {
        return postedMoney().minus(pendingMoney());
    }

    /** True if the account holds nothing and nothing is pending either way. */
    public boolean isEmpty() {
        return posted == 0 && pendingDebits == 0 && pendingCredits == 0;
    }

    /**
     * Takes {@code amount} out of the posted balance.
     *
     * @param amount           a positive amount in this currency
     * @param overdraftAllowed whether available may go below zero
     * @return the new balance, or {@link ErrorCode#INSUFFICIENT_BALANCE} when available is short
     */
    public Result<Balance> debit(Money amount, boolean overdraftAllowed) {
        Result<Balance> check = checkAvailable(amount, overdraftAllowed);
        return check.isOk() ? Result.ok(withPosted(postedMoney().minus(amount))) : check;
    }

    /** Adds a positive {@code amount} to the posted balance. */
    public Balance credit(Money amount) {
        requirePositive(amount);
        return withPosted(postedMoney().plus(amount));
    }

    /**
     * Reserves {@code amount} for a pending hold: it stays posted but is no longer available.
     *
     * @return the new balance, or {@link ErrorCode#INSUFFICIENT_BALANCE} when available is short
     */
    public Result<Balance> reserve(Money amount, boolean overdraftAllowed) {
        Result<Balance> check = checkAvailable(amount, overdraftAllowed);
        return check.isOk()
                ? Result.ok(new Balance(currency, posted, pendingMoney().plus(amount).minor(), pendingCredits))
                : check;
    }

    /** Records that a pending hold will credit {@code amount} to this account. */
    public Balance expectCredit(Money amount) {
        requirePositive(amount);
        return new Balance(currency, posted, pendingDebits, Money.ofMinor(currency, pendingCredits).plus(amount).minor());
    }

    /**
     * Resolves a hold this account was debited by: the {@code reserved} amount stops being pending and
     * the {@code captured} part of it (zero for a void or expiry) leaves the posted balance.
     *
     * @throws IllegalArgumentException if captured exceeds reserved or reserved exceeds what is pending
     */
    public Balance settleReserve(Money reserved, Money captured) {
        requireResolvable(reserved, captured, pendingDebits);
        return new Balance(currency, postedMoney().minus(captured).minor(),
                pendingDebits - reserved.minor(), pendingCredits);
    }

    /**
     * Resolves a hold this account was to be credited by: the {@code expected} amount stops being
     * pending and the {@code captured} part of it is posted.
     *
     * @throws IllegalArgumentException if captured exceeds expected or expected exceeds what is pending
     */
    public Balance settleExpectedCredit(Money expected, Money captured) {
        requireResolvable(expected, captured, pendingCredits);
        return new Balance(currency, postedMoney().plus(captured).minor(),
                pendingDebits, pendingCredits - expected.minor());
    }

    private Result<Balance> checkAvailable(Money amount, boolean overdraftAllowed) {
        requirePositive(amount);
        if (!overdraftAllowed && available().isLessThan(amount)) {
            return Result.rejected(ErrorCode.INSUFFICIENT_BALANCE,
                    "Available balance " + available().toDecimalString() + " " + currency.getCurrencyCode()
                            + " is less than " + amount.toDecimalString(),
                    Map.of("available", available().toDecimalString(), "requested", amount.toDecimalString(),
                            "currency", currency.getCurrencyCode()));
        }
        return Result.ok(this);
    }

    private void requirePositive(Money amount) {
        Objects.requireNonNull(amount, "amount").requireCurrency(currency).requirePositive();
    }

    private void requireResolvable(Money pendingPart, Money captured, long pendingNow) {
        pendingPart.requireCurrency(currency);
        captured.requireCurrency(currency);
        if (pendingPart.minor() <= 0 || captured.minor() < 0 || captured.minor() > pendingPart.minor()
                || pendingPart.minor() > pendingNow) {
            throw new IllegalArgumentException("cannot resolve " + captured + " of a pending " + pendingPart
                    + " with " + pendingNow + " pending");
        }
    }

    private Balance withPosted(Money newPosted) {
        return new Balance(currency, newPosted.minor(), pendingDebits, pendingCredits);
    }
}
