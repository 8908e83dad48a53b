package coffer.app.help;

import coffer.app.i18n.Texts;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The Help menu's dialogs alike: owned by the main window, titled from the bundles, closed by their Close button or
 * Escape (a {@link ButtonType#CLOSE} button is the dialog's cancel button); buttons that act without closing.
 */
final class Dialogs {
    private Dialogs() {
    }

    /** A dialog of {@code pane} over {@code owner}; the pane must have a {@link ButtonType#CLOSE} button. */
    static Dialog<ButtonType> over(Window owner, DialogPane pane, String titleKey) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setDialogPane(pane);
        if (!pane.getButtonTypes().contains(ButtonType.CLOSE)) {
            pane.getButtonTypes().add(ButtonType.CLOSE);
        }
        dialog.initOwner(owner);
        dialog.setTitle(Texts.text(titleKey));
        dialog.setResizable(true);
        return dialog;
    }

    /** The pane's button of {@code type}, given {@code id}, doing {@code action} and leaving the dialog open. */
    static Button keepOpen(DialogPane pane, ButtonType type, String id, Runnable action) {
        Button button = (Button) pane.lookupButton(type);
        button.setId(id);
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            action.run();
        });
        return button;
    }

    /** Puts {@code text} on the clipboard, and says so on {@code button}. */
    static void copy(Button button, String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        button.setText(Texts.text("dialog.copied"));
    }
}
