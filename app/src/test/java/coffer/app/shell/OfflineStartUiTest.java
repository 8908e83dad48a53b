package coffer.app.shell;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.UiSteps;
import coffer.app.concurrent.FxBackgroundExecutor;
import coffer.app.local.LocalDatabase;
import coffer.app.offline.SessionStore;
import coffer.app.settings.AppSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The real window started with the configured server unreachable and a remembered session: it opens
 * for that user with the offline banner, and a payment made then shows as queued.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineStartUiTest {
    @TempDir
    Path home;
    private FxBackgroundExecutor executor;
    private AppViewModel app;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        String nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = "http://localhost:" + socket.getLocalPort();
        }
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl(nobodyListens);
        SessionStore sessions = new SessionStore(home);
        sessions.save(new SessionStore.Saved(nobodyListens, "alice@example.com", "remembered-refresh-token"));
        try (LocalDatabase db = LocalDatabase.open(sessions.localDatabase(nobodyListens, "alice@example.com"))) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO wallets VALUES ('wal_1', 'USD', 100000, 100000, 0, 'active', 1)");
                }
            });
        }
        executor = new FxBackgroundExecutor();
        app = new AppViewModel(executor, settings, home.resolve("embedded"), Duration.ofMillis(100));
        MainView.show(stage, app);
    }

    @Stop
    void stop() {
        app.close();
        executor.close();
    }

    @Test
    void theAppOpensOfflineForTheLastUserAndQueuesAPayment(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#offlineBanner").query().isVisible());
        assertThat(text(robot, "#offlineBanner"))
                .matches("Offline since \\d\\d:\\d\\d — showing your last synced data; operations are queued");
        assertThat(robot.lookup("#email").tryQuery()).as("not the sign-in screen").isEmpty();

        robot.clickOn("#navSend");
        waitUntil(() -> robot.lookup("#sourceWallet").tryQuery().isPresent()
                && !robot.lookup("#sourceWallet").queryComboBox().getItems().isEmpty());
        robot.clickOn("#destination").write("bob@example.com");
        robot.clickOn("#amount").write("25.00");
        robot.clickOn("#reviewButton");
        waitUntil(() -> robot.lookup("#confirmButton").query().isVisible());
        robot.clickOn("#confirmButton");

        waitUntil(() -> text(robot, "#paymentStatus").startsWith("Queued"));
        assertThat(text(robot, "#paymentStatus"))
                .isEqualTo("Queued — will be sent when Coffer is reachable: 25.00 USD to bob@example.com");
        waitUntil(() -> robot.lookup("#unfinishedOperations").query().isVisible());
        assertThat(robot.lookup("#unfinishedRow").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Queued — will be sent when Coffer is reachable: Payment of 25.00 USD to bob@example.com");
        UiSteps.screenshot(stage, "offline-queued");
    }
}
