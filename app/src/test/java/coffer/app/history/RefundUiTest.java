package coffer.app.history;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.UiSteps;
import coffer.app.settings.AppSettings;
import coffer.app.wallet.WalletRow;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Bob opens the payment alice made him in the real window, refunds part of it, and sees the history follow. */
@ExtendWith(ApplicationExtension.class)
class RefundUiTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static final String NOTE = "Lunch on alice";

    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();

    @BeforeAll
    static void alicePaysBob() throws Exception {
        Payments.completed(SERVER.signedIn(InProcessServer.ALICE), InProcessServer.BOB, "25.00", NOTE);
    }

    @Start
    void start(Stage stage) {
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl(SERVER.baseUrl());
        settings.setWindowSize(1280, 800);
        window.open(stage, settings, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static TableView<HistoryRow> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryTableView();
    }

    /** The node is on screen: it and every parent visible. */
    private static boolean shown(FxRobot robot, String query) {
        Node n = robot.lookup(query).tryQuery().orElse(null);
        if (n == null) {
            return false;
        }
        for (; ; n = n.getParent()) {
            if (n == null) {
                return true;
            }
            if (!n.isVisible()) {
                return false;
            }
        }
    }

    @Test
    void bobRefundsPartOfAlicesPaymentAndSeesTheBalanceAndHistoryChange(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.BOB);
        robot.clickOn("#navHistory");
        waitUntil(() -> robot.lookup("#historyTable").tryQuery().isPresent()
                && table(robot).getItems().stream().anyMatch(r -> r.description().equals(NOTE))
                && text(robot, "#historyBalance").equals("Balance: 1,025.00 USD"));
        LineChart<?, ?> chart = robot.lookup("#balanceChart").query();
        waitUntil(() -> !chart.getData().isEmpty() && chart.getData().get(0).getData().size() == 3);

        HistoryRow lunch = table(robot).getItems().stream().filter(r -> r.description().equals(NOTE)).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            table(robot).getSelectionModel().select(lunch);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shown(robot, "#refundButton"));
        assertThat(text(robot, "#receiptText")).contains("+25.00 USD").contains("alice@example.com").contains(NOTE);
        assertThat(text(robot, "#refundSummary")).isEqualTo("Left to refund: 25.00 USD");
        UiSteps.screenshot(HistoryTableUiTest.receiptWindow(robot), "transaction-detail");

        robot.clickOn("#refundButton");
        waitUntil(() -> shown(robot, "#refundAmount"));
        TextField amount = robot.lookup("#refundAmount").query();
        assertThat(amount.getText()).as("all that is left by default").isEqualTo("25.00");
        robot.clickOn(amount);
        robot.interact(amount::selectAll);
        robot.write("10.00");
        robot.clickOn("#refundReason").write("Half of lunch");
        robot.clickOn("#reviewRefund");
        waitUntil(() -> shown(robot, "#confirmRefund"));
        assertThat(text(robot, "#refundConfirmation")).isEqualTo("Refund 10.00 USD to alice@example.com?");
        UiSteps.screenshot(HistoryTableUiTest.receiptWindow(robot), "transaction-refund-confirm");
        robot.clickOn("#confirmRefund");

        waitUntil(() -> text(robot, "#detailNotice").equals("Refunded 10.00 USD to alice@example.com (Completed)."));
        waitUntil(() -> text(robot, "#refundSummary").equals("Refunded so far: 10.00 USD — left to refund: 15.00 USD"));
        waitUntil(() -> text(robot, "#historyBalance").equals("Balance: 1,015.00 USD"));
        assertThat(robot.lookup("#historyWallet").<WalletRow>queryComboBox().getValue().toString())
                .isEqualTo("USD wallet — 1,015.00 USD available");
        waitUntil(() -> table(robot).getItems().stream()
                .anyMatch(r -> r.kind().equals("refund") && r.amount().equals("-10.00 USD")
                        && r.status().equals("completed") && r.description().equals("Half of lunch")));
        waitUntil(() -> chart.getData().get(0).getData().size() == 4);
        assertThat(text(robot, "#detailError")).isEmpty();
        UiSteps.screenshot(HistoryTableUiTest.receiptWindow(robot), "transaction-refunded");
    }
}
