package coffer.app.order;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.UiSteps.screenshot;
import static coffer.app.UiSteps.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.UiSteps;
import java.nio.file.Path;
import javafx.scene.control.ListView;
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

/** Paying an order in the real window against the bundled server, reached by its keyboard shortcut. */
@ExtendWith(ApplicationExtension.class)
class OrderUiTest {
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

    @Test
    void bobBuysTheTravelMugAfterConfirming(FxRobot robot) throws Exception {
        signIn(robot, InProcessServer.BOB);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#products").tryQuery().isPresent()
                && !robot.lookup("#products").queryListView().getItems().isEmpty()
                && robot.lookup("#orderWallet").queryComboBox().getValue() != null);
        screenshot(stage, "orders");

        ListView<ProductRow> products = robot.lookup("#products").queryListView();
        robot.interact(() -> products.getSelectionModel().select(3));
        robot.clickOn("#buyButton");
        waitUntil(() -> robot.lookup("#confirmOrderButton").query().isVisible());
        assertThat(text(robot, "#orderConfirmation")).isEqualTo("Buy Travel mug for 24.00 USD from your USD wallet?");
        screenshot(stage, "orders-confirm");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> text(robot, "#orderConfirmation").isEmpty());
        assertThat(text(robot, "#orderResult")).as("Escape took the order back: nothing bought").isEmpty();

        robot.clickOn("#buyButton");
        waitUntil(() -> !text(robot, "#orderConfirmation").isEmpty());
        robot.clickOn("#confirmOrderButton");

        waitUntil(() -> text(robot, "#orderResult").startsWith("Bought Travel mug for 24.00 USD"));
        waitUntil(() -> text(robot, "#orderBalance").equals("Available now: 976.00 USD"));
        assertThat(robot.lookup("#orders").<String>queryListView().getItems()).containsExactly("Travel mug — 24.00 USD, paid");
        assertThat(text(robot, "#orderError")).isEmpty();
        screenshot(stage, "orders-bought");
    }
}
