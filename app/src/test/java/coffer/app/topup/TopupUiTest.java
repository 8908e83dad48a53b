package coffer.app.topup;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.UiSteps.clickPageButton;
import static coffer.app.UiSteps.screenshot;
import static coffer.app.UiSteps.signIn;
import static coffer.app.UiSteps.typeInto;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import java.nio.file.Path;
import javafx.concurrent.Worker;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
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
 * A top-up paid by typing test cards into the provider's checkout page in the app's WebView, against the bundled
 * server; Escape closes the page as its close button does.
 */
@ExtendWith(ApplicationExtension.class)
class TopupUiTest {
    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setHeight(900);
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
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

    private static void payWith(FxRobot robot, String cardNumber, boolean saveCard) throws Exception {
        WebView page = checkout(robot);
        robot.clickOn(page);
        typeInto(robot, page, "card_number", cardNumber);
        typeInto(robot, page, "expiry", "12/30");
        typeInto(robot, page, "cvc", "123");
        typeInto(robot, page, "name", "Alice Example");
        if (saveCard) {
            clickPageButton(robot, page, "input[name=save_card]");
        }
        clickPageButton(robot, page, "button[type=submit]:not(.secondary)");
    }

    @Test
    void aDeclinedCardIsShownThenTheTestCardPaysIsSavedAndTheBalanceRises(FxRobot robot) throws Exception {
        signIn(robot, InProcessServer.ALICE);

        robot.clickOn("#navTopup");
        waitUntil(() -> robot.lookup("#topupWallet").tryQuery().isPresent()
                && robot.lookup("#topupWallet").queryComboBox().getValue() != null);
        robot.clickOn("#topupAmount").write("40.00");
        robot.clickOn("#saveCard");
        robot.clickOn("#topupButton");
        waitUntil(() -> checkoutShowsForm(robot));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !checkoutOpen(robot));
        assertThat(text(robot, "#topupStatus"))
                .isEqualTo("Checkout closed. Nothing is added unless the payment went through.");

        robot.clickOn("#topupButton");
        waitUntil(() -> checkoutShowsForm(robot));
        screenshot(stage, "topup-checkout");
        payWith(robot, "4000 0000 0000 0002", false);
        waitUntil(() -> text(robot, "#topupError").startsWith("The card was declined"));
        assertThat(text(robot, "#topupError")).isEqualTo("The card was declined (card_declined). Try another card.");
        assertThat(checkoutOpen(robot)).as("the page stays for another card").isTrue();

        waitUntil(() -> checkoutShowsForm(robot));
        payWith(robot, "4242 4242 4242 4242", true);
        waitUntil(() -> !checkoutOpen(robot));
        waitUntil(() -> text(robot, "#topupBalance").equals("Available now: 1,040.00 USD"));
        assertThat(text(robot, "#topupStatus")).isEqualTo("Top-up completed: 40.00 USD added.");
        assertThat(text(robot, "#topupError")).isEmpty();
        waitUntil(() -> robot.lookup("#savedCards").queryListView().getItems().size() == 1);
        screenshot(stage, "topup-completed");
        assertThat(robot.lookup("#savedCards").queryListView().getItems().get(0).toString()).contains("ending 4242");
    }
}
