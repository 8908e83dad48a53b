package coffer.app.settlement;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.wallet.WalletRow;
import coffer.app.withdraw.BankAccountRow;
import coffer.core.api.SettlementTypes.ScheduleRequest;
import coffer.core.api.SettlementTypes.ScheduleView;
import coffer.core.error.CofferException;
import coffer.core.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settlement schedules: each pays a wallet's balance out to a bank account daily, weekly or monthly
 * once it reaches a minimum. List, create (for the wallet and bank account chosen on the screen) and
 * delete.
 */
public final class SchedulesViewModel extends ScreenViewModel {
    /** How often a schedule may run, as the API names it. */
    static final List<String> FREQUENCIES = List.of("daily", "weekly", "monthly");

    private final ApiClient api;
    private final ReadOnlyObjectProperty<WalletRow> wallet;
    private final ReadOnlyObjectProperty<BankAccountRow> bankAccount;
    private final ObservableList<ScheduleRow> schedules = FXCollections.observableArrayList();
    private final ObjectProperty<ScheduleRow> selected = new SimpleObjectProperty<>();
    private final StringProperty frequency = new SimpleStringProperty(FREQUENCIES.get(0));
    private final StringProperty minimum = new SimpleStringProperty("");

    SchedulesViewModel(ApiClient api, BackgroundExecutor executor, ReadOnlyObjectProperty<WalletRow> wallet,
                       ReadOnlyObjectProperty<BankAccountRow> bankAccount) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.bankAccount = Objects.requireNonNull(bankAccount, "bankAccount");
    }

    /** The active schedules, oldest first. */
    public ObservableList<ScheduleRow> schedules() {
        return schedules;
    }

    public ObjectProperty<ScheduleRow> selectedProperty() {
        return selected;
    }

    /** One of {@link #frequencies()}. */
    public StringProperty frequencyProperty() {
        return frequency;
    }

    public List<String> frequencies() {
        return FREQUENCIES;
    }

    /** The balance a run needs before it pays out; zero pays out whatever there is. */
    public StringProperty minimumProperty() {
        return minimum;
    }

    public void load() {
        run(api::schedules, null);
    }

    /** Creates a schedule for the chosen wallet and bank account. */
    public void create() {
        state.clear();
        WalletRow w = wallet.get();
        BankAccountRow account = bankAccount.get();
        if (w == null) {
            state.error("Choose the wallet to settle.");
            return;
        }
        if (account == null) {
            state.error("Choose the bank account to pay out to; add one on the Withdraw screen.");
            return;
        }
        if (frequency.get() == null || !FREQUENCIES.contains(frequency.get())) {
            state.error("Choose how often to settle: daily, weekly or monthly.");
            return;
        }
        Money min;
        try {
            min = Money.parse(minimum.get() == null || minimum.get().isBlank() ? "0" : minimum.get().strip(),
                    w.currency());
        } catch (CofferException e) {
            state.error("Enter the minimum balance as an amount such as 50.00 — " + e.getMessage() + ".");
            return;
        }
        if (min.isNegative()) {
            state.error("The minimum balance must not be negative.");
            return;
        }
        String how = frequency.get();
        ScheduleRequest request = new ScheduleRequest(w.id(), account.id(), how, min.toDecimalString(), null,
                w.currency());
        run(() -> {
            api.createSchedule(request);
            return api.schedules();
        }, "Settles the " + w.currency() + " wallet " + how + " to the account ending " + account.last4() + ".");
        minimum.set("");
    }

    /** Deletes the chosen schedule: it runs no more. */
    public void deleteSelected() {
        ScheduleRow s = selected.get();
        if (s == null) {
            state.error("Choose the schedule to delete.");
            return;
        }
        state.clear();
        run(() -> {
            api.deleteSchedule(s.id());
            return api.schedules();
        }, "Deleted the " + s.frequency() + " schedule.");
    }

    private void run(Callable<List<ScheduleView>> work, String done) {
        state.run(work, list -> {
            schedules.setAll(list.stream().filter(ScheduleView::isActive).map(ScheduleRow::of).toList());
            selected.set(null);
            if (done != null) {
                state.notice(done);
            }
        });
    }
}
