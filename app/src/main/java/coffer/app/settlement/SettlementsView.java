package coffer.app.settlement;

import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import coffer.app.withdraw.BankAccountRow;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
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
    @FXML private TableColumn<SettlementRow, String> date;
    @FXML private TableColumn<SettlementRow, String> settledAmount;
    @FXML private TableColumn<SettlementRow, String> settledStatus;
    @FXML private TableColumn<SettlementRow, String> origin;
    @FXML private ComboBox<ScheduleFrequency> frequency;
    @FXML private TextField minimum;
    @FXML private Button createSchedule;
    @FXML private Button deleteSchedule;
    @FXML private Label scheduleNotice;
    @FXML private Label scheduleError;
    @FXML private ProgressIndicator schedulesProgress;
    @FXML private TableView<ScheduleRow> schedules;
    @FXML private TableColumn<ScheduleRow, String> scheduleFrequencyColumn;
    @FXML private TableColumn<ScheduleRow, String> scheduleMinimumColumn;
    @FXML private TableColumn<ScheduleRow, String> scheduleAmountColumn;
    @FXML private TableColumn<ScheduleRow, String> scheduleNextColumn;

    public SettlementsView(SettlementsViewModel viewModel) {
        super(viewModel, "Settlements.fxml");
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    }

    @FXML
    private void initialize() {
        wallet.setItems(viewModel.wallets());
        wallet.valueProperty().bindBidirectional(viewModel.walletProperty());
        bankAccount.setItems(viewModel.bankAccounts().accounts());
        bankAccount.valueProperty().bindBidirectional(viewModel.bankAccounts().selectedProperty());
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        settle.disableProperty().bind(viewModel.busyProperty());
        status.textProperty().bind(viewModel.statusProperty());
        error.textProperty().bind(viewModel.errorProperty().concat(viewModel.bankAccounts().errorProperty()));
        progress.visibleProperty().bind(viewModel.busyProperty().or(viewModel.bankAccounts().busyProperty()));
        column(date, SettlementRow::date);
        column(settledAmount, SettlementRow::amount);
        column(settledStatus, SettlementRow::statusName);
        column(origin, SettlementRow::origin);
        settlements.setItems(viewModel.settlements());
        bindSchedules(viewModel.schedules());
        viewModel.load();
    }

    private void bindSchedules(SchedulesViewModel model) {
        frequency.getItems().setAll(model.frequencies());
        frequency.valueProperty().bindBidirectional(model.frequencyProperty());
        minimum.textProperty().bindBidirectional(model.minimumProperty());
        createSchedule.disableProperty().bind(model.busyProperty());
        deleteSchedule.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
        scheduleNotice.textProperty().bind(model.noticeProperty());
        scheduleError.textProperty().bind(model.errorProperty());
        schedulesProgress.visibleProperty().bind(model.busyProperty());
        column(scheduleFrequencyColumn, ScheduleRow::frequencyName);
        column(scheduleMinimumColumn, ScheduleRow::minimum);
        column(scheduleAmountColumn, ScheduleRow::amount);
        column(scheduleNextColumn, ScheduleRow::nextRun);
        schedules.setItems(model.schedules());
        schedules.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
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
