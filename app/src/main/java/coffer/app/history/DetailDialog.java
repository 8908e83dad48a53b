package coffer.app.history;

import coffer.app.detail.TransactionDetailView;
import coffer.app.detail.TransactionDetailViewModel;
import coffer.app.i18n.Texts;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The opened movement's receipt in a dialog over the history, so the table keeps its whole width: shown while
 * the detail has a movement, hidden when it has none. Escape steps back (out of the refund form, then out of the
 * dialog); closing the window closes the detail.
 */
final class DetailDialog {
    private final TransactionDetailViewModel viewModel;
    private final Node owner;
    private Stage stage;

    /** @param owner a node of the history screen, whose window the dialog belongs to */
    DetailDialog(TransactionDetailViewModel viewModel, Node owner) {
        this.viewModel = viewModel;
        this.owner = owner;
        viewModel.transaction.addListener((o, was, now) -> {
            if (now == null) {
                hide();
            } else {
                Platform.runLater(this::show);
            }
        });
        // what makes the receipt longer or shorter; the dialog follows, once the new texts are laid out
        Stream.of(viewModel.receipt, viewModel.refundSummary, viewModel.refundFormShown,
                        viewModel.awaitingConfirmation, viewModel.notice, viewModel.error)
                .forEach(p -> p.addListener(o -> Platform.runLater(this::fit)));
    }

    /** Shows the dialog once the movement's texts are in it, so it opens at their size. */
    private void show() {
        if (viewModel.transaction.get() == null || owner.getScene() == null
                || owner.getScene().getWindow() == null) {
            return;
        }
        if (stage == null) {
            stage = create();
        }
        if (!stage.isShowing()) {
            stage.show();
            fit();
        }
    }

    /** As large as the receipt, and no taller than the window it belongs to (then it scrolls). */
    private void fit() {
        if (stage == null || !stage.isShowing()) {
            return;
        }
        stage.sizeToScene();
        double most = stage.getOwner().getHeight();
        if (stage.getHeight() > most) {
            stage.setHeight(most);
        }
    }

    private void hide() {
        if (stage != null) {
            stage.hide();
        }
    }

    private Stage create() {
        Stage dialog = new Stage();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(Texts.text("detail.dialog.title"));
        ScrollPane content = new ScrollPane(new TransactionDetailView(viewModel).root());
        content.setFitToWidth(true);
        Scene scene = new Scene(content);
        // on the scene, not a node: the keys reach it wherever the focus is, and when nothing has it
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && viewModel.dismiss()) {
                e.consume();
            }
        });
        dialog.setScene(scene);
        dialog.setOnHidden(e -> viewModel.close());
        return dialog;
    }
}
