package coffer.app.shell;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.AppWindow;
import coffer.app.UiSteps;
import coffer.app.local.LocalDatabase;
import coffer.app.offline.SessionStore;
import coffer.app.settings.AppSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Statement;
import javafx.scene.control.Label;
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
 * The real window started with the configured server unreachable and a remembered session: it opens
 * for that user with the offline banner, and a payment made then shows as queued.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineStartUiTest {
    @RegisterExtension
    final AppWindow window = new AppWindow();

    @TempDir
    Path home;

    @Start
    void start(Stage stage) throws IOException {
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
                    return s.executeUpdate("INSERT INTO wallets VALUES ('wal_1', 'USD', 100000, 100000, 0, 'active', 1, NULL)");
                }
            });
        }
        window.open(stage, settings, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void theAppOpensOfflineForTheLastUserAndQueuesAPayment(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#offlineBanner").query().isVisible());
        assertThat(text(robot, "#offlineBanner"))
                .matches("Offline since \\d{1,2}:\\d\\d[^—]* — showing your last synced data; operations are queued");
        assertThat(robot.lookup("#email").tryQuery()).as("not the sign-in screen").isEmpty();

        UiSteps.reviewPayment(robot, "bob@example.com", "25.00");
        robot.clickOn("#confirmButton");

        waitUntil(() -> text(robot, "#paymentStatus").startsWith("Queued"));
        assertThat(text(robot, "#paymentStatus"))
                .isEqualTo("Queued — will be sent when Coffer is reachable: 25.00 USD to bob@example.com");
        waitUntil(() -> !robot.lookup("#unfinishedRow").queryAll().isEmpty());
        assertThat(robot.lookup("#unfinishedRow").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Queued — will be sent when Coffer is reachable: Payment of 25.00 USD to bob@example.com");
        UiSteps.screenshot(window.stage(), "offline-queued");
    }
}
