package coffer.app.withdraw;

import coffer.app.checkout.ProviderPane;
import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;

/**
 * Withdraw to a saved bank account or through the provider's payout page, which Escape closes as its button does;
 * it only binds and forwards.
 */
public final class WithdrawView extends ScreenView<WithdrawViewModel> {
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private TextField amount;
    @FXML private ListView<BankAccountRow> bankAccounts;
    @FXML private Button withdraw;
    @FXML private Button withdrawViaPage;
    @FXML private Button removeAccount;
    @FXML private TextField bankCode;
    @FXML private TextField accountNumber;
    @FXML private Label resolvedName;
    @FXML private Button saveAccount;
    @FXML private Label accountsNotice;
    @FXML private Label accountsError;
    @FXML private Label status;
    @FXML private Label balance;
    @FXML private ProgressIndicator progress;
    @FXML private VBox payout;
    @FXML private WebView browser;

    public WithdrawView(WithdrawViewModel viewModel) {
        super(viewModel, "Withdraw.fxml");
    }

    @FXML
    private void initialize() {
        BankAccountsViewModel accounts = viewModel.bankAccounts();
        ProviderPane.bind(viewModel, wallet, amount, status, balance, payout, browser);
        // set here, not in the FXML: the loader builds a WebView through a builder that has no accessibleText
        browser.setAccessibleText(Texts.text("withdraw.payout.accessible"));
        bankAccounts.setItems(accounts.accounts);
        bankAccounts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> accounts.selected.set(now));
        var working = viewModel.busy.or(viewModel.pageUrl.isNotEmpty());
        withdraw.disableProperty().bind(working.or(accounts.selected.isNull()));
        withdrawViaPage.disableProperty().bind(working);
        removeAccount.disableProperty().bind(accounts.busy.or(accounts.selected.isNull()));
        bankCode.textProperty().bindBidirectional(accounts.bankCode);
        accountNumber.textProperty().bindBidirectional(accounts.accountNumber);
        resolvedName.textProperty().bind(accounts.resolvedName);
        saveAccount.disableProperty().bind(accounts.canSave.not().or(accounts.busy));
        accountsNotice.textProperty().bind(accounts.notice);
        accountsError.textProperty().bind(accounts.error);
        progress.visibleProperty().bind(viewModel.busy.or(accounts.busy));
        viewModel.load();
    }

    @FXML
    private void withdraw() {
        viewModel.withdrawToAccount();
    }

    @FXML
    private void withdrawViaPage() {
        viewModel.withdrawViaPage();
    }

    @FXML
    private void closePayout() {
        viewModel.closePage();
    }

    @FXML
    private void resolve() {
        viewModel.bankAccounts().resolve();
    }

    @FXML
    private void saveAccount() {
        viewModel.bankAccounts().save();
    }

    @FXML
    private void removeAccount() {
        viewModel.bankAccounts().removeSelected();
    }
}
