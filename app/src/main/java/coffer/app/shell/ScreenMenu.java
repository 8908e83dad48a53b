package coffer.app.shell;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The screens the View menu opens, with their texts and shortcuts: the one table the menu and the window's
 * shortcuts come from. A new screen in the menu is one more row.
 */
public final class ScreenMenu {
    /** A screen, the bundle key of its menu text (with its mnemonic), and its shortcut. */
    public record Row(Screen screen, String textKey, KeyCombination shortcut) {
    }

    /** Every screen of the View menu, in menu order. */
    public static final List<Row> ROWS = List.of(
            row(Screen.HOME, "menu.view.home", KeyCode.DIGIT0),
            row(Screen.RECEIVE, "menu.view.receive", KeyCode.R),
            row(Screen.WALLETS, "menu.view.wallets", KeyCode.DIGIT1),
            row(Screen.HISTORY, "menu.view.history", KeyCode.DIGIT2),
            row(Screen.SEND, "menu.view.send", KeyCode.DIGIT3),
            row(Screen.TRANSFER, "menu.view.transfer", KeyCode.DIGIT4),
            row(Screen.TOPUP, "menu.view.topup", KeyCode.DIGIT5),
            row(Screen.WITHDRAW, "menu.view.withdraw", KeyCode.DIGIT6),
            row(Screen.ORDERS, "menu.view.orders", KeyCode.DIGIT7),
            row(Screen.KYC, "menu.view.kyc", KeyCode.DIGIT8),
            row(Screen.SETTLEMENTS, "menu.view.settlements", KeyCode.DIGIT9),
            row(Screen.MEMBERS, "menu.view.members", KeyCode.M),
            new Row(Screen.APPROVALS, "menu.view.approvals", shortcut(KeyCode.A, KeyCombination.SHIFT_DOWN)));

    private ScreenMenu() {
    }

    /** Ctrl (⌘ on macOS) and {@code key}. */
    static KeyCombination shortcut(KeyCode key, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[more.length + 1];
        modifiers[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, modifiers, 1, more.length);
        return new KeyCodeCombination(key, modifiers);
    }

    private static Row row(Screen screen, String textKey, KeyCode key) {
        return new Row(screen, textKey, shortcut(key));
    }
}
