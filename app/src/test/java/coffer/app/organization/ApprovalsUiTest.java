package coffer.app.organization;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.organization.FakeOrganizations.payment;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.UiSteps;
import coffer.app.concurrent.BackgroundExecutor;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The approvals inbox in a window: an owner approves another member's payment by clicking; their own stays. */
@ExtendWith(ApplicationExtension.class)
class ApprovalsUiTest {
    private final FakeOrganizations api = new FakeOrganizations()
            .waits("org_trip", payment("pay_2", "50.00", "shop@example.com", "bob@example.com", "2026-12-02T10:00:00Z"),
                    payment("pay_3", "75.00", "hotel@example.com", "alice@example.com", "2026-12-02T11:00:00Z"));

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ApprovalsView view = new ApprovalsView(new ApprovalsViewModel(api, BackgroundExecutor.sameThread(),
                "alice@example.com", List.of(Holder.organization("org_trip", "Trip", "owner"))));
        stage.setScene(new Scene(view.root(), 1100, 600));
        stage.show();
    }

    @Test
    void anOwnerApprovesAPaymentFromTheInboxAndTheirOwnWaitsForAnother(FxRobot robot) throws Exception {
        TableView<ApprovalRow> table = robot.lookup("#approvalsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#approvePayment").query().isDisabled()).as("nothing chosen yet").isTrue();

        robot.clickOn("shop@example.com");
        waitUntil(() -> !robot.lookup("#approvePayment").query().isDisabled());
        robot.clickOn("#approvePayment");

        waitUntil(() -> text(robot, "#approvalsNotice").equals("Approved: 50.00 USD to shop@example.com"));
        assertThat(api.decisions).singleElement().asString().startsWith("approve pay_2 ");
        assertThat(table.getItems()).extracting(ApprovalRow::id).containsExactly("pay_3");

        UiSteps.screenshot(stage, "approvals");
        robot.clickOn("hotel@example.com");
        waitUntil(() -> text(robot, "#approvalsWhy")
                .equals("You asked for this: another owner or admin decides on it."));
        assertThat(robot.lookup("#approvePayment").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#rejectPayment").query().isDisabled()).isTrue();
        assertThat(robot.lookup("Waiting for another owner or admin").tryQuery()).as("marked in its row").isPresent();
    }
}
