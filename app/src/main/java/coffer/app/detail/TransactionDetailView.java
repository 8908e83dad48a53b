package coffer.app.detail;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import java.io.File;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;

/**
 * A movement's receipt with copy, save and refund; binds and forwards only. Whoever shows it lets Escape step
 * back ({@link TransactionDetailViewModel#dismiss()}).
 */
public final class TransactionDetailView extends ScreenView<TransactionDetailViewModel> {
    @FXML private Pane pane;
    @FXML private Label title;
    @FXML private Label receipt;
    @FXML private Button closeDetail;
    @FXML private Button refund;
    @FXML private Label refundSummary;
    @FXML private Pane refundBox;
    @FXML private Pane refundForm;
    @FXML private TextField refundAmount;
    @FXML private TextField refundReason;
    @FXML private Button reviewRefund;
    @FXML private Label confirmation;
    @FXML private Button confirmRefund;
    @FXML private Label notice;
    @FXML private Label error;

    public TransactionDetailView(TransactionDetailViewModel viewModel) {
        super(viewModel, "TransactionDetail.fxml");
    }

    private static void showWhen(Node node, BooleanExpression condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void initialize() {
        BooleanExpression editing = viewModel.refundFormShown.and(viewModel.awaitingConfirmation.not());
        showWhen(pane, viewModel.transaction.isNotNull());
        title.textProperty().bind(viewModel.title);
        receipt.textProperty().bind(viewModel.receipt);
        refundSummary.textProperty().bind(viewModel.refundSummary);
        showWhen(refund, viewModel.refundable.and(viewModel.refundFormShown.not())
                .and(viewModel.awaitingConfirmation.not()));
        showWhen(refundBox, viewModel.refundFormShown.or(viewModel.awaitingConfirmation));
        showWhen(refundForm, editing);
        showWhen(reviewRefund, editing);
        showWhen(confirmation, viewModel.awaitingConfirmation);
        showWhen(confirmRefund, viewModel.awaitingConfirmation);
        refundAmount.textProperty().bindBidirectional(viewModel.refundAmount);
        refundReason.textProperty().bindBidirectional(viewModel.refundReason);
        confirmation.textProperty().bind(viewModel.confirmation);
        refundBox.disableProperty().bind(viewModel.busy.and(viewModel.awaitingConfirmation));
        for (Label line : List.of(refundSummary, notice, error)) {
            showWhen(line, line.textProperty().isNotEmpty());
        }
        // the form takes the keyboard when it opens, so Alt+letter, Enter and Escape work at once, and gives it
        // back when it closes (a hidden field keeping it would leave the keys nowhere to go)
        viewModel.refundFormShown.addListener((o, was, shown) -> {
            if (shown) {
                refundAmount.requestFocus();
            } else if (refundBox.getScene() != null && within(refundBox.getScene().getFocusOwner(), refundBox)) {
                (refund.isVisible() ? refund : closeDetail).requestFocus();
            }
        });
    }

    private static boolean within(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
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
        chooser.setTitle(Texts.text("detail.save.chooser"));
        chooser.setInitialFileName(viewModel.receiptFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.text("detail.save.fileType"), "*.txt"));
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
