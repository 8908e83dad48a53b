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
        products.setItems(viewModel.products);
        products.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.product.set(now));
        choice(wallet, viewModel.wallets, viewModel.wallet);
        buy.disableProperty().bind(viewModel.busy.or(viewModel.awaitingConfirmation));
        buy.defaultButtonProperty().bind(viewModel.awaitingConfirmation.not());
        confirmBox.visibleProperty().bind(viewModel.awaitingConfirmation);
        confirmBox.managedProperty().bind(viewModel.awaitingConfirmation);
        confirmation.textProperty().bind(viewModel.confirmation);
        confirm.disableProperty().bind(viewModel.busy);
        change.cancelButtonProperty().bind(viewModel.awaitingConfirmation);
        // the question in focus: Space confirms, Escape (the Change button's key) takes it back
        viewModel.awaitingConfirmation.addListener((o, was, asking) -> {
            if (asking) {
                confirm.requestFocus();
            }
        });
        result.textProperty().bind(viewModel.result);
        balance.textProperty().bind(viewModel.balance);
        orders.setItems(viewModel.orders);
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
