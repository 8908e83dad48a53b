package coffer.app.shell;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.help.AppVersion;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The menu bar: Help's dialogs (About with both versions, the shortcuts, the log folder), closed by Escape; View's screens. */
@ExtendWith(ApplicationExtension.class)
class MenuBarUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();

    @Start
    void start(Stage stage) {
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    /** Opens a menu of the bar by clicking its title (shown without the mnemonic's underscore). */
    private static void openMenu(FxRobot robot, String title) {
        robot.clickOn(robot.lookup("#menuBar .menu").match((Labeled menu) -> menu.getText().replace("_", "").equals(title))
                .<javafx.scene.Node>query());
    }

    private static List<Window> dialogs(String id) {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane
                        && id.equals(pane.getId()))
                .toList();
    }

    @Test
    void aboutShowsTheAppsAndTheServersVersionsAndEscapeClosesIt(FxRobot robot) throws Exception {
        waitUntil(() -> window.app().navigation().screen.get() == Screen.SIGN_IN);

        openMenu(robot, "Help");
        robot.clickOn("#menuAbout");

        waitUntil(() -> dialogs("aboutDialog").size() == 1
                && text(robot, "#aboutServerVersion").equals(coffer.server.Version.current()));
        assertThat(text(robot, "#aboutAppVersion")).isEqualTo(AppVersion.current()).isNotEqualTo("dev");
        assertThat(text(robot, "#aboutServer")).startsWith("http://");
        assertThat(text(robot, "#aboutJavaFx")).startsWith("21");
        assertThat(text(robot, "#aboutDataFolder")).isEqualTo(home.toAbsolutePath().toString());
        UiSteps.screenshot((Stage) dialogs("aboutDialog").get(0), "about");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> dialogs("aboutDialog").isEmpty());
    }

    @Test
    void theShortcutsListEveryScreenOfTheViewMenuAndEscapeClosesItAsItDoesTheLogFolder(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.BOB);

        robot.type(KeyCode.F1);
        waitUntil(() -> dialogs("shortcutsDialog").size() == 1);
        List<String> lines = robot.lookup("#shortcutsDialog .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(lines).contains("View ▸ Wallets", "Ctrl+1", "View ▸ Settlements", "Ctrl+9", "File ▸ Settings",
                "Ctrl+,", "File ▸ Quit", "Ctrl+Q", "Help ▸ Keyboard shortcuts", "F1");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> dialogs("shortcutsDialog").isEmpty());

        openMenu(robot, "Help");
        robot.clickOn("#menuLogFolder");
        waitUntil(() -> dialogs("logFolderDialog").size() == 1);
        assertThat(robot.lookup("#logFolderPath").queryTextInputControl().getText()).endsWith("logs");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> dialogs("logFolderDialog").isEmpty());
    }

    @Test
    void theViewMenuOpensScreensOnceSignedIn(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.ALICE);

        openMenu(robot, "View");
        robot.clickOn("#menuhistory");
        waitUntil(() -> window.app().navigation().screen.get() == Screen.HISTORY);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        waitUntil(() -> window.app().navigation().screen.get() == Screen.KYC);

        openMenu(robot, "File");
        robot.clickOn("#menuSignOut");
        waitUntil(() -> window.app().navigation().screen.get() == Screen.SIGN_IN);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(window.app().navigation().screen.get()).as("signed out: the screens' shortcuts do nothing")
                .isEqualTo(Screen.SIGN_IN);
    }

    @Test
    void choosingSpanishInSettingsSpeaksItAtOnceInTheMenuTheToolbarAndTheScreen(FxRobot robot) throws Exception {
        java.util.Locale before = coffer.app.i18n.Texts.locale();
        try {
            UiSteps.signIn(robot, InProcessServer.ALICE);
            robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
            waitUntil(() -> robot.lookup("#language").tryQuery().isPresent());
            robot.interact(() -> robot.lookup("#language").<javafx.scene.control.ComboBox<coffer.app.settings.Language>>query()
                    .setValue(coffer.app.settings.Language.SPANISH));
            robot.clickOn("#saveSettings");

            waitUntil(() -> text(robot, "#navWallets").equals("Billeteras"));
            assertThat(robot.lookup("#menuBar .menu").queryAllAs(Labeled.class).stream()
                    .map(m -> m.getText().replace("_", "")).toList()).contains("Archivo", "Ver", "Ayuda");
            // the window still follows the navigation, once: one screen on show, in Spanish
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            waitUntil(() -> window.app().navigation().screen.get() == Screen.HISTORY
                    && robot.lookup("#historyTable").tryQuery().isPresent());
            assertThat(robot.lookup("#historyTable").queryAll()).hasSize(1);
            assertThat(robot.lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList())
                    .contains("Historial");
        } finally {
            coffer.app.i18n.Texts.use(before);
        }
    }
}
