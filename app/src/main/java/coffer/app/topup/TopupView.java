package coffer.app.topup;

import coffer.app.checkout.ProviderPage;
import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
    @FXML private CheckBox saveCard;
    @FXML private Button chargeCard;
    @FXML private Button removeCard;
    @FXML private ListView<CardRow> cards;
    @FXML private Label cardsNotice;
    @FXML private Label cardsError;
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
        saveCard.selectedProperty().bindBidirectional(viewModel.saveCardProperty());
        SavedCardsViewModel saved = viewModel.cards();
        cards.setItems(saved.cards());
        cards.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> saved.selectedProperty().set(now));
        chargeCard.disableProperty().bind(topup.disableProperty().or(saved.selectedProperty().isNull()));
        removeCard.disableProperty().bind(saved.busyProperty().or(saved.selectedProperty().isNull()));
        cardsNotice.textProperty().bind(saved.noticeProperty());
        cardsError.textProperty().bind(saved.errorProperty());
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
    private void chargeCard() {
        viewModel.chargeSavedCard();
    }

    @FXML
    private void removeCard() {
        viewModel.cards().removeSelected();
    }

    @FXML
    private void closeCheckout() {
        viewModel.closeCheckout();
    }
}
