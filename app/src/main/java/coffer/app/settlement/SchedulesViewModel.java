package coffer.app.settlement;

import coffer.app.api.SettlementsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.AmountInput;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
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
    private final SettlementsApi api;
    private final ReadOnlyObjectProperty<WalletRow> wallet;
    private final ReadOnlyObjectProperty<BankAccountRow> bankAccount;
    /** The active schedules, oldest first. */
    public final ObservableList<ScheduleRow> schedules = FXCollections.observableArrayList();
    public final ObjectProperty<ScheduleRow> selected = new SimpleObjectProperty<>();
    /** One of {@link #frequencies()}. */
    public final ObjectProperty<ScheduleFrequency> frequency =
            new SimpleObjectProperty<>(ScheduleFrequency.ALL.get(0));
    /** The balance a run needs before it pays out; zero pays out whatever there is. */
    public final StringProperty minimum = new SimpleStringProperty("");

    SchedulesViewModel(SettlementsApi api, BackgroundExecutor executor, ReadOnlyObjectProperty<WalletRow> wallet,
                       ReadOnlyObjectProperty<BankAccountRow> bankAccount) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.bankAccount = Objects.requireNonNull(bankAccount, "bankAccount");
    }

    public List<ScheduleFrequency> frequencies() {
        return ScheduleFrequency.ALL;
    }

    public void load() {
        run(api::schedules, null);
    }

    /** Creates a schedule for the chosen wallet and bank account. */
    public void create() {
        state.clear();
        WalletRow w = wallet.get();
        BankAccountRow account = bankAccount.get();
        ScheduleFrequency how = frequency.get();
        String problem = SettlementsViewModel.choiceProblem(w, account);
        if (problem == null && (how == null || !how.known())) {
            problem = Texts.text("settlements.schedules.error.frequency");
        }
        if (problem != null) {
            state.error(problem);
            return;
        }
        Money min;
        try {
            min = Money.parse(minimum.get() == null || minimum.get().isBlank() ? "0" : AmountInput.plain(minimum.get().strip()),
                    w.currency());
        } catch (CofferException e) {
            state.error(Texts.text("settlements.schedules.error.minimum", Problems.describe(e)));
            return;
        }
        if (min.isNegative()) {
            state.error(Texts.text("settlements.schedules.error.negative"));
            return;
        }
        ScheduleRequest request = new ScheduleRequest(w.id(), account.id(), how.wire(), min.toDecimalString(), null,
                w.currency());
        run(() -> {
            api.createSchedule(request);
            return api.schedules();
        }, Texts.text("settlements.schedules.created." + how.wire(), w.currency(), account.last4()));
        minimum.set("");
    }

    /** Deletes the chosen schedule: it runs no more. */
    public void deleteSelected() {
        ScheduleRow s = selected.get();
        if (s == null) {
            state.error(Texts.text("settlements.schedules.error.choose"));
            return;
        }
        state.clear();
        run(() -> {
            api.deleteSchedule(s.id());
            return api.schedules();
        }, ScheduleFrequency.of(s.frequency()).known() ? Texts.text("settlements.schedules.deleted." + s.frequency())
                : Texts.text("settlements.schedules.deleted"));
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
