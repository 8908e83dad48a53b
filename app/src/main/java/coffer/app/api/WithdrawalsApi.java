package coffer.app.api;

import coffer.core.api.BankTypes;
import coffer.core.api.WithdrawalTypes;
import java.util.List;

/**
 * Withdrawals to the user's bank accounts, and those accounts.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface WithdrawalsApi {
    List<BankTypes.BankAccountView> bankAccounts();
    BankTypes.ResolvedBankAccount resolveBankAccount(String bankCode, String accountNumber);
    BankTypes.BankAccountView addBankAccount(String bankCode, String accountNumber);
    void removeBankAccount(String bankAccountId);
    WithdrawalTypes.WithdrawalView withdraw(String idempotencyKey, WithdrawalTypes.WithdrawalRequest request);
    WithdrawalTypes.WithdrawalView withdrawal(String withdrawalId);
}
