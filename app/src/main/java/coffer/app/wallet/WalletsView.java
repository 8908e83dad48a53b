package coffer.app.wallet;

import coffer.app.shell.ScreenView;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The wallets overview; it only binds to and forwards to {@link WalletsViewModel}. */
public final class WalletsView extends ScreenView<WalletsViewModel> {
    @FXML private TableView<WalletRow> table;
    @FXML private TableColumn<WalletRow, String> currency;
    @FXML private TableColumn<WalletRow, String> available;
    @FXML private TableColumn<WalletRow, String> pending;
    @FXML private TableColumn<WalletRow, String> posted;
    @FXML private TableColumn<WalletRow, String> status;
    @FXML private TableColumn<WalletRow, String> leftToday;
    @FXML private Label kyc;
    @FXML private TextField newCurrency;
    @FXML private Button open;
    @FXML private Button lock;
    @FXML private Button unlock;

    public WalletsView(WalletsViewModel viewModel) {
        super(viewModel, "Wallets.fxml");
    }

    private static void column(TableColumn<WalletRow, String> column, Function<WalletRow, String> value) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    }

    @FXML
    private void initialize() {
        column(currency, WalletRow::currency);
        column(available, WalletRow::available);
        column(pending, WalletRow::pending);
        column(posted, WalletRow::posted);
        column(status, WalletRow::statusName);
        column(leftToday, WalletRow::leftToday);
        table.setItems(viewModel.wallets());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((o, was, now) -> {
            if (now != null && now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        kyc.textProperty().bind(viewModel.kycSummaryProperty());
        newCurrency.textProperty().bindBidirectional(viewModel.newCurrencyProperty());
        lock.disableProperty().bind(viewModel.canLockProperty().not());
        unlock.disableProperty().bind(viewModel.canUnlockProperty().not());
        open.disableProperty().bind(viewModel.busyProperty());
        viewModel.load();
    }

    @FXML
    private void open() {
        viewModel.openWallet();
    }

    @FXML
    private void lock() {
        viewModel.lockSelected();
    }

    @FXML
    private void unlock() {
        viewModel.unlockSelected();
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }
}
