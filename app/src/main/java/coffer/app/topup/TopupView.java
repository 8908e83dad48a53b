package coffer.app.topup;

import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
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
        WebEngine engine = browser.getEngine();
        engine.locationProperty().addListener((o, was, now) -> viewModel.checkoutNavigated(now));
        engine.getLoadWorker().stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                viewModel.checkoutLoaded(engine.getLocation());
            }
        });
        viewModel.checkoutUrlProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                engine.load(now);
            } else {
                // the checkout closes from inside WebKit's redirect callback; leaving the page there crashes
                // WebKit, so the blank page waits for the callback to return
                Platform.runLater(() -> engine.load("about:blank"));
            }
        });
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
