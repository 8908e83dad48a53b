package coffer.app.home;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import coffer.app.Payments;
import coffer.app.UiSteps;
import coffer.app.api.ApiClient;
import coffer.app.format.Amounts;
import coffer.app.format.Times;
import coffer.app.settings.AppSettings;
import coffer.app.shell.Screen;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.money.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home in the real window against a server on loopback, where alice holds two USD wallets and a EUR one and bob
 * paid her: the totals per currency, the latest movements in words and local time, a sync that brings news, and
 * the quick actions.
 */
@ExtendWith(ApplicationExtension.class)
class HomeUiTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();
    /** UTC-6 all year, so a time shown in UTC would be off by six hours. */
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    private TimeZone systemZone;

    /** Alice opens a EUR wallet and a second USD wallet, moves 200.00 USD into it, and bob pays her 25.00 USD. */
    @BeforeAll
    static void aliceHasSeveralWallets() throws Exception {
        ApiClient alice = SERVER.signedIn(ALICE);
        String first = alice.accounts().get(0).id();
        alice.openAccount("EUR");
        String second = alice.openAccount("USD", true).id();
        alice.transfer(UUID.randomUUID().toString(), new TransferRequest(first, second, "200.00", "USD", "Savings"));
        Payments.completed(SERVER.signedIn(BOB), ALICE, "25.00", "Lunch");
    }

    @Start
    void start(Stage stage) {
        systemZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(MEXICO));
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl(SERVER.baseUrl());
        window.open(stage, settings, home);
    }

    @Stop
    void stop() {
        try {
            window.close();
        } finally {
            TimeZone.setDefault(systemZone);
        }
    }

    /** What the server says alice has available, summed per currency and formatted. */
    private static Map<String, String> availableByCurrency() {
        Map<String, Money> sums = new TreeMap<>();
        for (AccountView wallet : SERVER.signedIn(ALICE).accounts()) {
            sums.merge(wallet.currency(), Money.parse(wallet.availableBalance(), wallet.currency()), Money::plus);
        }
        Map<String, String> shown = new TreeMap<>();
        sums.forEach((currency, sum) -> shown.put(currency, Amounts.format(sum)));
        return shown;
    }

    private static boolean totalShows(FxRobot robot, String currency, String amount) {
        return robot.lookup("#homeTotal" + currency).tryQuery().isPresent() && text(robot, "#homeTotal" + currency).equals(amount);
    }

    private static TableView<RecentMovement> recent(FxRobot robot) {
        return robot.lookup("#homeRecent").queryTableView();
    }

    @Test
    void theTotalsPerCurrencyAreTheWalletsBalancesAndASyncBringsTheNews(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, ALICE);
        assertThat(window.app().navigation().screen.get()).as("a signed-in user lands on Home").isEqualTo(Screen.HOME);

        Map<String, String> expected = availableByCurrency();
        assertThat(expected).containsEntry("USD", "1,025.00 USD").containsEntry("EUR", "0.00 EUR");
        waitUntil(() -> expected.entrySet().stream().allMatch(e -> totalShows(robot, e.getKey(), e.getValue())));
        UiSteps.screenshot(window.stage(), "home-totals");

        // news that lands in one commit (a payment's pending and completed states may reach the copy separately)
        ApiClient alice = SERVER.signedIn(ALICE);
        alice.openAccount("GBP");
        List<AccountView> usd = alice.accounts().stream().filter(w -> w.currency().equals("USD")).toList();
        alice.transfer(UUID.randomUUID().toString(),
                new TransferRequest(usd.get(0).id(), usd.get(1).id(), "10.00", "USD", "Rainy day"));

        waitUntil(() -> totalShows(robot, "GBP", "0.00 GBP"));
        waitUntil(() -> !recent(robot).getItems().isEmpty() && recent(robot).getItems().get(0).amount().endsWith("10.00 USD"));
        assertThat(recent(robot).getItems().get(0).kind()).isEqualTo("Transfer");
        assertThat(text(robot, "#homeTotalUSD")).as("money moved between her own wallets").isEqualTo("1,025.00 USD");
    }

    /**
     * A payment is made pending and then settled in two commits close together, so its second event usually asks for
     * a sync while the first one's runs. Each payment must still reach the screen on show, while alice just watches.
     */
    @Test
    void everyPaymentFromAnotherUserReachesTheTotalWhileTheUserWatches(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, ALICE);
        ApiClient bob = SERVER.signedIn(BOB);
        for (int i = 1; i <= 4; i++) {
            Payments.completed(bob, ALICE, "1.0" + i, "Watched " + i);
            String expected = availableByCurrency().get("USD");
            waitUntil(() -> totalShows(robot, "USD", expected));
        }
    }

    @Test
    void aRecentMovementShowsItsKindInWordsAndItsLocalTime(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, ALICE);
        TransactionView paid = SERVER.signedIn(ALICE).transactions(Map.of("limit", "5")).transactions().stream()
                .filter(t -> t.kind().equals("p2p")).findFirst().orElseThrow();

        waitUntil(() -> recent(robot).getItems().stream().anyMatch(a -> a.id().equals(paid.id())));
        RecentMovement row = recent(robot).getItems().stream().filter(a -> a.id().equals(paid.id())).findFirst().orElseThrow();
        Instant made = Instant.parse(paid.createdAt());
        assertThat(row.kind()).isEqualTo("Sent to a person");
        assertThat(row.amount()).isEqualTo("+25.00 USD");
        assertThat(row.when()).isEqualTo(Times.dateTime(made, MEXICO)).isNotEqualTo(Times.dateTime(made, ZoneId.of("UTC")));
        assertThat(recent(robot).getItems()).as("the last few, newest first").hasSizeLessThanOrEqualTo(5)
                .extracting(RecentMovement::kind).contains("Transfer");
        waitUntil(() -> robot.lookup("#homeRecent .table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(cell -> row.when().equals(cell.getText())));
    }

    @Test
    void theQuickActionsAndTheShortcutOpenTheirScreens(FxRobot robot) throws Exception {
        UiSteps.signInToHome(robot, ALICE);

        robot.clickOn("#homeReceive");
        waitUntil(() -> robot.lookup("#receiveWalletId").tryQuery().isPresent());
        assertThat(window.app().navigation().screen.get()).isEqualTo(Screen.RECEIVE);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#homeTopup").tryQuery().isPresent());
        robot.clickOn("#homeTopup");
        waitUntil(() -> window.app().navigation().screen.get() == Screen.TOPUP);

        robot.clickOn("#navHome");
        waitUntil(() -> robot.lookup("#homeHistory").tryQuery().isPresent());
        robot.clickOn("#homeHistory");
        waitUntil(() -> robot.lookup("#historyTable").tryQuery().isPresent());
    }
}
