package coffer.app.diagnostics;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a failure nobody caught ends up, on any thread: it is logged with its stack trace, then shown in
 * the crash dialog on the UI thread ({@link CrashViewModel}, {@link CrashView}).
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private final Logger log;
    private final Executor uiThread;
    private final CrashViewModel dialog;

    /** @param uiThread runs the dialog's updates on the UI thread ({@code Platform::runLater}) */
    CrashReporter(Logger log, Executor uiThread, CrashViewModel dialog) {
        this.log = Objects.requireNonNull(log, "log");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.dialog = Objects.requireNonNull(dialog, "dialog");
    }

    /**
     * Sends every uncaught failure, the FX thread's and any other thread's, to the log and the crash dialog;
     * call on the FX thread, first thing in the application's {@code start}.
     */
    public static void install() {
        CrashViewModel dialog = new CrashViewModel(LogSetup.file());
        CrashView.whenNeeded(dialog);
        CrashReporter reporter = new CrashReporter(LoggerFactory.getLogger(CrashReporter.class), Platform::runLater, dialog);
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        Thread.currentThread().setUncaughtExceptionHandler(reporter);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        log.error("Uncaught exception on thread {}", thread.getName(), failure);
        if (fromTheDialog(failure)) {
            return; // showing it would fail the same way again, and again
        }
        String name = thread.getName();
        try {
            uiThread.execute(() -> show(name, failure));
        } catch (RuntimeException e) {
            log.warn("The crash dialog cannot be shown (the UI is not running): {}", e.toString());
        }
    }

    private void show(String thread, Throwable failure) {
        try {
            dialog.report(thread, failure);
        } catch (RuntimeException | LinkageError e) {
            log.error("The crash dialog failed", e);
        }
    }

    private static boolean fromTheDialog(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith(CrashView.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
