package coffer.app.api;

import coffer.core.api.BankTypes;
import coffer.core.api.WithdrawalTypes;
import java.util.List;

/**
 * Withdrawals to the user's bank accounts, and those accounts.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface WithdrawalsApi {
    /** The user's saved bank accounts, oldest first. */
    List<BankTypes.BankAccountView> bankAccounts();
    /** Who holds an account, as the provider knows it; nothing is saved. */
    BankTypes.ResolvedBankAccount resolveBankAccount(String bankCode, String accountNumber);
    BankTypes.BankAccountView addBankAccount(String bankCode, String accountNumber);
    void removeBankAccount(String bankAccountId);
    /** Withdraws to a saved account, or through the provider's payout page; the same key for a retry. */
    WithdrawalTypes.WithdrawalView withdraw(String idempotencyKey, WithdrawalTypes.WithdrawalRequest request);
    WithdrawalTypes.WithdrawalView withdrawal(String withdrawalId);
}
