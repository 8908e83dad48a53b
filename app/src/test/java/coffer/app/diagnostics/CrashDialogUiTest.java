package coffer.app.diagnostics;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.UiSteps;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An exception nobody caught on the FX thread opens one crash dialog: the message, the details to copy, Close. */
@ExtendWith(ApplicationExtension.class)
class CrashDialogUiTest {
    private Thread.UncaughtExceptionHandler before;

    /** As {@code CrashReporter.install()}, on the FX thread only, so no other test's failures open the dialog. */
    @Start
    void start(Stage stage) {
        CrashViewModel viewModel = new CrashViewModel(LogSetup.file());
        CrashView.whenNeeded(viewModel);
        before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler(
                new CrashReporter(LoggerFactory.getLogger(CrashReporter.class), Platform::runLater, viewModel));
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(before);
            crashDialogs().forEach(Window::hide);
        }).get();
    }

    private static List<Window> crashDialogs() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane
                        && "crashDialog".equals(pane.getId()))
                .toList();
    }

    private static void failOnTheFxThread(String message) {
        Platform.runLater(() -> {
            throw new IllegalStateException(message);
        });
    }

    @Test
    void anExceptionOnTheFxThreadShowsTheDialogAndCopyDetailsPutsTheStackTraceOnTheClipboard(FxRobot robot)
            throws Exception {
        failOnTheFxThread("the history page came without a cursor");

        waitUntil(() -> robot.lookup("#crashDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#crashDialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Coffer ran into an unexpected problem");
        assertThat(text(robot, "#crashMessage")).startsWith("What you were doing may not have finished.");
        assertThat(text(robot, "#crashLogFile")).isEqualTo("Everything is also in the log file: " + LogSetup.file());
        assertThat(pane.isExpanded()).as("the details start collapsed").isFalse();

        robot.clickOn("#copyDetails");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).contains("java.lang.IllegalStateException: the history page came without a cursor",
                "\tat " + CrashDialogUiTest.class.getName() + ".lambda$failOnTheFxThread$");
        assertThat(text(robot, "#copyDetails")).isEqualTo("Copied");
        assertThat(crashDialogs()).as("copying leaves the dialog open").hasSize(1);

        robot.clickOn("Show Details");
        waitUntil(() -> robot.lookup("#crashDetails").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#crashDetails").queryAs(TextArea.class).getText()).isEqualTo(copied);
        UiSteps.screenshot((Stage) crashDialogs().get(0), "crash-dialog");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> crashDialogs().isEmpty());
    }

    @Test
    void aBurstOfFailuresIsCountedInOneDialog(FxRobot robot) throws Exception {
        for (int i = 0; i < 25; i++) {
            failOnTheFxThread("row " + i + " has no amount");
        }

        waitUntil(() -> robot.lookup("#crashCount").tryQuery().isPresent()
                && text(robot, "#crashCount").equals("This happened 25 times since this message opened."));
        assertThat(crashDialogs()).hasSize(1);

        robot.clickOn("Close");
        waitUntil(() -> crashDialogs().isEmpty());
        failOnTheFxThread("after closing");
        waitUntil(() -> crashDialogs().size() == 1);
        assertThat(robot.lookup("#crashCount").tryQuery().map(n -> n.isVisible()).orElse(false))
                .as("a fresh dialog counts from one again").isFalse();
    }
}
