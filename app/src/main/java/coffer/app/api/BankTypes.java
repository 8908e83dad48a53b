package coffer.app.api;

import java.util.List;

/**
 * Bodies of {@code /api/v1/bank-accounts} and {@code /api/v1/withdrawals}, as the server's
 * {@code /openapi.json} describes them (shared-core does not carry these yet).
 */
public final class BankTypes {
    private BankTypes() {
    }

    /** {@code POST /api/v1/bank-accounts}: 3-digit bank code, 10-digit number. */
    public record BankAccountRequest(String bankCode, String accountNumber) {
    }

    /** A saved bank account: never its full number. */
    public record BankAccountView(String bankAccountId, String bankCode, String accountName,
                                  String accountNumberLast4, String createdAt) {
    }

    /** {@code GET /api/v1/bank-accounts}, oldest first. */
    public record BankAccountList(List<BankAccountView> bankAccounts) {
        public BankAccountList {
            bankAccounts = bankAccounts == null ? List.of() : List.copyOf(bankAccounts);
        }
    }

    /** {@code GET /api/v1/bank-accounts/resolve}: who holds the account, as the provider knows it. */
    public record ResolvedBankAccount(String bankCode, String accountNumberLast4, String accountName) {
    }

    /**
     * {@code POST /api/v1/withdrawals}.
     *
     * @param bankAccountId a saved account; null to pay out through the provider's payout page
     * @param returnUrl     where the payout page sends the user afterwards; null to stay on it
     */
    public record WithdrawalRequest(String walletId, String amount, String currency, String bankAccountId,
                                    String description, String returnUrl) {
    }

    /**
     * A withdrawal.
     *
     * @param status {@code pending}, {@code succeeded} or {@code failed} (the money back in the wallet)
     * @param url    the provider's payout page, for a withdrawal without a saved account
     */
    public record WithdrawalView(String withdrawalId, String status, String url, String walletId, String amount,
                                 String currency, String bankAccountId, String transactionId, String description,
                                 String failureReason, String createdAt, String completedAt) {
    }
}
