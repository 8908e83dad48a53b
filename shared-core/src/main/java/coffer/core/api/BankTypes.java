package coffer.core.api;

import java.util.List;

/**
 * Bodies of {@code /api/v1/bank-accounts}. An answer never carries a full account number, only its last
 * four digits.
 */
public final class BankTypes {
    private BankTypes() {
    }

    /** {@code POST /api/v1/bank-accounts}: 3-digit bank code, 10-digit number (resolved before it is saved). */
    public record BankAccountRequest(String bankCode, String accountNumber) {
    }

    /**
     * A saved bank account.
     *
     * @param accountName the holder's name as the provider resolved it
     * @param createdAt   ISO-8601 instant
     */
    public record BankAccountView(String bankAccountId, String bankCode, String accountName,
                                  String accountNumberLast4, String createdAt) {
    }

    /** {@code GET /api/v1/bank-accounts}, oldest first; a missing list reads as empty. */
    public record BankAccountList(List<BankAccountView> bankAccounts) {
        public BankAccountList {
            bankAccounts = bankAccounts == null ? List.of() : List.copyOf(bankAccounts);
        }
    }

    /** {@code GET /api/v1/bank-accounts/resolve}: who holds the account, as the provider knows it. */
    public record ResolvedBankAccount(String bankCode, String accountNumberLast4, String accountName) {
    }
}
