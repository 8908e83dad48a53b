package coffer.app.kyc;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
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

/**
 * A new, unverified user in the real window against the bundled server: a payment above their tier's
 * limit is refused with the limit's words and moves no money; after they submit their identity the
 * decision and the new limits show without a refresh.
 */
@ExtendWith(ApplicationExtension.class)
class KycUiTest {
    private static final String CAROL = "carol@example.com";
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

    private static boolean firstWalletShows(FxRobot robot, String available) {
        TableView<WalletRow> table = robot.lookup("#walletsTable").queryTableView();
        return !table.getItems().isEmpty() && table.getItems().get(0).available().equals(available);
    }

    @Test
    void anOverLimitPaymentIsRefusedThenVerificationRaisesTheLimits(FxRobot robot) throws Exception {
        UiSteps.register(robot, CAROL, "Carol Doe");
        robot.clickOn("#newCurrency").write("USD");
        UiSteps.clickWhenEnabled(robot, "#openWalletButton");
        waitUntil(() -> firstWalletShows(robot, "0.00 USD"));
        UiSteps.signOut(robot);
        UiSteps.signIn(robot, InProcessServer.ALICE);
        UiSteps.sendMoney(robot, CAROL, "300.00");
        waitUntil(() -> text(robot, "#paymentStatus").startsWith("Completed"));
        UiSteps.signOut(robot);

        UiSteps.signIn(robot, CAROL);
        waitUntil(() -> firstWalletShows(robot, "300.00 USD"));
        UiSteps.sendMoney(robot, InProcessServer.BOB, "150.00");
        waitUntil(() -> !text(robot, "#sendError").isEmpty());
        assertThat(text(robot, "#sendError"))
                .startsWith("Verify your identity to move this amount.")
                .contains("Sending 150.00 USD is over the per-payment limit of 100.00 USD for your verification level");
        assertThat(text(robot, "#paymentStatus")).doesNotStartWith("Completed");
        UiSteps.screenshot(window.stage(), "send-over-limit");
        robot.clickOn("#navWallets");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent() && firstWalletShows(robot, "300.00 USD"));

        robot.clickOn("#navKyc");
        waitUntil(() -> text(robot, "#kycStatus").equals("Not verified"));
        assertThat(text(robot, "#kycTier")).isEqualTo("Tier 0");
        assertThat(text(robot, "#kycPerTransaction")).isEqualTo("100.00 USD");
        robot.clickOn("#kycFullName").write("Carol Doe");
        robot.clickOn("#kycDateOfBirth").write("1988-02-29");
        robot.clickOn("#kycCountry").write("de");
        robot.clickOn("#kycDocumentNumber").write("C01X00T47");
        UiSteps.clickWhenEnabled(robot, "#kycSubmit");

        waitUntil(() -> text(robot, "#kycStatus").equals("Verified"));
        assertThat(text(robot, "#kycTier")).isEqualTo("Tier 1");
        assertThat(text(robot, "#kycPerTransaction")).isEqualTo("2,000.00 USD");
        assertThat(text(robot, "#kycDaily")).isEqualTo("5,000.00 USD");
        assertThat(text(robot, "#kycNotice")).startsWith("Identity verified");
        assertThat(robot.lookup("#kycSubmit").query().isDisabled()).isTrue();
        UiSteps.screenshot(window.stage(), "kyc-verified");

        UiSteps.sendMoney(robot, InProcessServer.BOB, "150.00");
        waitUntil(() -> text(robot, "#paymentStatus").startsWith("Completed"));
        waitUntil(() -> text(robot, "#availableNow").equals("Available now: 150.00 USD"));
    }
}
