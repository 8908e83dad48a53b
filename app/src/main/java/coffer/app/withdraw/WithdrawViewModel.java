package coffer.app.withdraw;

import coffer.app.api.ApiClient;
import coffer.app.checkout.ReturnAddress;
import coffer.core.api.WithdrawalTypes.WithdrawalRequest;
import coffer.core.api.WithdrawalTypes.WithdrawalView;
import coffer.app.concurrent.BackgroundExecutor;
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
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Withdraw from a wallet to a saved bank account, or through the provider's payout page (shown while
 * {@link #payoutUrlProperty()} is not empty). The status shows until the server says the withdrawal
 * succeeded or failed; the page's own words are never trusted.
 */
public final class WithdrawViewModel {
    private static final String PENDING = "pending";

    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final Duration pollInterval;
    private final BankAccountsViewModel bankAccounts;
    private final WalletChoice wallets = new WalletChoice();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty payoutUrl = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private WithdrawalView tracked;
    /** Bumped whenever what is being watched changes, so an older poll's answer is dropped. */
    private int watch;

    public WithdrawViewModel(ApiClient api, BackgroundExecutor executor, Duration pollInterval) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
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

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void load() {
        bankAccounts.load();
        busy.set(true);
        executor.submit(api::accounts, accounts -> {
            busy.set(false);
            wallets.show(accounts);
        }, this::fail);
    }

    /** Withdraws to the bank account chosen in {@link BankAccountsViewModel#selectedProperty()}. */
    public void withdrawToAccount() {
        BankAccountRow account = bankAccounts.selectedProperty().get();
        if (account == null) {
            error.set("Choose the bank account to withdraw to, or use the provider's payout page.");
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
        error.set("");
        status.set("");
        balance.set("");
        WalletRow source = wallets.chosenProperty().get();
        if (source == null) {
            error.set("Choose the wallet to withdraw from.");
            return;
        }
        Optional<String> problem = AmountInput.problem(amount.get(), source.currency());
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        Money money = Money.parse(amount.get(), source.currency());
        WithdrawalRequest request = new WithdrawalRequest(source.id(), money.toDecimalString(), source.currency(),
                bankAccountId, null, null);
        String key = UUID.randomUUID().toString();
        busy.set(true);
        int current = ++watch;
        executor.submit(() -> api.withdraw(key, request), made -> {
            tracked = made;
            amount.set("");
            if (bankAccountId == null && made.url() != null && PENDING.equals(made.status())) {
                busy.set(false);
                status.set("Enter the bank account on the provider's payout page.");
                payoutUrl.set(made.url());
            } else {
                follow(made, current, attempts());
            }
        }, this::fail);
    }

    /** The payout page's browser moved to {@code location}: its return address closes it. */
    public void payoutNavigated(String location) {
        WithdrawalView open = tracked;
        if (open == null || payoutUrl.get().isEmpty() || !ReturnAddress.reached(location, "/withdrawals/" + open.withdrawalId() + "/done")) {
            return;
        }
        payoutUrl.set("");
        busy.set(true);
        follow(open, ++watch, attempts());
    }

    /** The user closed the payout page; the withdrawal's status is still followed. */
    public void closePayoutPage() {
        WithdrawalView open = tracked;
        if (open == null || payoutUrl.get().isEmpty()) {
            return;
        }
        payoutUrl.set("");
        busy.set(true);
        follow(open, ++watch, attempts());
    }

    /** The server announced a change: the withdrawal under way may have finished. */
    public void refresh() {
        WithdrawalView open = tracked;
        if (open != null && payoutUrl.get().isEmpty() && PENDING.equals(open.status())) {
            follow(open, ++watch, attempts());
        }
    }

    private long attempts() {
        return ReturnAddress.attempts(pollInterval);
    }

    private void follow(WithdrawalView now, int current, long attemptsLeft) {
        if (current != watch) {
            return;
        }
        tracked = now;
        String what = Amounts.format(now.amount(), now.currency());
        if (!PENDING.equals(now.status())) {
            finished(now, what);
        } else if (attemptsLeft > 1) {
            status.set("Withdrawal of " + what + " pending…");
            executor.schedule(pollInterval, () -> executor.submit(() -> api.withdrawal(now.withdrawalId()),
                    next -> follow(next, current, attemptsLeft - 1), failure -> follow(now, current, attemptsLeft - 1)));
        } else {
            busy.set(false);
            status.set("Withdrawal of " + what + " still pending; it will show in the history when done.");
        }
    }

    private void finished(WithdrawalView now, String what) {
        if ("succeeded".equals(now.status())) {
            status.set("Withdrawal succeeded: " + what + " paid out.");
        } else {
            status.set("");
            error.set("The withdrawal failed (" + Problems.reason(now.failureReason())
                    + "); the money is back in your wallet.");
        }
        executor.submit(api::accounts, accounts -> {
            busy.set(false);
            wallets.show(accounts, now.walletId()).ifPresent(w -> balance.set("Available now: " + w.available()));
        }, this::fail);
    }

    private void fail(Throwable failure) {
        busy.set(false);
        error.set(Problems.describe(failure));
    }
}
