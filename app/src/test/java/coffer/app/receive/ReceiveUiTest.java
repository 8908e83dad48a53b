package coffer.app.receive;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.InProcessServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import coffer.app.settings.AppSettings;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.money.Money;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Receiving in the real window against a server on loopback: alice's wallet id and email to copy, and a payment
 * request whose QR code, as painted on screen, reads back with a QR reader to what she typed.
 */
@ExtendWith(ApplicationExtension.class)
class ReceiveUiTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();

    @Start
    void start(Stage stage) {
        stage.setHeight(820);
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl(SERVER.baseUrl());
        window.open(stage, settings, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    /** Signs in, lands on Home and opens Receive with its shortcut, once the QR code shows. */
    private static void openReceive(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, ALICE);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#requestQr").tryQuery().isPresent() && qr(robot).getImage() != null);
    }

    private static ImageView qr(FxRobot robot) {
        return robot.lookup("#requestQr").queryAs(ImageView.class);
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    /** What a camera reads off the screen: the QR code as rendered (a snapshot of it), decoded by ZXing's reader. */
    private static String scan(FxRobot robot) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> qr(robot).snapshot(null, null)).get();
        int width = (int) shot.getWidth();
        int height = (int) shot.getHeight();
        int[] pixels = new int[width * height];
        shot.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }

    @Test
    void aliceSharesHerWalletAndEmailAndARequestThatScansBackToWhatSheTyped(FxRobot robot) throws Exception {
        openReceive(robot);
        List<String> hers = SERVER.signedIn(ALICE).accounts().stream().map(AccountView::id).toList();
        String walletId = field(robot, "#receiveWalletId");
        assertThat(hers).contains(walletId);
        assertThat(field(robot, "#receiveEmail")).isEqualTo(ALICE);
        assertThat(PaymentRequestLink.parse(scan(robot))).contains(new PaymentRequestLink(walletId, ALICE, null, null));

        robot.clickOn("#copyWalletId");
        assertThat(clipboard()).isEqualTo(walletId);
        assertThat(text(robot, "#receiveNotice")).isEqualTo("Copied the wallet ID.");
        robot.clickOn("#copyEmail");
        assertThat(clipboard()).isEqualTo(ALICE);

        Image bare = qr(robot).getImage();
        robot.clickOn("#receiveAmount").write("12.50");
        robot.clickOn("#receiveNote").write("Dinner & drinks");
        waitUntil(() -> qr(robot).getImage() != bare);

        PaymentRequestLink asked = new PaymentRequestLink(walletId, ALICE, Money.parse("12.50", "USD"), "Dinner & drinks");
        String scanned = scan(robot);
        assertThat(PaymentRequestLink.parse(scanned)).contains(asked);
        assertThat(field(robot, "#requestLink")).isEqualTo(scanned);
        assertThat(qr(robot).getAccessibleText()).isEqualTo("QR code of a payment request: to wallet " + walletId
                + ", owned by alice@example.com, for 12.50 USD, note “Dinner & drinks”");
        UiSteps.screenshot(window.stage(), "receive-request");

        robot.clickOn("#copyRequest");
        assertThat(clipboard()).isEqualTo(scanned);
        assertThat(text(robot, "#receiveNotice")).isEqualTo("Copied the payment request.");
    }

    @Test
    void anAmountThatIsNotOneShowsAnErrorAndLeavesTheCodeAsItWas(FxRobot robot) throws Exception {
        openReceive(robot);
        robot.clickOn("#receiveAmount").write("7.25");
        waitUntil(() -> field(robot, "#requestLink").contains("amount=7.25"));
        Image valid = qr(robot).getImage();
        String request = scan(robot);

        robot.write("5");

        waitUntil(() -> !text(robot, "#receiveError").isEmpty());
        assertThat(text(robot, "#receiveError")).startsWith("Enter an amount such as 25.00");
        assertThat(qr(robot).getImage()).isSameAs(valid);
        assertThat(scan(robot)).isEqualTo(request);
        assertThat(field(robot, "#requestLink")).isEqualTo(request);
        assertThat(robot.lookup("#copyRequest").query().isDisabled()).as("no stale request to copy").isTrue();

        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        waitUntil(() -> text(robot, "#receiveError").isEmpty());
        assertThat(robot.lookup("#copyRequest").query().isDisabled()).isFalse();
    }

    @Test
    void eachLabelsMnemonicFocusesItsField(FxRobot robot) throws Exception {
        openReceive(robot);

        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        waitUntil(() -> robot.lookup("#receiveNote").query().isFocused());
        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);
        waitUntil(() -> robot.lookup("#receiveAmount").query().isFocused());
        robot.press(KeyCode.ALT, KeyCode.I).release(KeyCode.I, KeyCode.ALT);
        waitUntil(() -> robot.lookup("#receiveWalletId").query().isFocused());
    }
}
