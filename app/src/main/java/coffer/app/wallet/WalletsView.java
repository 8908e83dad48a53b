package coffer.app.wallet;

import coffer.app.shell.Fxml;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The wallets overview; it only binds to and forwards to {@link WalletsViewModel}. */
public final class WalletsView {
    private final WalletsViewModel viewModel;
    private final Parent root;
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
    @FXML private Label error;
    @FXML private Label notice;
    @FXML private ProgressIndicator progress;

    public WalletsView(WalletsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Wallets.fxml");
    }

    public Parent root() {
        return root;
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
        column(status, WalletRow::status);
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
        progress.visibleProperty().bind(viewModel.busyProperty());
        error.textProperty().bind(viewModel.errorProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
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
