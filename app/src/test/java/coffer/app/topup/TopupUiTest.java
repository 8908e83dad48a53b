package coffer.app.topup;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.concurrent.FxBackgroundExecutor;
import coffer.app.settings.AppSettings;
import coffer.app.shell.AppViewModel;
import coffer.app.shell.MainView;
import java.nio.file.Path;
import java.time.Duration;
import javafx.concurrent.Worker;
import javafx.geometry.Point2D;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import netscape.javascript.JSObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** A top-up paid by typing test cards into the provider's checkout page in the app's WebView, against the bundled server. */
@ExtendWith(ApplicationExtension.class)
class TopupUiTest {
    @TempDir
    Path home;
    private FxBackgroundExecutor executor;
    private AppViewModel app;

    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        app = new AppViewModel(executor, AppSettings.load(home), home.resolve("embedded"), Duration.ofMillis(100));
        MainView.show(stage, app);
    }

    @Stop
    void stop() {
        app.close();
        executor.close();
    }

    private static WebView checkout(FxRobot robot) {
        return robot.lookup("#checkoutPage").query();
    }

    private static boolean checkoutOpen(FxRobot robot) {
        return robot.lookup("#checkout").query().isVisible();
    }

    private static boolean checkoutShowsForm(FxRobot robot) throws Exception {
        WebView page = checkout(robot);
        return checkoutOpen(robot) && page.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && Boolean.TRUE.equals(page.getEngine().executeScript("document.getElementById('card_number') != null"));
    }

    /** Focuses a field of the checkout page, then types into it as the user would. */
    private static void typeInto(FxRobot robot, String fieldId, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> checkout(robot).getEngine()
                .executeScript("var f = document.getElementById('" + fieldId + "'); f.value = ''; f.focus();")).get();
        robot.write(text);
    }

    /** Clicks a button of the checkout page where it shows on screen, as the user would. */
    private static void clickPageButton(FxRobot robot, String selector) throws Exception {
        Point2D center = WaitForAsyncUtils.asyncFx(() -> {
            WebView page = checkout(robot);
            JSObject box = (JSObject) page.getEngine().executeScript("var b = document.querySelector('" + selector
                    + "'); b.scrollIntoView(false); b.getBoundingClientRect()");
            double x = ((Number) box.getMember("left")).doubleValue() + ((Number) box.getMember("width")).doubleValue() / 2;
            double y = ((Number) box.getMember("top")).doubleValue() + ((Number) box.getMember("height")).doubleValue() / 2;
            return page.localToScreen(x, y);
        }).get();
        robot.clickOn(center);
    }

    private static void payWith(FxRobot robot, String cardNumber) throws Exception {
        robot.clickOn("#checkoutPage");
        typeInto(robot, "card_number", cardNumber);
        typeInto(robot, "expiry", "12/30");
        typeInto(robot, "cvc", "123");
        typeInto(robot, "name", "Alice Example");
        clickPageButton(robot, "button[type=submit]:not(.secondary)");
    }

    @Test
    void aDeclinedCardIsShownThenTheTestCardPaysAndTheBalanceRises(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());
        robot.clickOn("#email").write("alice@example.com");
        robot.clickOn("#password").write("demo-password");
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent());

        robot.clickOn("#navTopup");
        waitUntil(() -> robot.lookup("#topupWallet").tryQuery().isPresent()
                && robot.lookup("#topupWallet").queryComboBox().getValue() != null);
        robot.clickOn("#topupAmount").write("40.00");
        robot.clickOn("#topupButton");
        waitUntil(() -> checkoutShowsForm(robot));

        payWith(robot, "4000 0000 0000 0002");
        waitUntil(() -> text(robot, "#topupError").startsWith("The card was declined"));
        assertThat(text(robot, "#topupError")).isEqualTo("The card was declined (card_declined). Try another card.");
        assertThat(checkoutOpen(robot)).as("the page stays for another card").isTrue();

        waitUntil(() -> checkoutShowsForm(robot));
        payWith(robot, "4242 4242 4242 4242");
        waitUntil(() -> !checkoutOpen(robot));
        waitUntil(() -> text(robot, "#topupBalance").equals("Balance now: 1,040.00 USD"));
        assertThat(text(robot, "#topupStatus")).isEqualTo("Top-up completed: 40.00 USD added.");
        assertThat(text(robot, "#topupError")).isEmpty();
    }
}
