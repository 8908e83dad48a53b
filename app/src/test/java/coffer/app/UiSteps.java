package coffer.app;

import static coffer.app.FxWait.waitUntil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import netscape.javascript.JSObject;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does in UI tests: sign in, and type and click in a provider's page in a WebView. */
public final class UiSteps {
    private UiSteps() {
    }

    /** Signs in as a demo user, lands on Home, then opens the wallets overview. */
    public static void signIn(FxRobot robot, String email) throws Exception {
        signInToHome(robot, email);
        openWallets(robot);
    }

    /** Signs in as a demo user and waits for Home, where a signed-in user lands. */
    public static void signInToHome(FxRobot robot, String email) throws Exception {
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());
        robot.clickOn("#email").write(email);
        robot.clickOn("#password").write(InProcessServer.PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#homeTotals").tryQuery().isPresent());
    }

    private static void openWallets(FxRobot robot) throws Exception {
        robot.clickOn("#navWallets");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent());
    }

    /** Creates an account on the sign-in screen (the demo password), lands on Home, then opens the wallets overview. */
    public static void register(FxRobot robot, String email, String name) throws Exception {
        waitUntil(() -> robot.lookup("#switchMode").tryQuery().isPresent());
        robot.clickOn("#switchMode");
        waitUntil(() -> robot.lookup("#name").query().isVisible());
        robot.clickOn("#name").write(name);
        robot.clickOn("#email").write(email);
        robot.clickOn("#password").write(InProcessServer.PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#homeTotals").tryQuery().isPresent());
        openWallets(robot);
    }

    public static void signOut(FxRobot robot) throws Exception {
        robot.clickOn("#signOut");
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());
    }

    /** Opens the send screen, fills in a payment from the first wallet and reviews it, up to the confirm button. */
    public static void reviewPayment(FxRobot robot, String destination, String amount) throws Exception {
        robot.clickOn("#navSend");
        waitUntil(() -> robot.lookup("#sourceWallet").tryQuery().isPresent()
                && !robot.lookup("#sourceWallet").queryComboBox().getItems().isEmpty());
        robot.clickOn("#destination").write(destination);
        robot.clickOn("#amount").write(amount);
        robot.clickOn("#reviewButton");
        waitUntil(() -> robot.lookup("#confirmButton").query().isVisible());
    }

    /** On the send screen: types the payment, reviews it and confirms it. */
    public static void sendMoney(FxRobot robot, String destination, String amount) throws Exception {
        reviewPayment(robot, destination, amount);
        robot.clickOn("#confirmButton");
    }

    /** On the withdraw screen: looks up the demo bank account 044/0123456789 and saves it. */
    public static void saveBankAccount(FxRobot robot) throws Exception {
        robot.clickOn("#navWithdraw");
        waitUntil(() -> robot.lookup("#bankCode").tryQuery().isPresent());
        robot.clickOn("#bankCode").write("044");
        robot.clickOn("#accountNumber").write("0123456789");
        robot.clickOn("#resolveAccount");
        waitUntil(() -> FxWait.text(robot, "#resolvedName").startsWith("Account holder: "));
        robot.clickOn("#saveAccount");
        waitUntil(() -> FxWait.text(robot, "#accountsNotice").equals("Saved the account ending 6789."));
    }

    /** Clicks a button once it is enabled: screens reload as the server announces changes, and their buttons wait meanwhile. */
    public static void clickWhenEnabled(FxRobot robot, String button) throws Exception {
        waitUntil(() -> !robot.lookup(button).query().isDisabled());
        robot.clickOn(button);
    }

    /** Focuses a field of the page, then types into it as the user would. */
    public static void typeInto(FxRobot robot, WebView page, String fieldId, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> page.getEngine()
                .executeScript("var f = document.getElementById('" + fieldId + "'); f.value = ''; f.focus();")).get();
        robot.write(text);
    }

    /** Clicks a button of the page where it shows on screen, as the user would. */
    public static void clickPageButton(FxRobot robot, WebView page, String selector) throws Exception {
        Point2D center = WaitForAsyncUtils.asyncFx(() -> {
            // as a user would: the screen scrolled until the page's bottom edge is in the window, then the page
            for (javafx.scene.Node n = page.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                    scroll.layout();
                }
            }
            JSObject box = (JSObject) page.getEngine().executeScript("var b = document.querySelector('" + selector
                    + "'); b.scrollIntoView(false); b.getBoundingClientRect()");
            double x = ((Number) box.getMember("left")).doubleValue() + ((Number) box.getMember("width")).doubleValue() / 2;
            double y = ((Number) box.getMember("top")).doubleValue() + ((Number) box.getMember("height")).doubleValue() / 2;
            return page.localToScreen(x, y);
        }).get();
        robot.clickOn(center);
    }

    /** Renders the window to {@code target/screenshots/<name>.png}, so the UI can be looked at without a display. */
    public static void screenshot(Stage stage, String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        PixelReader pixels = image.getPixelReader();
        BufferedImage png = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Path.of(System.getProperty("coffer.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        if (!ImageIO.write(png, "png", dir.resolve(name + ".png").toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
