package coffer.app.send;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The send-money form, its confirmation and the payment's live status; it only binds and forwards. */
public final class SendView extends ScreenView<SendViewModel> {
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
    @FXML private Pane unfinishedBox;
    @FXML private VBox unfinished;

    public SendView(SendViewModel viewModel) {
        super(viewModel, "Send.fxml");
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
        viewModel.unfinished().addListener((ListChangeListener<OutboxRow>) change -> showUnfinished());
        showUnfinished();
        unfinishedBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.unfinished()));
        unfinishedBox.managedProperty().bind(unfinishedBox.visibleProperty());
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

    private void showUnfinished() {
        unfinished.getChildren().setAll(viewModel.unfinished().stream().map(this::unfinishedRow).toList());
    }

    /** One operation, wrapped; a refused one in the danger colour, with its button to dismiss it. */
    private Node unfinishedRow(OutboxRow row) {
        Label text = new Label(row.text());
        text.setId("unfinishedRow");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        if (!row.failed()) {
            return text;
        }
        text.getStyleClass().add("danger");
        Button dismiss = new Button(Texts.text("send.unfinished.dismiss"));
        dismiss.setId("dismissButton");
        dismiss.setOnAction(e -> viewModel.dismiss(row));
        return new VBox(4, text, dismiss);
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
