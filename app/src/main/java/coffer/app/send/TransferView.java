package coffer.app.send;

import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Moving money between one's own wallets; it only binds and forwards. */
public final class TransferView {
    private final TransferViewModel viewModel;
    private final Parent root;
    @FXML private ComboBox<WalletRow> from;
    @FXML private ComboBox<WalletRow> to;
    @FXML private TextField amount;
    @FXML private Button transfer;
    @FXML private Label result;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;

    public TransferView(TransferViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Transfer.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        from.setItems(viewModel.wallets());
        to.setItems(viewModel.wallets());
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        transfer.disableProperty().bind(viewModel.busyProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        result.textProperty().bind(viewModel.resultProperty());
        error.textProperty().bind(viewModel.errorProperty());
        viewModel.load();
    }

    @FXML
    private void transfer() {
        viewModel.transfer();
    }
}
