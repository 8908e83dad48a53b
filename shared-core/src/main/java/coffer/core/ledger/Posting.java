package coffer.core.ledger;

import coffer.core.money.Money;

import java.util.Objects;

/**
 * One leg of a journal entry: {@code amount} credited to {@code accountId} when positive, debited when
 * negative. Immutable.
 *
 * @param accountId the account, never blank
 * @param amount    a non-zero signed amount
 */
public record Posting(String accountId, Money amount) {
    public Posting {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("a posting needs an account");
        }
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a posting cannot be zero");
        }
    }

    /** A debit of a positive {@code amount}. */
    public static Posting debit(String accountId, Money amount) {
        return new Posting(accountId, amount.requirePositive().negated());
    }

    /** A credit of a positive {@code amount}. */
    public static Posting credit(String accountId, Money amount) {
        return new Posting(accountId, amount.requirePositive());
    }

    public boolean isDebit() {
        return amount.isNegative();
    }
}
