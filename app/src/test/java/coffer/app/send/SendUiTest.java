package coffer.app.send;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.receive.PaymentRequestLink;
import coffer.app.wallet.WalletRow;
import coffer.core.money.Money;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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

/**
 * The send screen with the keyboard and the clipboard, in the real window against the bundled server: a payment
 * request someone shared fills the form, which the user still reviews; labels' mnemonics reach their fields; Escape
 * takes back the confirmation.
 */
@ExtendWith(ApplicationExtension.class)
class SendUiTest {
    private static final PaymentRequestLink REQUEST = new PaymentRequestLink("wal_01REQUESTED", "bob@example.com",
            Money.parse("12.50", "USD"), "Dinner & drinks");

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

    private static void copy(FxRobot robot, String text) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private void openSend(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.ALICE);
        robot.clickOn("#navSend");
        waitUntil(() -> robot.lookup("#sourceWallet").tryQuery().isPresent()
                && robot.lookup("#sourceWallet").<WalletRow>queryComboBox().getValue() != null);
    }

    @Test
    void aCopiedPaymentRequestFillsTheFormWhichTheUserThenReviews(FxRobot robot) throws Exception {
        openSend(robot);
        copy(robot, "coffer:pay?to=bob@example.com");
        robot.clickOn("#pasteRequest");
        waitUntil(() -> text(robot, "#sendError").startsWith("That is not a payment request Coffer can read"));
        assertThat(field(robot, "#destination")).as("nothing filled").isEmpty();

        copy(robot, REQUEST.text());
        robot.clickOn("#pasteRequest");

        waitUntil(() -> field(robot, "#destination").equals("wal_01REQUESTED"));
        assertThat(field(robot, "#amount")).isEqualTo("12.50");
        assertThat(field(robot, "#description")).isEqualTo("Dinner & drinks");
        assertThat(robot.lookup("#sourceWallet").<WalletRow>queryComboBox().getValue().currency()).isEqualTo("USD");
        assertThat(text(robot, "#sendNotice"))
                .isEqualTo("Filled in from the payment request of bob@example.com. Check it, then review.");
        assertThat(text(robot, "#sendError")).isEmpty();
        assertThat(robot.lookup("#confirmBox").query().isVisible()).as("nothing to confirm before review").isFalse();
        UiSteps.screenshot(stage, "send-request-filled");

        robot.clickOn("#reviewButton");
        waitUntil(() -> robot.lookup("#confirmBox").query().isVisible());
        assertThat(text(robot, "#confirmation")).isEqualTo("Send 12.50 USD to wal_01REQUESTED from your USD wallet?");
    }

    @Test
    void aRequestPastedIntoTheRecipientFieldFillsTheForm(FxRobot robot) throws Exception {
        openSend(robot);
        copy(robot, REQUEST.text());

        robot.clickOn("#destination");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);

        waitUntil(() -> field(robot, "#destination").equals("wal_01REQUESTED"));
        assertThat(field(robot, "#amount")).isEqualTo("12.50");
        assertThat(field(robot, "#description")).isEqualTo("Dinner & drinks");
    }

    @Test
    void mnemonicsReachTheirFieldsAndEscapeTakesBackTheConfirmation(FxRobot robot) throws Exception {
        openSend(robot);
        robot.clickOn("#destination").write("bob@example.com");

        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#amount").query().isFocused());
        robot.write("3.00");
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#description").query().isFocused());
        robot.write("lunch");
        assertThat(field(robot, "#amount")).isEqualTo("3.00");

        robot.type(KeyCode.ENTER);     // the default button: Review
        waitUntil(() -> robot.lookup("#confirmBox").query().isVisible());
        assertThat(text(robot, "#confirmation")).isEqualTo("Send 3.00 USD to bob@example.com from your USD wallet?");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !robot.lookup("#confirmBox").query().isVisible());
        assertThat(text(robot, "#paymentStatus")).as("nothing was sent").isEmpty();
        assertThat(field(robot, "#amount")).as("the form stays to change").isEqualTo("3.00");
        ComboBox<WalletRow> source = robot.lookup("#sourceWallet").queryComboBox();
        assertThat(source.getValue().available()).isEqualTo("1,000.00 USD");
    }
}
