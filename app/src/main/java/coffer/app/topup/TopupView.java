package coffer.app.topup;

import coffer.app.checkout.ProviderPage;
import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;

/** Top up by card; the provider's checkout shows in an embedded browser. It only binds and forwards. */
public final class TopupView {
    private final TopupViewModel viewModel;
    private final Parent root;
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private TextField amount;
    @FXML private Button topup;
    @FXML private Label status;
    @FXML private Label balance;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private VBox checkout;
    @FXML private WebView browser;

    public TopupView(TopupViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Topup.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        wallet.setItems(viewModel.wallets());
        wallet.valueProperty().bindBidirectional(viewModel.walletProperty());
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        topup.disableProperty().bind(viewModel.busyProperty().or(viewModel.checkoutUrlProperty().isNotEmpty()));
        progress.visibleProperty().bind(viewModel.busyProperty());
        status.textProperty().bind(viewModel.statusProperty());
        balance.textProperty().bind(viewModel.balanceProperty());
        error.textProperty().bind(viewModel.errorProperty());
        checkout.visibleProperty().bind(viewModel.checkoutUrlProperty().isNotEmpty());
        checkout.managedProperty().bind(checkout.visibleProperty());
        ProviderPage.attach(browser, viewModel.checkoutUrlProperty(), viewModel::checkoutNavigated,
                viewModel::checkoutLoaded);
        viewModel.load();
    }

    @FXML
    private void topup() {
        viewModel.start();
    }

    @FXML
    private void closeCheckout() {
        viewModel.closeCheckout();
    }
}
