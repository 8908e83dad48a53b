package coffer.app.help;

import coffer.app.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard shortcuts: every menu item that has a shortcut, read from the menus themselves, so the list is
 * never behind them. Escape or Close closes it.
 */
public final class ShortcutsView {
    private ShortcutsView() {
    }

    /** One line of the list: where the action is in the menus ("View ▸ Wallets") and its keys ("Ctrl+1"). */
    public record Shortcut(String action, String keys) {
    }

    /** Every item of {@code menus} (and their submenus) with a shortcut, in menu order. */
    public static List<Shortcut> of(List<Menu> menus) {
        List<Shortcut> found = new ArrayList<>();
        for (Menu menu : menus) {
            collect(plain(menu.getText()), menu.getItems(), found);
        }
        return found;
    }

    private static void collect(String path, List<MenuItem> items, List<Shortcut> found) {
        for (MenuItem item : items) {
            String where = path + " ▸ " + plain(item.getText());
            if (item instanceof Menu sub) {
                collect(where, sub.getItems(), found);
            } else if (item.getAccelerator() != null) {
                found.add(new Shortcut(where, item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** A menu text without its mnemonic's underscore. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "");
    }

    /** Opens the list over {@code owner}. */
    public static Dialog<ButtonType> open(Window owner, List<Menu> menus) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        Label actionHeader = new Label(Texts.text("shortcuts.action"));
        Label keysHeader = new Label(Texts.text("shortcuts.keys"));
        actionHeader.getStyleClass().add("text-bold");
        keysHeader.getStyleClass().add("text-bold");
        grid.addRow(0, actionHeader, keysHeader);
        int row = 1;
        for (Shortcut shortcut : of(menus)) {
            grid.addRow(row++, new Label(shortcut.action()), new Label(shortcut.keys()));
        }
        DialogPane pane = new DialogPane();
        pane.setId("shortcutsDialog");
        pane.setHeaderText(Texts.text("shortcuts.header"));
        pane.setContent(grid);
        pane.getButtonTypes().add(ButtonType.CLOSE);
        Dialog<ButtonType> dialog = Dialogs.over(owner, pane, "shortcuts.title");
        dialog.show();
        return dialog;
    }
}
