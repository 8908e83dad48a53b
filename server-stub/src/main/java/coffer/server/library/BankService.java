package coffer.server.library;

import coffer.core.api.WithdrawalTypes;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.withdrawal.PayoutKind;
import coffer.server.withdrawal.PayoutStatus;
import coffer.server.withdrawal.Payouts;

import java.math.BigDecimal;
import java.util.List;

/**
 * Seed 002's bank operations: resolve an account's holder name, save accounts, and withdraw to one.
 * A withdrawal holds the money first; it leaves the wallet when the provider pays out and comes back
 * if the payout fails.
 */
public final class BankService {
    private final Library lib;

    BankService(Library lib) {
        this.lib = lib;
    }

    /** A saved bank account: the holder name the provider resolved, and only the last 4 digits. */
    public record BankAccount(String id, String bankCode, String accountNumberLast4, String accountName) {
    }

    /**
     * A payout to a bank account (a withdrawal or a settlement).
     *
     * @param status       {@code pending} (under way at the provider), {@code succeeded} or {@code failed} (the money
     *                     back in the wallet); {@value #PENDING_APPROVAL} for a withdrawal from an organization's
     *                     wallet above its approval threshold that waits for an owner's or admin's decision, its
     *                     money held and the provider not yet asked (approved, it goes on as {@code pending};
     *                     rejected or undecided in time, it fails with reason {@code rejected} or {@code expired})
     * @param transferCode the provider's id for the payout, once it has one
     */
    public record Payout(String id, String status, Money amount, String transactionId, String transferCode,
                         String failureReason) {
        /** The status of a withdrawal waiting for an organization's approval. */
        public static final String PENDING_APPROVAL = WithdrawalTypes.PENDING_APPROVAL;

        /** Whether it waits for an owner's or admin's approval: nothing has been paid out or asked of the provider. */
        public boolean awaitingApproval() {
            return PENDING_APPROVAL.equals(status);
        }

        /** Whether it is over: {@code succeeded} or {@code failed}, its money paid out or back in the wallet. */
        public boolean finished() {
            return PayoutStatus.SUCCEEDED.wire().equals(status) || PayoutStatus.FAILED.wire().equals(status);
        }
    }

    /** The account holder's name the provider resolves for a bank code and account number. */
    public String verifyBankAccount(String accountNumber, String bankCode) {
        return Library.typed(() -> lib.services.bankAccounts().resolve(bankCode, accountNumber));
    }

    /** Resolves and saves an account for the wallet's user. */
    public BankAccount addBankAccount(Wallet wallet, String bankCode, String accountNumber) {
        return view(Library.typed(() -> lib.services.bankAccounts().add(lib.principal(wallet.userRef()), bankCode, accountNumber)));
    }

    public List<BankAccount> bankAccounts(Wallet wallet) {
        return lib.services.bankAccounts().list(lib.principal(wallet.userRef())).stream().map(BankService::view).toList();
    }

    /** Holds {@code amount} and pays it out to the account. */
    public Payout withdrawToBank(Wallet wallet, BigDecimal amount, BankAccount account, String reason) {
        Money money = Library.money(amount, Currencies.of(wallet.currency()));
        Principal p = lib.principal(wallet.userRef());
        coffer.server.bank.BankAccount to = owned(p, account);
        return view(Library.orThrow(lib.services.payouts().start(new Payouts.Order(PayoutKind.WITHDRAWAL, lib.env(), p.userId(),
                wallet.id(), money, to, null, reason == null ? "Withdrawal to bank account" : reason, null, null)).result()));
    }

    /** The payout as it stands now. */
    public Payout payout(String id) {
        return lib.services.payouts().payout(id).filter(p -> p.envId().equals(lib.env())).map(BankService::view)
                .orElseThrow(() -> WalletException.of(coffer.core.error.ErrorCode.NOT_FOUND, "No payout " + id));
    }

    /** The saved account, if it is the user's. */
    coffer.server.bank.BankAccount owned(Principal p, BankAccount account) {
        return Library.typed(() -> lib.services.bankAccounts().owned(p, account.id()));
    }

    static BankAccount view(coffer.server.bank.BankAccount a) {
        return new BankAccount(a.id(), a.bankCode(), a.last4(), a.holderName());
    }

    static Payout view(coffer.server.withdrawal.Payout p) {
        return new Payout(p.id(), p.statusWire(), p.amount(), p.transactionId(), p.providerPayoutId(), p.failureReason());
    }
}
