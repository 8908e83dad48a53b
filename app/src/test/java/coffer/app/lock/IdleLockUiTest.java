package coffer.app.lock;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.settings.AppSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window with an idle lock of three seconds: it locks by itself, keeps the focus, the password unlocks it,
 * and Sign out on it signs out.
 */
@ExtendWith(ApplicationExtension.class)
class IdleLockUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.writeString(home.resolve("settings.properties"), "idle.lock.minutes=0.05\n");
        window.open(stage, AppSettings.load(home), home);
    }

    @Stop
    void stop() {
        window.close();
    }

    private Node focusOwner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get();
    }

    /** Whether {@code node} is the lock pane or inside it. */
    private static boolean inLock(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("lockPane".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theIdleWindowLocksAndOnlyThePasswordTypedAgainUnlocksIt(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.ALICE);

        waitUntil(() -> robot.lookup("#lockPane").query().isVisible()
                && robot.lookup("#lockPassword").query().isVisible()
                && robot.lookup("#lockPassword").query().isFocused());
        assertThat(text(robot, "#lockEmail")).isEqualTo("Signed in as alice@example.com");
        assertThat(robot.lookup("#navWallets").query().isDisabled()).as("the screens are out of reach").isTrue();
        UiSteps.screenshot(stage, "idle-lock");

        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);
            assertThat(inLock(focusOwner())).as("Tab stays in the lock: " + focusOwner()).isTrue();
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(window.app().navigation().screen.get().name()).as("shortcuts do nothing while locked")
                .isEqualTo("WALLETS");

        robot.clickOn("#lockPassword").write("not-my-password").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#lockError").equals("Wrong password."));
        assertThat(robot.lookup("#lockPane").query().isVisible()).isTrue();

        robot.clickOn("#lockPassword").write(InProcessServer.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#lockPane").query().isVisible());
        assertThat(robot.lookup("#navWallets").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#walletsTable").tryQuery()).as("back where the user was").isPresent();

        waitUntil(() -> robot.lookup("#lockPane").query().isVisible());
        robot.clickOn("#lockSignOut");
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());
        assertThat(robot.lookup("#lockPane").query().isVisible()).as("signed out: no lock").isFalse();
    }
}
