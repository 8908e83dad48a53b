package coffer.app.topup;

import coffer.app.checkout.ProviderPane;
import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;

/**
 * Top up by card; the provider's checkout shows in an embedded browser, which Escape closes as its button does. It
 * only binds and forwards.
 */
public final class TopupView extends ScreenView<TopupViewModel> {
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
    @FXML private VBox checkout;
    @FXML private WebView browser;

    public TopupView(TopupViewModel viewModel) {
        super(viewModel, "Topup.fxml");
    }

    @FXML
    private void initialize() {
        ProviderPane.bind(viewModel, wallet, amount, status, balance, checkout, browser);
        // set here, not in the FXML: the loader builds a WebView through a builder that has no accessibleText
        browser.setAccessibleText(Texts.text("topup.checkout.accessible"));
        topup.disableProperty().bind(viewModel.busy.or(viewModel.pageUrl.isNotEmpty()));
        saveCard.selectedProperty().bindBidirectional(viewModel.saveCard);
        SavedCardsViewModel saved = viewModel.cards();
        cards.setItems(saved.cards);
        cards.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> saved.selected.set(now));
        chargeCard.disableProperty().bind(topup.disableProperty().or(saved.selected.isNull()));
        removeCard.disableProperty().bind(saved.busy.or(saved.selected.isNull()));
        cardsNotice.textProperty().bind(saved.notice);
        cardsError.textProperty().bind(saved.error);
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
        viewModel.closePage();
    }
}
