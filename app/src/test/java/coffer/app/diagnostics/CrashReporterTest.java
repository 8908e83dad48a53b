package coffer.app.diagnostics;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** An uncaught failure on any thread is logged with its stack trace, then handed to the dialog on the UI thread. */
class CrashReporterTest {
    @TempDir
    Path home;
    private final LoggerContext logging = LogSetupTest.separateContext();
    private final CrashViewModel dialog = new CrashViewModel(Path.of("coffer.log"));
    private final List<Runnable> uiThread = new ArrayList<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream original = System.err;

    private CrashReporter reporter(Executor ui) {
        LogSetup.configure(logging, home);
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new CrashReporter(logging.getLogger(CrashReporter.class), ui, dialog);
    }

    @AfterEach
    void restore() {
        logging.stop();
        System.setErr(original);
    }

    private String logFile() throws Exception {
        logging.stop();
        return Files.readString(home.resolve(LogSetup.FILE_NAME));
    }

    @Test
    void aFailureOnABackgroundThreadIsLoggedWithItsStackTraceAndShownOnTheUiThread() throws Exception {
        CrashReporter reporter = reporter(uiThread::add);
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("the outbox entry had no wallet");
        }, "coffer-app-io-3");
        worker.setUncaughtExceptionHandler(reporter);
        worker.start();
        worker.join();

        assertThat(dialog.showing.get()).as("not before the UI thread runs it").isFalse();
        assertThat(uiThread).hasSize(1);
        uiThread.get(0).run();
        assertThat(dialog.showing.get()).isTrue();
        assertThat(dialog.details.get()).contains("Thread: coffer-app-io-3",
                "java.lang.IllegalStateException: the outbox entry had no wallet");

        assertThat(logFile()).contains("ERROR [coffer-app-io-3] coffer.app.diagnostics.CrashReporter - "
                        + "Uncaught exception on thread coffer-app-io-3",
                "java.lang.IllegalStateException: the outbox entry had no wallet",
                "\tat " + CrashReporterTest.class.getName());
    }

    @Test
    void withTheUiGoneTheFailureIsStillLoggedAndNothingIsThrown() throws Exception {
        CrashReporter reporter = reporter(task -> {
            throw new RejectedExecutionException("Toolkit has exited");
        });

        assertThatCode(() -> reporter.uncaughtException(Thread.currentThread(), new IllegalStateException("late")))
                .doesNotThrowAnyException();
        assertThat(logFile()).contains("java.lang.IllegalStateException: late",
                "The crash dialog cannot be shown (the UI is not running)");
    }

    @Test
    void aFailureOfTheDialogItselfIsOnlyLoggedSoItCannotFailOverAndOver() throws Exception {
        CrashReporter reporter = reporter(Runnable::run);
        IllegalStateException copyFailed = new IllegalStateException("the clipboard is not available");
        copyFailed.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(CrashView.class.getName(), "lambda$initialize$1", "CrashView.java", 60)});

        reporter.uncaughtException(Thread.currentThread(), copyFailed);

        assertThat(dialog.showing.get()).isFalse();
        assertThat(logFile()).contains("java.lang.IllegalStateException: the clipboard is not available");
    }
}
