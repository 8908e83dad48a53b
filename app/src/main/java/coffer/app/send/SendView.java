package coffer.app.send;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The send-money form, its confirmation (Escape changes the payment, as "Change" does) and the payment's live status;
 * it only binds and forwards, and hands the ViewModel a payment request from the clipboard or pasted as the recipient.
 */
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
        choice(source, viewModel.wallets, viewModel.source);
        destination.textProperty().bindBidirectional(viewModel.destination);
        amount.textProperty().bindBidirectional(viewModel.amount);
        description.textProperty().bindBidirectional(viewModel.description);
        review.disableProperty().bind(viewModel.busy.or(viewModel.awaitingConfirmation));
        // Enter reviews; once asked to confirm, the user confirms deliberately on the focused button
        review.defaultButtonProperty().bind(viewModel.awaitingConfirmation.not());
        viewModel.awaitingConfirmation.addListener((o, was, asking) -> {
            if (asking) {
                confirm.requestFocus();
            }
        });
        destination.setTextFormatter(new TextFormatter<>(change -> {
            if (change.getText().length() > 1) {
                // the field takes the paste in first; the ViewModel then reads it, and may replace it
                String pasted = change.getText();
                Platform.runLater(() -> viewModel.pasted(pasted));
            }
            return change;
        }));
        confirmBox.visibleProperty().bind(viewModel.awaitingConfirmation);
        confirmBox.managedProperty().bind(viewModel.awaitingConfirmation);
        confirmation.textProperty().bind(viewModel.confirmation);
        confirm.disableProperty().bind(viewModel.busy);
        status.textProperty().bind(viewModel.status);
        availableNow.textProperty().bind(viewModel.availableNow);
        viewModel.unfinished.addListener((ListChangeListener<OutboxRow>) change -> showUnfinished());
        showUnfinished();
        unfinishedBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.unfinished));
        unfinishedBox.managedProperty().bind(unfinishedBox.visibleProperty());
        viewModel.load();
    }

    @FXML
    private void pasteRequest() {
        viewModel.usePaymentRequest(Clipboard.getSystemClipboard().getString());
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
        unfinished.getChildren().setAll(viewModel.unfinished.stream().map(this::unfinishedRow).toList());
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
        dismiss.setTooltip(new Tooltip(Texts.text("send.unfinished.dismiss.tooltip")));
        dismiss.setOnAction(e -> viewModel.dismiss(row));
        return new VBox(4, text, dismiss);
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
