package coffer.app.shell;

import coffer.app.AppWindow;
import coffer.app.UiSteps;
import coffer.app.history.HistoryRow;
import coffer.app.wallet.WalletRow;
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
import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The real window against the bundled server, started as the app starts it (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class SendMoneyUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static boolean firstWalletShows(FxRobot robot, String available) {
        TableView<WalletRow> table = robot.lookup("#walletsTable").queryTableView();
        return !table.getItems().isEmpty() && table.getItems().get(0).available().equals(available);
    }

    private void screenshot(String name) throws Exception {
        UiSteps.screenshot(stage, name);
    }

    @Test
    void aliceSignsInSendsMoneyToBobAndWatchesItComplete(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());
        assertThat(text(robot, "#connection")).startsWith("Bundled server running in this app");
        assertThat(text(robot, "#demoHint")).contains("alice@example.com");
        screenshot("sign-in");

        robot.clickOn("#email").write("alice@example.com");
        robot.clickOn("#password").write("demo-password");
        robot.clickOn("#signInButton");

        waitUntil(() -> robot.lookup("#homeTotalUSD").tryQuery().isPresent()
                && text(robot, "#homeTotalUSD").equals("1,000.00 USD"));
        robot.clickOn("#navWallets");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent() && firstWalletShows(robot, "1,000.00 USD"));
        assertThat(text(robot, "#kycSummary")).contains("tier 1");
        screenshot("wallets");

        UiSteps.reviewPayment(robot, "bob@example.com", "25.00");
        assertThat(text(robot, "#confirmation")).isEqualTo("Send 25.00 USD to bob@example.com from your USD wallet?");
        screenshot("send-confirm");
        robot.clickOn("#confirmButton");

        waitUntil(() -> text(robot, "#paymentStatus").startsWith("Completed"));
        assertThat(text(robot, "#paymentStatus")).isEqualTo("Completed: 25.00 USD to bob@example.com");
        waitUntil(() -> text(robot, "#availableNow").equals("Available now: 975.00 USD"));
        screenshot("send-completed");

        robot.clickOn("#navWallets");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent() && firstWalletShows(robot, "975.00 USD"));

        robot.clickOn("#navHistory");
        waitUntil(() -> robot.lookup("#historyTable").tryQuery().isPresent()
                && robot.lookup("#historyTable").<HistoryRow>queryTableView().getItems().stream()
                        .anyMatch(r -> r.amount().equals("-25.00 USD") && r.status().equals("completed")));
        screenshot("history");

        robot.clickOn("#navTransfer");
        waitUntil(() -> robot.lookup("#transferError").tryQuery().isPresent()
                && text(robot, "#transferError").startsWith("Open a second wallet"));
        screenshot("transfer");
        robot.clickOn("#navSettings");
        waitUntil(() -> robot.lookup("#darkTheme").tryQuery().isPresent());
        screenshot("settings");
        robot.clickOn("#darkTheme");
        robot.clickOn("#saveSettings");
        waitUntil(() -> window.app().navigation().darkTheme.get());
        assertThat(text(robot, "#connection")).as("the theme alone keeps the connection")
                .startsWith("Bundled server running in this app");
        screenshot("settings-dark");
    }

    @Test
    void aWrongPasswordIsShownAndTheUserStaysOnSignIn(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());

        robot.clickOn("#email").write("alice@example.com");
        robot.clickOn("#password").write("wrong-password");
        robot.clickOn("#signInButton");

        waitUntil(() -> !text(robot, "#signInError").isEmpty());
        assertThat(robot.lookup("#navSend").query().isDisabled()).isTrue();
    }
}
