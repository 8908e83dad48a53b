package coffer.app.send;

import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;

/** The send-money form, its confirmation and the payment's live status; it only binds and forwards. */
public final class SendView {
    private final SendViewModel viewModel;
    private final Parent root;
    @FXML private ComboBox<WalletRow> source;
    @FXML private TextField destination;
    @FXML private TextField amount;
    @FXML private TextField description;
    @FXML private Button review;
    @FXML private Pane confirmBox;
    @FXML private Label confirmation;
    @FXML private Button confirm;
    @FXML private Label status;
    @FXML private Label availableNow;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private Pane unfinishedBox;
    @FXML private ListView<OutboxRow> unfinished;
    @FXML private Button dismiss;

    public SendView(SendViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Send.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        source.setItems(viewModel.wallets());
        source.valueProperty().bindBidirectional(viewModel.sourceProperty());
        destination.textProperty().bindBidirectional(viewModel.destinationProperty());
        amount.textProperty().bindBidirectional(viewModel.amountProperty());
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());
        review.disableProperty().bind(viewModel.busyProperty().or(viewModel.awaitingConfirmationProperty()));
        confirmBox.visibleProperty().bind(viewModel.awaitingConfirmationProperty());
        confirmBox.managedProperty().bind(viewModel.awaitingConfirmationProperty());
        confirmation.textProperty().bind(viewModel.confirmationProperty());
        confirm.disableProperty().bind(viewModel.busyProperty());
        status.textProperty().bind(viewModel.statusProperty());
        availableNow.textProperty().bind(viewModel.availableNowProperty());
        error.textProperty().bind(viewModel.errorProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        unfinished.setItems(viewModel.unfinished());
        unfinishedBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.unfinished()));
        unfinishedBox.managedProperty().bind(unfinishedBox.visibleProperty());
        dismiss.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            OutboxRow row = unfinished.getSelectionModel().getSelectedItem();
            return row == null || !row.failed();
        }, unfinished.getSelectionModel().selectedItemProperty()));
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
    private void dismiss() {
        viewModel.dismiss(unfinished.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
