package coffer.app.send;

import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Moving money between one's own wallets; it only binds and forwards. */
public final class TransferView extends ScreenView<TransferViewModel> {
    @FXML private ComboBox<WalletRow> from;
    @FXML private ComboBox<WalletRow> to;
    @FXML private TextField amount;
    @FXML private Button transfer;
    @FXML private Label result;

    public TransferView(TransferViewModel viewModel) {
        super(viewModel, "Transfer.fxml");
    }

    @FXML
    private void initialize() {
        choice(from, viewModel.wallets, viewModel.from);
        choice(to, viewModel.wallets, viewModel.to);
        amount.textProperty().bindBidirectional(viewModel.amount);
        transfer.disableProperty().bind(viewModel.busy);
        result.textProperty().bind(viewModel.result);
        viewModel.load();
    }

    @FXML
    private void transfer() {
        viewModel.transfer();
    }
}
