package coffer.app.order;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.api.AccountsApi;
import coffer.app.api.OrdersApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.OrderTypes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The order's confirmation from the keyboard: Escape takes the question back and nothing is bought. */
@ExtendWith(ApplicationExtension.class)
class OrderConfirmationUiTest {
    private static final AccountView WALLET = new AccountView("wal_1", "USD", "100.00", "100.00", "0.00", "active");
    private final List<String> placed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        OrdersApi orders = new OrdersApi() {
            @Override
            public List<OrderTypes.ProductView> products() {
                return List.of(new OrderTypes.ProductView("mug", "Travel mug", null, "24.00", "USD"));
            }

            @Override
            public OrderTypes.OrderView order(String idempotencyKey, OrderTypes.OrderRequest request) {
                placed.add(request.productId());
                throw new AssertionError("nothing is bought after Escape");
            }

            @Override
            public List<OrderTypes.OrderView> orders() {
                return List.of();
            }
        };
        AccountsApi accounts = new AccountsApi() {
            @Override
            public List<AccountView> accounts() {
                return List.of(WALLET);
            }

            @Override
            public AccountView openAccount(String currency) {
                throw new AssertionError("not asked");
            }

            @Override
            public AccountView openAccount(String currency, boolean additional) {
                throw new AssertionError("not asked");
            }

            @Override
            public AccountView lock(String walletId) {
                throw new AssertionError("not asked");
            }

            @Override
            public AccountView unlock(String walletId) {
                throw new AssertionError("not asked");
            }
        };
        OrderView view = new OrderView(new OrderViewModel(orders, accounts, BackgroundExecutor.sameThread()));
        stage.setScene(new Scene(view.root(), 560, 720));
        stage.show();
    }

    @Test
    void escapeTakesTheQuestionBack(FxRobot robot) throws Exception {
        ListView<ProductRow> products = robot.lookup("#products").queryListView();
        robot.interact(() -> products.getSelectionModel().select(0));
        robot.clickOn("#buyButton");
        waitUntil(() -> !text(robot, "#orderConfirmation").isEmpty());
        assertThat(robot.lookup("#confirmOrderButton").query().isFocused()).as("the question in focus").isTrue();

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> text(robot, "#orderConfirmation").isEmpty());
        assertThat(robot.lookup("#buyButton").query().isDisabled()).as("ready to choose again").isFalse();
        assertThat(placed).isEmpty();
    }
}
