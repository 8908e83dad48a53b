package coffer.app.diagnostics;

import coffer.app.i18n.Texts;
import coffer.app.shell.Fxml;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The crash dialog: the message, how many failures it stands for, where the log file is, the details
 * collapsed under "Show Details", "Copy details" and Close (Escape closes it too). It opens when its
 * ViewModel says a failure arrived; binds and forwards only.
 */
public final class CrashView {
    private final CrashViewModel viewModel;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    @FXML private DialogPane pane;
    @FXML private Label message;
    @FXML private Label count;
    @FXML private Label logFile;
    @FXML private TextArea details;
    @FXML private ButtonType copyType;

    private CrashView(CrashViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.load(this, "Crash.fxml");
        dialog.setDialogPane(pane);
        dialog.setTitle(Texts.text("crash.title"));
        dialog.setResizable(true);
        dialog.setOnHidden(e -> viewModel.dismissed());
        viewModel.showing.addListener((o, was, now) -> {
            if (now) {
                open();
            }
        });
        open();
    }

    /** Builds the dialog when the ViewModel first opens it, so it costs the app's start nothing. */
    public static void whenNeeded(CrashViewModel viewModel) {
        viewModel.showing.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> showing, Boolean was, Boolean now) {
                if (now) {
                    showing.removeListener(this);
                    new CrashView(viewModel);
                }
            }
        });
    }

    private void open() {
        if (viewModel.showing.get() && !dialog.isShowing()) {
            pane.setExpanded(false);
            dialog.show();
        }
    }

    @FXML
    private void initialize() {
        pane.setHeaderText(viewModel.headline());
        message.textProperty().bind(viewModel.message);
        count.textProperty().bind(viewModel.count);
        count.visibleProperty().bind(viewModel.count.isNotEmpty());
        count.managedProperty().bind(count.visibleProperty());
        logFile.setText(viewModel.logFileLine());
        details.textProperty().bind(viewModel.details);
        Button copy = (Button) pane.lookupButton(copyType);
        copy.setId("copyDetails");
        copy.textProperty().bind(Bindings.when(viewModel.copied).then(Texts.text("crash.copied"))
                .otherwise(Texts.text("crash.copy")));
        // the dialog's buttons close it; this one only copies
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.copyDetails());
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
