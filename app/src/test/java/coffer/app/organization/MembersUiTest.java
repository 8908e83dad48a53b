package coffer.app.organization;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.concurrent.FxBackgroundExecutor;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.matcher.control.LabeledMatchers;

/** The members screen in a window against the bundled server: an owner invites a member and removes them, by clicking. */
@ExtendWith(ApplicationExtension.class)
class MembersUiTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static Holder crew;
    private final List<Holder> created = new ArrayList<>();
    private FxBackgroundExecutor executor;

    @BeforeAll
    static void aliceMakesAnOrganization() {
        OrganizationCreated made = SERVER.signedIn(ALICE).createOrganization("Crew", "USD");
        crew = Holder.organization(made.organization().id(), made.organization().name(), made.organization().role());
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new FxBackgroundExecutor();
        MembersView view = new MembersView(new MembersViewModel(SERVER.signedIn(ALICE), executor, crew, created::add));
        stage.setScene(new Scene(view.root(), 900, 800));
        stage.show();
    }

    @Stop
    void stop() {
        executor.close();
    }

    private static List<MemberView> onTheServer() {
        return SERVER.signedIn(ALICE).organization(crew.organizationId()).members();
    }

    @Test
    void anOwnerInvitesAMemberAsAdminThenRemovesThemAfterConfirming(FxRobot robot) throws Exception {
        TableView<MemberRow> table = robot.lookup("#membersTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1 && text(robot, "#membersOrganization").equals("Crew"));

        robot.clickOn("#inviteEmail").write(BOB);
        robot.clickOn("#inviteRole");
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("Admin")).<javafx.scene.Node>query());
        robot.clickOn("#inviteMember");

        waitUntil(() -> text(robot, "#membersNotice").equals("Added bob@example.com as Admin."));
        assertThat(table.getItems()).anySatisfy(m -> {
            assertThat(m.email()).isEqualTo(BOB);
            assertThat(m.roleName()).isEqualTo("Admin");
        });
        assertThat(onTheServer()).anySatisfy(m -> {
            assertThat(m.email()).isEqualTo(BOB);
            assertThat(m.role()).isEqualTo("admin");
        });

        UiSteps.screenshot(stage, "members");
        robot.clickOn(BOB);
        waitUntil(() -> !robot.lookup("#removeMember").query().isDisabled());
        robot.clickOn("#removeMember");
        waitUntil(() -> text(robot, "#removeConfirmation").startsWith("Remove bob@example.com from Crew?"));
        robot.clickOn("#confirmRemove");

        waitUntil(() -> text(robot, "#membersNotice").equals("Removed bob@example.com from Crew."));
        assertThat(table.getItems()).extracting(MemberRow::email).containsExactly(ALICE);
        assertThat(onTheServer()).extracting(MemberView::email).containsExactly(ALICE);
        assertThat(text(robot, "#membersError")).isEmpty();
    }
}
