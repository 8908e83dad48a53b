package coffer.app.settlement;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
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

/** Settlements in the real window against the bundled server: a schedule created and listed, a settlement paid out. */
@ExtendWith(ApplicationExtension.class)
class SettlementsUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();

    @Start
    void start(Stage stage) {
        stage.setHeight(900);
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void aliceCreatesAWeeklyScheduleSeesItListedAndSettlesByHand(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.ALICE);
        UiSteps.saveBankAccount(robot);

        robot.clickOn("#navSettlements");
        waitUntil(() -> robot.lookup("#settlementBankAccount").tryQuery().isPresent()
                && robot.lookup("#settlementBankAccount").queryComboBox().getValue() != null
                && robot.lookup("#settlementWallet").queryComboBox().getValue() != null);
        ComboBox<ScheduleFrequency> frequency = robot.lookup("#scheduleFrequency").queryComboBox();
        robot.interact(() -> frequency.setValue(ScheduleFrequency.of("weekly")));
        robot.clickOn("#scheduleMinimum").write("50.00");
        UiSteps.clickWhenEnabled(robot, "#createSchedule");

        waitUntil(() -> text(robot, "#scheduleNotice").equals("Settles the USD wallet weekly to the account ending 6789."));
        TableView<ScheduleRow> schedules = robot.lookup("#schedulesTable").queryTableView();
        assertThat(schedules.getItems()).singleElement().satisfies(row -> {
            assertThat(row.frequency()).isEqualTo("weekly");
            assertThat(row.minimum()).isEqualTo("50.00 USD");
            assertThat(row.nextRun()).isNotEmpty();
        });

        robot.clickOn("#settlementAmount").write("40.00");
        UiSteps.clickWhenEnabled(robot, "#settleButton");
        waitUntil(() -> text(robot, "#settlementStatus").equals("Settlement succeeded: 40.00 USD paid out."));
        TableView<SettlementRow> settlements = robot.lookup("#settlementsTable").queryTableView();
        waitUntil(() -> settlements.getItems().stream()
                .anyMatch(r -> r.amount().equals("40.00 USD") && r.status().equals("succeeded")));
        UiSteps.screenshot(window.stage(), "settlements-with-schedule");
    }
}
