package coffer.app.detail;

import coffer.app.shell.Fxml;
import java.io.File;
import javafx.beans.binding.BooleanExpression;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** A movement's receipt with copy, save and refund; binds and forwards only. */
public final class TransactionDetailView {
    private final TransactionDetailViewModel viewModel;
    private final Parent root;
    @FXML private VBox pane;
    @FXML private Label title;
    @FXML private Label receipt;
    @FXML private Button refund;
    @FXML private Label refundSummary;
    @FXML private VBox refundForm;
    @FXML private TextField refundAmount;
    @FXML private TextField refundReason;
    @FXML private VBox confirmBox;
    @FXML private Label confirmation;
    @FXML private Label notice;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;

    public TransactionDetailView(TransactionDetailViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "TransactionDetail.fxml");
    }

    public Parent root() {
        return root;
    }

    private static void showWhen(Node node, BooleanExpression condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void initialize() {
        showWhen(pane, viewModel.transactionProperty().isNotNull());
        title.textProperty().bind(viewModel.titleProperty());
        receipt.textProperty().bind(viewModel.receiptProperty());
        refundSummary.textProperty().bind(viewModel.refundSummaryProperty());
        showWhen(refund, viewModel.refundableProperty().and(viewModel.refundFormShownProperty().not())
                .and(viewModel.awaitingConfirmationProperty().not()));
        showWhen(refundForm, viewModel.refundFormShownProperty().and(viewModel.awaitingConfirmationProperty().not()));
        showWhen(confirmBox, viewModel.awaitingConfirmationProperty());
        refundAmount.textProperty().bindBidirectional(viewModel.refundAmountProperty());
        refundReason.textProperty().bindBidirectional(viewModel.refundReasonProperty());
        confirmation.textProperty().bind(viewModel.confirmationProperty());
        confirmBox.disableProperty().bind(viewModel.busyProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
        error.textProperty().bind(viewModel.errorProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void close() {
        viewModel.close();
    }

    @FXML
    private void copyReceipt() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.copyReceipt());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void saveReceipt() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save receipt");
        chooser.setInitialFileName(viewModel.receiptFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Text files", "*.txt"));
        File file = chooser.showSaveDialog(pane.getScene().getWindow());
        if (file != null) {
            viewModel.saveReceipt(file.toPath());
        }
    }

    @FXML
    private void startRefund() {
        viewModel.startRefund();
    }

    @FXML
    private void reviewRefund() {
        viewModel.reviewRefund();
    }

    @FXML
    private void cancelRefund() {
        viewModel.cancelRefund();
    }

    @FXML
    private void confirmRefund() {
        viewModel.confirmRefund();
    }
}
