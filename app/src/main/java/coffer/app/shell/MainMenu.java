package coffer.app.shell;

import coffer.app.help.AboutView;
import coffer.app.help.LogFolderView;
import coffer.app.help.ShortcutsView;
import coffer.app.i18n.Texts;
import coffer.app.lock.IdleLockViewModel;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import static coffer.app.shell.ScreenMenu.shortcut;

/**
 * The main window's menu bar (the system's menu bar on macOS): File (sign out, lock, settings, quit), View (every
 * screen of {@link ScreenMenu}, sync now, the dark theme) and Help (the shortcuts, the log folder, About), each
 * item with its mnemonic and shortcut. Nothing in it is usable while the window is locked but Quit.
 */
final class MainMenu {
    private final MenuBar bar;

    MainMenu(AppViewModel app, Stage stage) {
        NavigationViewModel navigation = app.navigation();
        FrameViewModel frame = app.frame();
        IdleLockViewModel lock = frame.idleLock();
        BooleanBinding unlocked = lock.locked.not();
        BooleanBinding inSession = navigation.signedIn.and(unlocked);

        Menu file = new Menu(Texts.text("menu.file"), null,
                item("menu.file.signOut", "menuSignOut", null, inSession, () -> app.session().signOut()),
                item("menu.file.lock", "menuLock", shortcut(KeyCode.L), inSession, lock::lockNow),
                new SeparatorMenuItem(),
                item("menu.file.settings", "menuSettings", shortcut(KeyCode.COMMA), unlocked,
                        () -> navigation.show(Screen.SETTINGS)),
                new SeparatorMenuItem(),
                item("menu.file.quit", "menuQuit", shortcut(KeyCode.Q), null, () -> {
                    stage.close();
                    Platform.exit();
                }));

        CheckMenuItem dark = new CheckMenuItem(Texts.text("menu.view.darkTheme"));
        dark.setId("menuDarkTheme");
        dark.setAccelerator(shortcut(KeyCode.D, KeyCombination.SHIFT_DOWN));
        dark.setSelected(navigation.darkTheme.get());
        navigation.darkTheme.addListener((o, was, now) -> dark.setSelected(now));
        dark.setOnAction(e -> frame.darkTheme(dark.isSelected()));
        dark.disableProperty().bind(lock.locked);
        Menu view = new Menu(Texts.text("menu.view"));
        for (ScreenMenu.Row row : ScreenMenu.ROWS) {
            view.getItems().add(item(row.textKey(), "menu" + row.screen().name().toLowerCase(Locale.ROOT),
                    row.shortcut(), inSession, () -> navigation.show(row.screen())));
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("menu.view.sync", "menuSync", new KeyCodeCombination(KeyCode.F5), inSession, frame::syncNow),
                dark);

        Menu help = new Menu(Texts.text("menu.help"));
        help.getItems().addAll(
                item("menu.help.shortcuts", "menuShortcuts", new KeyCodeCombination(KeyCode.F1), unlocked,
                        () -> showShortcuts(stage)),
                item("menu.help.logFolder", "menuLogFolder", null, unlocked,
                        () -> LogFolderView.open(stage, frame.about())),
                new SeparatorMenuItem(),
                item("menu.help.about", "menuAbout", null, unlocked, () -> AboutView.open(stage, frame.about())));

        bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);   // macOS: the system's menu bar; elsewhere it stays in the window
        bar.disableProperty().bind(lock.locked);
    }

    private void showShortcuts(Stage stage) {
        ShortcutsView.open(stage, bar.getMenus());
    }

    MenuBar bar() {
        return bar;
    }

    /** A menu item usable while {@code usable} holds (always when null). */
    private static MenuItem item(String textKey, String id, KeyCombination shortcut, ObservableBooleanValue usable,
                                 Runnable action) {
        MenuItem item = new MenuItem(Texts.text(textKey));
        item.setId(id);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        if (usable != null) {
            item.disableProperty().bind(Bindings.not(usable));
        }
        return item;
    }
}
