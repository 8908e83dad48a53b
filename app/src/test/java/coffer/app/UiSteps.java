package coffer.app;

import static coffer.app.FxWait.waitUntil;

import javafx.geometry.Point2D;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does in UI tests: sign in, and type and click in a provider's page in a WebView. */
public final class UiSteps {
    private UiSteps() {
    }

    /** Signs in as a demo user and waits for the wallets overview. */
    public static void signIn(FxRobot robot, String email) throws Exception {
        waitUntil(() -> robot.lookup("#email").tryQuery().isPresent());
        robot.clickOn("#email").write(email);
        robot.clickOn("#password").write(InProcessServer.PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#walletsTable").tryQuery().isPresent());
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
            JSObject box = (JSObject) page.getEngine().executeScript("var b = document.querySelector('" + selector
                    + "'); b.scrollIntoView(false); b.getBoundingClientRect()");
            double x = ((Number) box.getMember("left")).doubleValue() + ((Number) box.getMember("width")).doubleValue() / 2;
            double y = ((Number) box.getMember("top")).doubleValue() + ((Number) box.getMember("height")).doubleValue() / 2;
            return page.localToScreen(x, y);
        }).get();
        robot.clickOn(center);
    }
}
