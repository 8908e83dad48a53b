package coffer.app.order;

import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Pane;

/** The catalogue, the wallet to pay from, the confirmation and the result; it only binds and forwards. */
public final class OrderView extends ScreenView<OrderViewModel> {
    @FXML private ListView<ProductRow> products;
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private Button buy;
    @FXML private Pane confirmBox;
    @FXML private Label confirmation;
    @FXML private Button confirm;
    @FXML private Button change;
    @FXML private Label result;
    @FXML private Label balance;
    @FXML private ListView<String> orders;

    public OrderView(OrderViewModel viewModel) {
        super(viewModel, "Order.fxml");
    }

    @FXML
    private void initialize() {
        products.setItems(viewModel.products());
        products.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.productProperty().set(now));
        wallet.setItems(viewModel.wallets());
        wallet.valueProperty().bindBidirectional(viewModel.walletProperty());
        buy.disableProperty().bind(viewModel.busyProperty().or(viewModel.awaitingConfirmationProperty()));
        buy.defaultButtonProperty().bind(viewModel.awaitingConfirmationProperty().not());
        confirmBox.visibleProperty().bind(viewModel.awaitingConfirmationProperty());
        confirmBox.managedProperty().bind(viewModel.awaitingConfirmationProperty());
        confirmation.textProperty().bind(viewModel.confirmationProperty());
        confirm.disableProperty().bind(viewModel.busyProperty());
        change.cancelButtonProperty().bind(viewModel.awaitingConfirmationProperty());
        // the question in focus: Space confirms, Escape (the Change button's key) takes it back
        viewModel.awaitingConfirmationProperty().addListener((o, was, asking) -> {
            if (asking) {
                confirm.requestFocus();
            }
        });
        result.textProperty().bind(viewModel.resultProperty());
        balance.textProperty().bind(viewModel.balanceProperty());
        orders.setItems(viewModel.orders());
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
