package coffer.app.withdraw;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.UiSteps.clickPageButton;
import static coffer.app.UiSteps.screenshot;
import static coffer.app.UiSteps.signIn;
import static coffer.app.UiSteps.typeInto;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import java.nio.file.Path;
import javafx.concurrent.Worker;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ListView;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Withdrawals in the real window against the bundled server: to a saved account, then through the payout page. */
@ExtendWith(ApplicationExtension.class)
class WithdrawUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setHeight(900);
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static boolean payoutFormShows(FxRobot robot) {
        WebView page = robot.lookup("#payoutPage").query();
        return robot.lookup("#payout").query().isVisible()
                && page.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && Boolean.TRUE.equals(page.getEngine().executeScript("document.getElementById('account_number') != null"));
    }

    @Test
    void aliceSavesANamedAccountWithdrawsToItThenWithdrawsThroughThePayoutPage(FxRobot robot) throws Exception {
        signIn(robot, InProcessServer.ALICE);
        robot.clickOn("#navWithdraw");
        waitUntil(() -> robot.lookup("#withdrawWallet").tryQuery().isPresent()
                && robot.lookup("#withdrawWallet").queryComboBox().getValue() != null);

        robot.clickOn("#bankCode").write("044");
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);     // the label "Account _number"
        waitUntil(() -> robot.lookup("#accountNumber").query().isFocused());
        robot.write("0123456789");
        robot.type(KeyCode.ENTER);     // looks the account up (not the screen's default, the withdrawal)
        waitUntil(() -> text(robot, "#resolvedName").startsWith("Account holder: "));
        robot.clickOn("#saveAccount");
        waitUntil(() -> text(robot, "#accountsNotice").equals("Saved the account ending 6789."));

        ListView<BankAccountRow> accounts = robot.lookup("#bankAccounts").queryListView();
        robot.interact(() -> accounts.getSelectionModel().select(0));
        robot.clickOn("#withdrawAmount").write("50.00");
        robot.clickOn("#withdrawButton");
        waitUntil(() -> text(robot, "#withdrawStatus").equals("Withdrawal succeeded: 50.00 USD paid out."));
        waitUntil(() -> text(robot, "#withdrawBalance").equals("Available now: 950.00 USD"));

        robot.clickOn("#withdrawAmount").write("20.00");
        robot.clickOn("#withdrawViaPage");
        waitUntil(() -> payoutFormShows(robot));
        screenshot(stage, "withdraw-payout-page");
        WebView page = robot.lookup("#payoutPage").query();
        robot.clickOn(page);
        typeInto(robot, page, "holder_name", "Alice Example");
        typeInto(robot, page, "bank_code", "044");
        typeInto(robot, page, "account_number", "0123456789");
        clickPageButton(robot, page, "button[type=submit]");

        waitUntil(() -> !robot.lookup("#payout").query().isVisible());
        waitUntil(() -> text(robot, "#withdrawStatus").equals("Withdrawal succeeded: 20.00 USD paid out."));
        waitUntil(() -> text(robot, "#withdrawBalance").equals("Available now: 930.00 USD"));
        screenshot(stage, "withdraw-completed");
        assertThat(text(robot, "#withdrawError")).isEmpty();
    }
}
