package coffer.core.kyc;

import coffer.core.money.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * Money a holder has already sent from one of its wallets, as the rolling daily limit counts it.
 * Failed and reversed movements are left out by the caller, because they leave balances as if they
 * never happened.
 * Immutable.
 *
 * @param amount what left the wallet; never null, not negative
 * @param at     when it left, as recorded by the ledger; never null
 */
public record OutgoingMovement(Money amount, Instant at) {

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public OutgoingMovement {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("An outgoing movement cannot be negative: " + amount);
        }
    }
}
