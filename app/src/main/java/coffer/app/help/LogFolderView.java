package coffer.app.help;

import coffer.app.i18n.Texts;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help ▸ Log folder: where the app's log files are, as text to select or copy, and a button that opens the folder in
 * the system's file manager. Escape or Close closes it.
 */
public final class LogFolderView {
    private LogFolderView() {
    }

    /** Opens the dialog over {@code owner}. */
    public static Dialog<ButtonType> open(Window owner, AboutViewModel viewModel) {
        TextField path = new TextField(viewModel.logFolder());
        path.setId("logFolderPath");
        path.setEditable(false);
        path.setPrefColumnCount(48);
        path.setAccessibleText(Texts.text("about.logFolder"));
        Label error = new Label();
        error.setId("logFolderError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.error);
        VBox content = new VBox(8, path, error);
        content.setPadding(new Insets(4, 0, 0, 0));
        DialogPane pane = new DialogPane();
        pane.setId("logFolderDialog");
        pane.setHeaderText(Texts.text("logFolder.header"));
        pane.setContent(content);
        ButtonType copyType = new ButtonType(Texts.text("dialog.copy"), ButtonBar.ButtonData.LEFT);
        ButtonType openType = new ButtonType(Texts.text("logFolder.open"), ButtonBar.ButtonData.OTHER);
        pane.getButtonTypes().addAll(copyType, openType, ButtonType.CLOSE);
        Button[] copy = new Button[1];
        copy[0] = Dialogs.keepOpen(pane, copyType, "logFolderCopy", () -> Dialogs.copy(copy[0], viewModel.logFolder()));
        Dialogs.keepOpen(pane, openType, "logFolderOpen", viewModel::openLogFolder);
        Dialog<ButtonType> dialog = Dialogs.over(owner, pane, "logFolder.title");
        dialog.show();
        return dialog;
    }
}
