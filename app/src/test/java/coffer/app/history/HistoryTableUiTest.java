package coffer.app.history;

import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.UiSteps;
import coffer.app.i18n.Texts;
import coffer.app.settings.AppSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
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
 * Bob's history in the real window at its default size: every text in the table whole, the amount column sorted by
 * money and the date column by instant, and the receipt opened with Enter in a dialog, its refund form reached by
 * its mnemonic, and both closed again with Escape.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryTableUiTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    private static final String DINNER = "Dinner on alice";

    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();

    /** Bob: the demo's 1,000.00 top-up, then 10.00 and 2.00 from alice, then 5.00 back to her. */
    @BeforeAll
    static void bobsMovements() throws Exception {
        Payments.completed(SERVER.signedIn(InProcessServer.ALICE), InProcessServer.BOB, "10.00", DINNER);
        Payments.completed(SERVER.signedIn(InProcessServer.ALICE), InProcessServer.BOB, "2.00", "Coffee");
        Payments.completed(SERVER.signedIn(InProcessServer.BOB), InProcessServer.ALICE, "5.00", "Half of the taxi");
    }

    private Stage stage;
    private Locale spokenBefore;

    /** The language the app speaks in this test. */
    Locale language() {
        return Texts.ENGLISH;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        spokenBefore = Texts.locale();
        Texts.use(language());
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl(SERVER.baseUrl());
        window.open(stage, settings, home);   // no window size: the app's default
    }

    @Stop
    void stop() {
        try {
            window.close();
        } finally {
            Texts.use(spokenBefore);
        }
    }

    private static TableView<HistoryRow> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryTableView();
    }

    private static List<Long> amounts(FxRobot robot) {
        return table(robot).getItems().stream().map(r -> r.signed().minor()).toList();
    }

    private static void clickHeader(FxRobot robot, String fxId) {
        TableColumn<?, ?> column = (TableColumn<?, ?>) robot.lookup("#historyTable").queryTableView().getColumns()
                .stream().filter(c -> fxId.equals(c.getId())).findFirst().orElseThrow();
        robot.clickOn(robot.lookup(".column-header").match(
                n -> n instanceof TableColumnHeader h && h.getTableColumn() == column).<Node>query());
    }

    /** The letter after the underscore in a bundle text: the key that, with Alt, fires or focuses what it names. */
    private static KeyCode mnemonic(String key) {
        String text = Texts.text(key);
        char letter = text.charAt(text.indexOf('_') + 1);
        return KeyCode.getKeyCode(String.valueOf(letter).toUpperCase(Locale.ROOT));
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).type(key).release(KeyCode.ALT);
    }

    /** The dialog the receipt opened in. */
    static Stage receiptWindow(FxRobot robot) {
        return (Stage) robot.lookup("#transactionDetail").query().getScene().getWindow();
    }

    private static boolean shown(FxRobot robot, String query) {
        Node n = robot.lookup(query).tryQuery().orElse(null);
        for (; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return robot.lookup(query).tryQuery().isPresent();
    }

    /** Each shown cell and header whose text the table drew shorter than it is ("Envío a una…"). */
    private static List<String> cutShort(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> cut = new ArrayList<>();
            int whole = 0;
            List<Node> texts = new ArrayList<>(table(robot).lookupAll(".table-cell"));
            texts.addAll(table(robot).lookupAll(".column-header .label"));
            for (Node node : texts) {
                if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                        && treeVisible(labeled) && labeled.lookup(".text") instanceof Text drawn) {
                    if (drawn.getText().equals(labeled.getText())) {
                        whole++;
                    } else {
                        cut.add(labeled.getText() + " drawn as " + drawn.getText());
                    }
                }
            }
            assertThat(whole + cut.size()).as("texts looked at: 6 headers, at least 3 rows of 6 cells")
                    .isGreaterThanOrEqualTo(6 + 3 * 6);
            return cut;
        }).get();
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyTextShowsWholeTheColumnsSortByMoneyAndInstantAndEscapeClosesTheReceipt(FxRobot robot) throws Exception {
        UiSteps.signIn(robot, InProcessServer.BOB);
        robot.clickOn("#navHistory");
        waitUntil(() -> robot.lookup("#historyTable").tryQuery().isPresent() && table(robot).getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutShort(robot)).as("at the default window size").isEmpty();

        clickHeader(robot, "amountColumn");
        // as text "+1,000.00" < "+10.00" < "+2.00" < "-5.00"
        waitUntil(() -> amounts(robot).equals(List.of(-500L, 200L, 1_000L, 100_000L)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutShort(robot)).as("sorted, with the header's arrow").isEmpty();
        UiSteps.screenshot(stage, "history-by-amount-" + Texts.locale().getLanguage());
        clickHeader(robot, "amountColumn");
        waitUntil(() -> amounts(robot).equals(List.of(100_000L, 1_000L, 200L, -500L)));

        clickHeader(robot, "dateColumn");
        waitUntil(() -> table(robot).getSortOrder().size() == 1
                && table(robot).getSortOrder().get(0).getId().equals("dateColumn"));
        assertThat(table(robot).getItems()).extracting(HistoryRow::at)
                .isSortedAccordingTo(Comparator.naturalOrder()).doesNotContainNull();
        assertThat(amounts(robot).get(0)).as("the opening top-up first").isEqualTo(100_000L);

        HistoryRow dinner = table(robot).getItems().stream().filter(r -> r.description().equals(DINNER)).findFirst()
                .orElseThrow();
        robot.interact(() -> {
            table(robot).getSelectionModel().select(dinner);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shown(robot, "#refundButton"));

        alt(robot, mnemonic("detail.refund"));
        waitUntil(() -> shown(robot, "#refundAmount") && robot.lookup("#refundAmount").query().isFocused());
        UiSteps.screenshot(receiptWindow(robot), "history-refund-form-" + Texts.locale().getLanguage());
        alt(robot, mnemonic("detail.refund.reason"));
        waitUntil(() -> robot.lookup("#refundReason").query().isFocused());

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> shown(robot, "#refundButton") && !shown(robot, "#refundAmount"));
        assertThat(shown(robot, "#transactionDetail")).as("the first Escape closes the form only").isTrue();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !shown(robot, "#transactionDetail"));
        waitUntil(() -> table(robot).isFocused());   // the keyboard is back on the table
    }
}
