package coffer.app.order;

import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Pane;

/** The catalogue, the wallet to pay from, the confirmation and the result; it only binds and forwards. */
public final class OrderView {
    private final OrderViewModel viewModel;
    private final Parent root;
    @FXML private ListView<ProductRow> products;
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private Button buy;
    @FXML private Pane confirmBox;
    @FXML private Label confirmation;
    @FXML private Button confirm;
    @FXML private Label result;
    @FXML private Label balance;
    @FXML private Label error;
    @FXML private ListView<String> orders;
    @FXML private ProgressIndicator progress;

    public OrderView(OrderViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Order.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        products.setItems(viewModel.products());
        products.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.productProperty().set(now));
        wallet.setItems(viewModel.wallets());
        wallet.valueProperty().bindBidirectional(viewModel.walletProperty());
        buy.disableProperty().bind(viewModel.busyProperty().or(viewModel.awaitingConfirmationProperty()));
        confirmBox.visibleProperty().bind(viewModel.awaitingConfirmationProperty());
        confirmBox.managedProperty().bind(viewModel.awaitingConfirmationProperty());
        confirmation.textProperty().bind(viewModel.confirmationProperty());
        confirm.disableProperty().bind(viewModel.busyProperty());
        result.textProperty().bind(viewModel.resultProperty());
        balance.textProperty().bind(viewModel.balanceProperty());
        error.textProperty().bind(viewModel.errorProperty());
        orders.setItems(viewModel.orders());
        progress.visibleProperty().bind(viewModel.busyProperty());
        viewModel.load();
    }

    @FXML
    private void review() {
        viewModel.review();
    }

    @FXML
    private void confirm() {
        viewModel.confirm();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
