package coffer.app.settlement;

import coffer.app.api.ApiClient;
import coffer.app.checkout.ReturnAddress;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.wallet.WalletChoice;
import coffer.app.wallet.WalletRow;
import coffer.app.withdraw.BankAccountRow;
import coffer.app.withdraw.BankAccountsViewModel;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SettlementTypes.SettlementRequest;
import coffer.core.api.SettlementTypes.SettlementView;
import coffer.core.money.Money;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Settlements: a wallet's whole available balance, or an amount of it, paid out to a saved bank
 * account now; the list of past settlements; and (through {@link #schedules()}) the schedules that
 * settle on their own. The status of a settlement just made shows until the server says it succeeded
 * or failed.
 */
public final class SettlementsViewModel {
    private static final String PENDING = "pending";

    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final Duration pollInterval;
    private final WalletChoice wallets = new WalletChoice();
    private final BankAccountsViewModel bankAccounts;
    private final SchedulesViewModel schedules;
    private final ObservableList<SettlementRow> settlements = FXCollections.observableArrayList();
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Bumped whenever a newer settlement is followed, so an older poll's answer is dropped. */
    private int watch;

    public SettlementsViewModel(ApiClient api, BackgroundExecutor executor, Duration pollInterval) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.bankAccounts = new BankAccountsViewModel(api, executor);
        this.schedules = new SchedulesViewModel(api, executor, wallets.chosenProperty(), bankAccounts.selectedProperty());
        bankAccounts.accounts().addListener((ListChangeListener<BankAccountRow>) change -> chooseFirstAccount());
    }

    public ObservableList<WalletRow> wallets() {
        return wallets.wallets();
    }

    public ObjectProperty<WalletRow> walletProperty() {
        return wallets.chosenProperty();
    }

    /** The saved bank accounts ({@link BankAccountsViewModel#accounts()}), and the one chosen to pay out to. */
    public BankAccountsViewModel bankAccounts() {
        return bankAccounts;
    }

    public SchedulesViewModel schedules() {
        return schedules;
    }

    public ObservableList<SettlementRow> settlements() {
        return settlements;
    }

    /** The amount to settle; empty settles the wallet's whole available balance. */
    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Loads the wallets, the saved bank accounts, the settlements and the schedules. */
    public void load() {
        bankAccounts.load();
        schedules.load();
        reload();
    }

    /** The server announced a change: a settlement may have finished. */
    public void refresh() {
        if (!busy.get()) {
            reload();
        }
    }

    /** Pays the amount typed (or the whole available balance) from the chosen wallet to the chosen account. */
    public void settle() {
        error.set("");
        status.set("");
        WalletRow wallet = wallets.chosenProperty().get();
        BankAccountRow account = bankAccounts.selectedProperty().get();
        if (wallet == null) {
            error.set("Choose the wallet to settle.");
            return;
        }
        if (account == null) {
            error.set("Choose the bank account to pay out to; add one on the Withdraw screen.");
            return;
        }
        String typed = amount.get() == null ? "" : amount.get().strip();
        Optional<String> problem = typed.isEmpty() ? Optional.empty() : AmountInput.problem(typed, wallet.currency());
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        String decimal = typed.isEmpty() ? null : Money.parse(typed, wallet.currency()).toDecimalString();
        SettlementRequest request = new SettlementRequest(wallet.id(), account.id(), decimal,
                decimal == null ? null : wallet.currency(), null);
        String key = UUID.randomUUID().toString();
        busy.set(true);
        int current = ++watch;
        executor.submit(() -> api.settle(key, request), made -> {
            amount.set("");
            follow(made, current, ReturnAddress.attempts(pollInterval));
        }, this::fail);
    }

    private void follow(SettlementView now, int current, long attemptsLeft) {
        if (current != watch) {
            return;
        }
        String what = Amounts.format(now.amount(), now.currency());
        if (!PENDING.equals(now.status())) {
            status.set("succeeded".equals(now.status()) ? "Settlement succeeded: " + what + " paid out." : "");
            if (!"succeeded".equals(now.status())) {
                error.set("The settlement failed (" + Problems.reason(now.failureReason())
                        + "); the money is back in your wallet.");
            }
            reload();
        } else if (attemptsLeft > 1) {
            status.set("Settlement of " + what + " pending…");
            executor.schedule(pollInterval, () -> executor.submit(() -> api.settlement(now.settlementId()),
                    next -> follow(next, current, attemptsLeft - 1), failure -> follow(now, current, attemptsLeft - 1)));
        } else {
            status.set("Settlement of " + what + " still pending; it will show below when done.");
            reload();
        }
    }

    private void reload() {
        busy.set(true);
        executor.submit(() -> new Loaded(api.accounts(), api.settlements(null).settlements()), loaded -> {
            busy.set(false);
            wallets.show(loaded.accounts());
            settlements.setAll(loaded.settlements().stream().map(SettlementRow::of).toList());
        }, this::fail);
    }

    private record Loaded(List<AccountView> accounts, List<SettlementView> settlements) {
    }

    private void chooseFirstAccount() {
        ObjectProperty<BankAccountRow> chosen = bankAccounts.selectedProperty();
        List<BankAccountRow> rows = bankAccounts.accounts();
        if (chosen.get() == null || rows.stream().noneMatch(r -> r.id().equals(chosen.get().id()))) {
            chosen.set(rows.isEmpty() ? null : rows.get(0));
        }
    }

    private void fail(Throwable failure) {
        busy.set(false);
        error.set(Problems.describe(failure));
    }
}
