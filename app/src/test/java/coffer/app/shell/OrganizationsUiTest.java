package coffer.app.shell;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.api.ApiClient;
import coffer.app.organization.ApprovalRow;
import coffer.app.organization.Holder;
import coffer.app.organization.MemberRow;
import coffer.app.wallet.WalletRow;
import coffer.core.api.OrganizationTypes.OrganizationCreated;
import coffer.core.api.PaymentTypes.PaymentRequest;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Organization wallets in the real window against the bundled server: the holder switcher appears once the user
 * belongs to an organization, and every screen follows the holder chosen in it.
 */
@ExtendWith(ApplicationExtension.class)
class OrganizationsUiTest {
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

    private ApiClient api() {
        return window.app().connection().api();
    }

    /** Alice's organization "Trip", with {@code funded} USD paid into its wallet from her own. */
    private OrganizationCreated tripFundedWith(String funded) {
        ApiClient alice = api();
        OrganizationCreated trip = alice.createOrganization("Trip", "USD");
        String own = alice.accounts().stream().filter(a -> a.organizationId() == null).findFirst().orElseThrow().id();
        alice.pay(UUID.randomUUID().toString(), new PaymentRequest(funded, "USD", own, trip.account().id(), "for the trip", null));
        return trip;
    }

    /** Whether {@code node} and every parent of it are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Home's USD total; empty while it has none. */
    private static String homeTotal(FxRobot robot) {
        return robot.lookup("#homeTotalUSD").tryQuery().isPresent() ? text(robot, "#homeTotalUSD") : "";
    }

    private void choose(FxRobot robot, String organizationId) throws Exception {
        ComboBox<Holder> switcher = robot.lookup("#holderChoice").queryComboBox();
        robot.clickOn(switcher);
        Holder wanted = switcher.getItems().stream().filter(h -> java.util.Objects.equals(h.organizationId(), organizationId))
                .findFirst().orElseThrow();
        robot.clickOn(wanted.toString());
        waitUntil(() -> java.util.Objects.equals(window.app().holders().current.get().organizationId(), organizationId));
    }

    @Test
    void theSwitcherAppearsWithAnOrganizationAndEveryScreenFollowsTheHolderChosen(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, InProcessServer.ALICE);
        waitUntil(() -> homeTotal(robot).equals("1,000.00 USD"));
        assertThat(shown(robot.lookup("#holderChoice").query())).as("no organization: nothing to switch").isFalse();

        OrganizationCreated trip = tripFundedWith("100.00");
        robot.clickOn("#navWallets");
        robot.clickOn("#navHome");
        waitUntil(() -> robot.lookup("#holderChoice").query().isVisible());
        waitUntil(() -> homeTotal(robot).equals("900.00 USD"));
        assertThat(robot.lookup("#holderChoice").<Holder>queryComboBox().getValue().toString())
                .isEqualTo("Me (alice@example.com)");

        choose(robot, trip.organization().id());
        assertThat(robot.lookup("#holderChoice").<Holder>queryComboBox().getValue().toString()).isEqualTo("Trip — Owner");
        waitUntil(() -> homeTotal(robot).equals("100.00 USD"));
        assertThat(text(robot, "#homeHeading")).isEqualTo("Available in Trip's wallets");
        UiSteps.screenshot(window.stage(), "home-organization");

        robot.clickOn("#navSend");
        waitUntil(() -> !robot.lookup("#sourceWallet").<WalletRow>queryComboBox().getItems().isEmpty());
        assertThat(robot.lookup("#sourceWallet").<WalletRow>queryComboBox().getItems()).extracting(WalletRow::id)
                .as("Send pays from the organization's wallet only").containsExactly(trip.account().id());

        robot.clickOn("#navTransfer");
        waitUntil(() -> robot.lookup("#transferError").tryQuery().isPresent()
                && text(robot, "#transferError").startsWith("Trip has one wallet"));

        robot.clickOn("#navReceive");
        waitUntil(() -> robot.lookup("#receiveWalletId").queryTextInputControl().getText().equals(trip.account().id()));
        assertThat(shown(robot.lookup("#receiveEmail").query())).as("Trip is paid by its wallet id, not Alice's email")
                .isFalse();

        robot.clickOn("#navTopup");
        waitUntil(() -> robot.lookup("#holderNote").query().isVisible());
        assertThat(text(robot, "#holderNote")).startsWith("This screen is about you (alice@example.com), not Trip");

        robot.clickOn("#navWallets");
        waitUntil(() -> robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().size() == 1
                && robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().get(0).id().equals(trip.account().id()));
        assertThat(robot.lookup("#holderNote").query().isVisible()).isFalse();
        assertThat(text(robot, "#walletsOrganizationNote")).startsWith("These are Trip's wallets.");
        assertThat(shown(robot.lookup("#openWalletButton").query())).as("no wallet is opened for Trip here").isFalse();
        // Alice owns Trip: she locks its wallet and unlocks it again
        robot.clickOn("USD");
        UiSteps.clickWhenEnabled(robot, "#lockButton");
        waitUntil(() -> robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().get(0).locked());
        UiSteps.clickWhenEnabled(robot, "#unlockButton");
        waitUntil(() -> !robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().get(0).locked());

        choose(robot, null);
        waitUntil(() -> robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().size() == 1
                && !robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().get(0).id().equals(trip.account().id()));
        assertThat(robot.lookup("#walletsTable").<WalletRow>queryTableView().getItems().get(0).available())
                .isEqualTo("900.00 USD");
        assertThat(shown(robot.lookup("#lockButton").query())).isTrue();
    }

    @Test
    void anOwnerInvitesAMemberSetsAThresholdAndApprovesTheMembersPaymentFromTheInbox(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, InProcessServer.ALICE);
        OrganizationCreated trip = tripFundedWith("200.00");
        robot.clickOn("#navWallets");
        robot.clickOn("#navHome");
        waitUntil(() -> robot.lookup("#holderChoice").query().isVisible());
        choose(robot, trip.organization().id());

        robot.clickOn("#navMembers");
        waitUntil(() -> robot.lookup("#membersTable").<MemberRow>queryTableView().getItems().size() == 1);
        robot.clickOn("#inviteEmail").write(InProcessServer.BOB);
        robot.clickOn("#inviteRole");
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("Member")).<javafx.scene.Node>query());
        robot.clickOn("#inviteMember");
        waitUntil(() -> robot.lookup("#membersTable").<MemberRow>queryTableView().getItems().stream()
                .anyMatch(m -> m.email().equals(InProcessServer.BOB) && m.role().equals("member")));
        robot.clickOn("#approvalThreshold").write("10.00");
        robot.clickOn("#saveThreshold");
        waitUntil(() -> text(robot, "#thresholdNow").contains("10.00"));
        UiSteps.screenshot(window.stage(), "members-organization");

        // Bob, now a member, pays 40.00 from Trip's wallet: above the threshold, it waits for Alice
        ApiClient bob = ApiClient.create(api().baseUrl());
        bob.login(InProcessServer.BOB, InProcessServer.PASSWORD);
        var paid = bob.pay(UUID.randomUUID().toString(),
                new PaymentRequest("40.00", "USD", trip.account().id(), InProcessServer.BOB, "tickets", null));
        assertThat(paid.status()).isEqualTo("pending_approval");

        robot.clickOn("#navApprovals");
        waitUntil(() -> robot.lookup("#approvalsTable").<ApprovalRow>queryTableView().getItems().size() == 1);
        ApprovalRow waiting = robot.lookup("#approvalsTable").<ApprovalRow>queryTableView().getItems().get(0);
        assertThat(waiting.askedBy()).isEqualTo(InProcessServer.BOB);
        robot.clickOn(waiting.destination());
        UiSteps.screenshot(window.stage(), "approvals-organization");
        UiSteps.clickWhenEnabled(robot, "#approvePayment");

        waitUntil(() -> robot.lookup("#approvalsTable").<ApprovalRow>queryTableView().getItems().isEmpty());
        assertThat(text(robot, "#approvalsNotice")).startsWith("Approved");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!"completed".equals(bob.payment(paid.paymentId()).status()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bob.payment(paid.paymentId()).status()).isEqualTo("completed");
        assertThat(bob.payment(paid.paymentId()).approvedBy()).isNotNull();
        robot.clickOn("#navHome");
        waitUntil(() -> homeTotal(robot).equals("160.00 USD"));
    }
}
