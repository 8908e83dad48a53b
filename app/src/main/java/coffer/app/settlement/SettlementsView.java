package coffer.app.settlement;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import coffer.app.withdraw.BankAccountRow;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Settlements and their schedules; it only binds to and forwards to {@link SettlementsViewModel}. */
public final class SettlementsView extends ScreenView<SettlementsViewModel> {
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private ComboBox<BankAccountRow> bankAccount;
    @FXML private TextField amount;
    @FXML private Button settle;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private TableView<SettlementRow> settlements;
    @FXML private ComboBox<ScheduleFrequency> frequency;
    @FXML private TextField minimum;
    @FXML private Button createSchedule;
    @FXML private Button deleteSchedule;
    @FXML private Label scheduleNotice;
    @FXML private Label scheduleError;
    @FXML private ProgressIndicator schedulesProgress;
    @FXML private TableView<ScheduleRow> schedules;

    public SettlementsView(SettlementsViewModel viewModel) {
        super(viewModel, "Settlements.fxml");
    }

    @FXML
    private void initialize() {
        choice(wallet, viewModel.wallets, viewModel.wallet);
        choice(bankAccount, viewModel.bankAccounts().accounts, viewModel.bankAccounts().selected);
        amount.textProperty().bindBidirectional(viewModel.amount);
        settle.disableProperty().bind(viewModel.busy);
        status.textProperty().bind(viewModel.status);
        error.textProperty().bind(viewModel.error.concat(viewModel.bankAccounts().error));
        progress.visibleProperty().bind(viewModel.busy.or(viewModel.bankAccounts().busy));
        settlements.getColumns().setAll(List.of(
                column(Texts.text("settlements.column.date"), SettlementRow::date),
                column(Texts.text("settlements.column.amount"), SettlementRow::amount),
                column(Texts.text("settlements.column.status"), SettlementRow::statusName),
                column(Texts.text("settlements.column.origin"), SettlementRow::origin)));
        settlements.setItems(viewModel.settlements);
        bindSchedules(viewModel.schedules());
        viewModel.load();
    }

    private void bindSchedules(SchedulesViewModel model) {
        frequency.getItems().setAll(model.frequencies());
        frequency.valueProperty().bindBidirectional(model.frequency);
        minimum.textProperty().bindBidirectional(model.minimum);
        createSchedule.disableProperty().bind(model.busy);
        deleteSchedule.disableProperty().bind(model.busy.or(model.selected.isNull()));
        scheduleNotice.textProperty().bind(model.notice);
        scheduleError.textProperty().bind(model.error);
        schedulesProgress.visibleProperty().bind(model.busy);
        schedules.getColumns().setAll(List.of(
                column(Texts.text("settlements.schedules.column.frequency"), ScheduleRow::frequencyName),
                column(Texts.text("settlements.schedules.column.minimum"), ScheduleRow::minimum),
                column(Texts.text("settlements.schedules.column.amount"), ScheduleRow::amount),
                column(Texts.text("settlements.schedules.column.next"), ScheduleRow::nextRun)));
        schedules.setItems(model.schedules);
        schedules.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected.set(now));
    }

    @FXML
    private void settle() {
        viewModel.settle();
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }

    @FXML
    private void createSchedule() {
        viewModel.schedules().create();
    }

    @FXML
    private void deleteSchedule() {
        viewModel.schedules().deleteSelected();
    }
}
