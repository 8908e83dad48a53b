package coffer.app.withdraw;

import coffer.app.api.ApiClient;
import coffer.app.checkout.ReturnAddress;
import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.api.WithdrawalTypes.WithdrawalView;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.concurrent.StatusPoll;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.core.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Withdraw from a wallet to a saved bank account, or through the provider's payout page (shown while
 * {@link #payoutUrlProperty()} is not empty). The status shows until the server says the withdrawal
 * succeeded or failed; the page's own words are never trusted.
 */
public final class WithdrawViewModel extends ScreenViewModel {
    private static final String PENDING = "pending";

    private final ApiClient api;
    private final Duration pollInterval;
    private final BankAccountsViewModel bankAccounts;
    private final WalletChoice wallets = new WalletChoice();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty payoutUrl = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private WithdrawalView tracked;

    public WithdrawViewModel(ApiClient api, BackgroundExecutor executor, Duration pollInterval) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.bankAccounts = new BankAccountsViewModel(api, executor);
    }

    public BankAccountsViewModel bankAccounts() {
        return bankAccounts;
    }

    public ObservableList<WalletRow> wallets() {
        return wallets.wallets();
    }

    public ObjectProperty<WalletRow> walletProperty() {
        return wallets.chosenProperty();
    }

    public StringProperty amountProperty() {
        return amount;
    }

    /** The provider's payout page to show; empty when none is open. */
    public ReadOnlyStringProperty payoutUrlProperty() {
        return payoutUrl;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty balanceProperty() {
        return balance;
    }

    public void load() {
        bankAccounts.load();
        state.run(api::accounts, wallets::show);
    }

    /** Withdraws to the bank account chosen in {@link BankAccountsViewModel#selectedProperty()}. */
    public void withdrawToAccount() {
        BankAccountRow account = bankAccounts.selectedProperty().get();
        if (account == null) {
            state.error("Choose the bank account to withdraw to, or use the provider's payout page.");
            return;
        }
        withdraw(account.id());
    }

    /**
     * Withdraws through the provider's payout page, where the user enters the bank account; the page then
     * sends the browser to the server's own {@code /withdrawals/{id}/done}, which the app watches for.
     */
    public void withdrawViaPage() {
        withdraw(null);
    }

    private void withdraw(String bankAccountId) {
        state.clearError();
        status.set("");
        balance.set("");
        WalletRow source = wallets.chosenProperty().get();
        if (source == null) {
            state.error("Choose the wallet to withdraw from.");
            return;
        }
        Optional<String> problem = AmountInput.problem(amount.get(), source.currency());
        if (problem.isPresent()) {
            state.error(problem.get());
            return;
        }
        Money money = Money.parse(amount.get(), source.currency());
        WithdrawalRequest request = new WithdrawalRequest(source.id(), money.toDecimalString(), source.currency(),
                bankAccountId, null, null);
        String key = UUID.randomUUID().toString();
        StatusPoll<WithdrawalView> poll = statusPoll();
        state.begin(() -> api.withdraw(key, request), made -> {
            tracked = made;
            amount.set("");
            if (bankAccountId == null && made.url() != null && PENDING.equals(made.status())) {
                state.done();
                status.set("Enter the bank account on the provider's payout page.");
                payoutUrl.set(made.url());
            } else {
                follow(poll, made);
            }
        });
    }

    /** The payout page's browser moved to {@code location}: its return address closes it. */
    public void payoutNavigated(String location) {
        WithdrawalView open = tracked;
        if (open == null || payoutUrl.get().isEmpty() || !ReturnAddress.reached(location, "/withdrawals/" + open.withdrawalId() + "/done")) {
            return;
        }
        payoutUrl.set("");
        state.working();
        follow(statusPoll(), open);
    }

    /** The user closed the payout page; the withdrawal's status is still followed. */
    public void closePayoutPage() {
        WithdrawalView open = tracked;
        if (open == null || payoutUrl.get().isEmpty()) {
            return;
        }
        payoutUrl.set("");
        state.working();
        follow(statusPoll(), open);
    }

    /** The server announced a change: the withdrawal under way may have finished. */
    public void refresh() {
        WithdrawalView open = tracked;
        if (open != null && payoutUrl.get().isEmpty() && PENDING.equals(open.status())) {
            follow(statusPoll(), open);
        }
    }

    /** A poll of the withdrawal's status until the server says it is final; it stops the poll before it. */
    private StatusPoll<WithdrawalView> statusPoll() {
        return state.<WithdrawalView>poll(pollInterval).times(ReturnAddress.attempts(pollInterval) - 1).ignoreFailures()
                .onAnswer(now -> {
                    tracked = now;
                    status.set("Withdrawal of " + what(now) + " pending…");
                })
                .finalWhen(now -> !PENDING.equals(now.status()), now -> finished(now, what(now)))
                .onGiveUp(now -> {
                    state.done();
                    status.set("Withdrawal of " + what(now) + " still pending; it will show in the history when done.");
                });
    }

    private void follow(StatusPoll<WithdrawalView> poll, WithdrawalView now) {
        poll.from(now, () -> api.withdrawal(now.withdrawalId()));
    }

    private static String what(WithdrawalView w) {
        return Amounts.format(w.amount(), w.currency());
    }

    private void finished(WithdrawalView now, String what) {
        if ("succeeded".equals(now.status())) {
            status.set("Withdrawal succeeded: " + what + " paid out.");
        } else {
            status.set("");
            state.error("The withdrawal failed (" + Problems.reason(now.failureReason())
                    + "); the money is back in your wallet.");
        }
        state.finish(api::accounts,
                accounts -> wallets.show(accounts, now.walletId()).ifPresent(w -> balance.set("Available now: " + w.available())));
    }
}
