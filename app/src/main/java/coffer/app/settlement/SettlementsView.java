package coffer.app.settlement;

import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import coffer.app.withdraw.BankAccountRow;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Settlements and their schedules; it only binds to and forwards to {@link SettlementsViewModel}. */
public final class SettlementsView {
    private final SettlementsViewModel viewModel;
    private final SchedulesViewModel schedulesModel;
    private final Parent root;
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
    @FXML private ComboBox<String> frequency;
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
        this.viewModel = viewModel;
        this.schedulesModel = viewModel.schedules();
        this.root = Fxml.load(this, "Settlements.fxml");
    }

    public Parent root() {
        return root;
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
        column(settledStatus, SettlementRow::status);
        column(origin, SettlementRow::origin);
        settlements.setItems(viewModel.settlements());

        frequency.getItems().setAll(schedulesModel.frequencies());
        frequency.valueProperty().bindBidirectional(schedulesModel.frequencyProperty());
        minimum.textProperty().bindBidirectional(schedulesModel.minimumProperty());
        createSchedule.disableProperty().bind(schedulesModel.busyProperty());
        deleteSchedule.disableProperty().bind(schedulesModel.busyProperty()
                .or(schedulesModel.selectedProperty().isNull()));
        scheduleNotice.textProperty().bind(schedulesModel.noticeProperty());
        scheduleError.textProperty().bind(schedulesModel.errorProperty());
        schedulesProgress.visibleProperty().bind(schedulesModel.busyProperty());
        column(scheduleFrequencyColumn, ScheduleRow::frequency);
        column(scheduleMinimumColumn, ScheduleRow::minimum);
        column(scheduleAmountColumn, ScheduleRow::amount);
        column(scheduleNextColumn, ScheduleRow::nextRun);
        schedules.setItems(schedulesModel.schedules());
        schedules.getSelectionModel().selectedItemProperty()
                .addListener((o, was, now) -> schedulesModel.selectedProperty().set(now));
        viewModel.load();
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
        schedulesModel.create();
    }

    @FXML
    private void deleteSchedule() {
        schedulesModel.deleteSelected();
    }
}
