package coffer.app.wallet;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Locking a wallet from the overview stops payments from it, with words the user understands; unlocking restores them. */
@ExtendWith(ApplicationExtension.class)
class WalletLockUiTest {
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

    private static TableView<WalletRow> wallets(FxRobot robot) {
        return robot.lookup("#walletsTable").queryTableView();
    }

    private static boolean firstWalletIs(FxRobot robot, String status, String available) {
        TableView<WalletRow> table = wallets(robot);
        return !table.getItems().isEmpty() && table.getItems().get(0).status().equals(status)
                && table.getItems().get(0).available().equals(available);
    }

    private static void chooseFirstWallet(FxRobot robot) {
        // the row as the user picks it; the table is refreshed as the server announces changes, so a click can race it
        robot.interact(() -> wallets(robot).getSelectionModel().select(0));
    }

    @Test
    void aLockedWalletRefusesAPaymentReadablyAndPaysAgainOnceUnlocked(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.ALICE);
        waitUntil(() -> firstWalletIs(robot, "active", "1,000.00 USD"));
        chooseFirstWallet(robot);
        UiSteps.clickWhenEnabled(robot, "#lockButton");
        waitUntil(() -> firstWalletIs(robot, "locked", "1,000.00 USD"));
        assertThat(robot.lookup("#unlockButton").query().isDisabled()).isFalse();
        UiSteps.screenshot(window.stage(), "wallets-locked");

        UiSteps.sendMoney(robot, InProcessServer.BOB, "10.00");
        waitUntil(() -> !text(robot, "#sendError").isEmpty());
        assertThat(text(robot, "#sendError")).containsIgnoringCase("locked");
        assertThat(text(robot, "#paymentStatus")).doesNotStartWith("Completed");

        robot.clickOn("#navWallets");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent()
                && firstWalletIs(robot, "locked", "1,000.00 USD"));
        chooseFirstWallet(robot);
        UiSteps.clickWhenEnabled(robot, "#unlockButton");
        waitUntil(() -> firstWalletIs(robot, "active", "1,000.00 USD"));

        UiSteps.sendMoney(robot, InProcessServer.BOB, "10.00");
        waitUntil(() -> text(robot, "#paymentStatus").startsWith("Completed"));
        waitUntil(() -> text(robot, "#availableNow").equals("Available now: 990.00 USD"));
    }
}
