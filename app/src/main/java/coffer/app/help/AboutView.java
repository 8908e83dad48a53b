package coffer.app.help;

import coffer.app.shell.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Help ▸ About Coffer: the versions, the server and the folders, with Copy and Close (Escape closes it too). */
public final class AboutView {
    private final AboutViewModel viewModel;
    @FXML private DialogPane pane;
    @FXML private Label appVersion;
    @FXML private Label serverVersion;
    @FXML private Label server;
    @FXML private Label java;
    @FXML private Label javafx;
    @FXML private Label dataFolder;
    @FXML private Label logFolder;
    @FXML private ButtonType copyType;

    private AboutView(AboutViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.load(this, "About.fxml");
    }

    /** Opens the dialog over {@code owner} and asks the server for its version. */
    public static Dialog<ButtonType> open(Window owner, AboutViewModel viewModel) {
        AboutView view = new AboutView(viewModel);
        Dialog<ButtonType> dialog = Dialogs.over(owner, view.pane, "about.title");
        viewModel.load();
        dialog.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        appVersion.setText(viewModel.appVersion());
        serverVersion.textProperty().bind(viewModel.serverVersion);
        server.setText(viewModel.serverAddress());
        java.setText(viewModel.javaVersion());
        javafx.setText(viewModel.javaFxVersion());
        dataFolder.setText(viewModel.dataFolder());
        logFolder.setText(viewModel.logFolder());
        Button[] copy = new Button[1];
        copy[0] = Dialogs.keepOpen(pane, copyType, "aboutCopy", () -> Dialogs.copy(copy[0], viewModel.summary()));
    }
}
