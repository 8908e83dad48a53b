package coffer.server.bank;

import java.time.Instant;

/**
 * A user's saved bank account, as the provider resolved it. The full {@code accountNumber} is only
 * for the payout request to the provider: answers show {@link #last4()}, and {@link #toString()} never
 * prints the number, so it cannot reach a log by accident.
 *
 * @param holderName the account holder's name as the provider gave it
 */
public record BankAccount(String id, String envId, String userId, String bankCode, String accountNumber,
                          String holderName, Instant createdAt) {

    /** The last four characters of the account number: all an answer ever shows. */
    public String last4() {
        return last4(accountNumber);
    }

    static String last4(String accountNumber) {
        return accountNumber.substring(Math.max(0, accountNumber.length() - 4));
    }

    @Override
    public String toString() {
        return "BankAccount[id=" + id + ", bankCode=" + bankCode + ", last4=" + last4() + "]";
    }
}
