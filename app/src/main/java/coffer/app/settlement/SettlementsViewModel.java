package coffer.app.settlement;

import coffer.app.api.AccountsApi;
import coffer.app.api.SettlementsApi;
import coffer.app.checkout.ReturnAddress;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.concurrent.StatusPoll;
import coffer.app.format.AmountInput;
import coffer.app.format.Amounts;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
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
import javafx.beans.property.ObjectProperty;
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
public final class SettlementsViewModel extends ScreenViewModel {
    private static final String PENDING = "pending";

    private final SettlementsApi api;
    private final AccountsApi accounts;
    private final Duration pollInterval;
    private final WalletChoice choice = new WalletChoice();
    public final ObservableList<WalletRow> wallets = choice.wallets;
    public final ObjectProperty<WalletRow> wallet = choice.chosen;
    private final BankAccountsViewModel bankAccounts;
    private final SchedulesViewModel schedules;
    public final ObservableList<SettlementRow> settlements = FXCollections.observableArrayList();
    /** The amount to settle; empty settles the wallet's whole available balance. */
    public final StringProperty amount = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("");

    /** @param bankAccounts the user's saved bank accounts, which settlements pay out to */
    public SettlementsViewModel(SettlementsApi api, AccountsApi accounts, BankAccountsViewModel bankAccounts,
                                BackgroundExecutor executor, Duration pollInterval) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.bankAccounts = Objects.requireNonNull(bankAccounts, "bankAccounts");
        this.schedules = new SchedulesViewModel(api, executor, wallet, bankAccounts.selected);
        bankAccounts.accounts.addListener((ListChangeListener<BankAccountRow>) change -> chooseFirstAccount());
    }

    /** The saved bank accounts ({@link BankAccountsViewModel#accounts}), and the one chosen to pay out to. */
    public BankAccountsViewModel bankAccounts() {
        return bankAccounts;
    }

    public SchedulesViewModel schedules() {
        return schedules;
    }

    /** Loads the wallets, the saved bank accounts, the settlements and the schedules. */
    public void load() {
        bankAccounts.load();
        schedules.load();
        reload();
    }

    /** The server announced a change: a settlement may have finished. */
    public void refresh() {
        if (!state.isBusy()) {
            reload();
        }
    }

    /** Pays the amount typed (or the whole available balance) from the chosen wallet to the chosen account. */
    public void settle() {
        state.clearError();
        status.set("");
        WalletRow wallet = this.wallet.get();
        BankAccountRow account = bankAccounts.selected.get();
        String typed = amount.get() == null ? "" : amount.get().strip();
        Optional<String> problem = Optional.ofNullable(choiceProblem(wallet, account))
                .or(() -> typed.isEmpty() ? Optional.empty() : AmountInput.problem(typed, wallet.currency()));
        if (problem.isPresent()) {
            state.error(problem.get());
            return;
        }
        String decimal = typed.isEmpty() ? null : Money.parse(AmountInput.plain(typed), wallet.currency()).toDecimalString();
        SettlementRequest request = new SettlementRequest(wallet.id(), account.id(), decimal,
                decimal == null ? null : wallet.currency(), null);
        String key = UUID.randomUUID().toString();
        StatusPoll<SettlementView> poll = statusPoll();
        state.begin(() -> api.settle(key, request), made -> {
            amount.set("");
            poll.from(made, () -> api.settlement(made.settlementId()));
        });
    }

    /** What is missing to settle: the wallet or the bank account to pay out to, in words; null when both are chosen. */
    static String choiceProblem(WalletRow wallet, BankAccountRow account) {
        if (wallet == null) {
            return Texts.text("settlements.error.wallet");
        }
        return account == null ? Texts.text("settlements.error.bankAccount") : null;
    }

    /** A poll of the settlement's status until the server says it succeeded or failed; it stops the poll before it. */
    private StatusPoll<SettlementView> statusPoll() {
        return state.<SettlementView>poll(pollInterval)
                .times(ReturnAddress.attempts(pollInterval) - 1).ignoreFailures()
                .onAnswer(now -> status.set(Texts.text("settlements.pending", what(now))))
                .finalWhen(now -> !PENDING.equals(now.status()), now -> {
                    boolean succeeded = SettlementRow.SUCCEEDED.equals(now.status());
                    status.set(succeeded ? Texts.text("settlements.succeeded", what(now)) : "");
                    if (!succeeded) {
                        state.error(Texts.text("settlements.failed", Problems.reason(now.failureReason())));
                    }
                    reload();
                })
                .onGiveUp(now -> {
                    status.set(Texts.text("settlements.stillPending", what(now)));
                    reload();
                });
    }

    private static String what(SettlementView s) {
        return Amounts.format(s.amount(), s.currency());
    }

    private void reload() {
        state.run(() -> new Loaded(accounts.accounts(), api.settlements(null).settlements()), loaded -> {
            choice.show(loaded.accounts());
            settlements.setAll(loaded.settlements().stream().map(SettlementRow::of).toList());
        });
    }

    private record Loaded(List<AccountView> accounts, List<SettlementView> settlements) {
    }

    private void chooseFirstAccount() {
        ObjectProperty<BankAccountRow> chosen = bankAccounts.selected;
        List<BankAccountRow> rows = bankAccounts.accounts;
        if (chosen.get() == null || rows.stream().noneMatch(r -> r.id().equals(chosen.get().id()))) {
            chosen.set(rows.isEmpty() ? null : rows.get(0));
        }
    }
}
