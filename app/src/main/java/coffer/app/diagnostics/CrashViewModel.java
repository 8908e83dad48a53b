package coffer.app.diagnostics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the crash dialog shows for failures nobody caught: a short message for people, the details (thread,
 * exception class, message, stack trace) to copy into a report, and where the log file is. One dialog at a
 * time: failures that arrive while it is open are counted in it, and the details keep the first
 * {@value #MAX_DETAILED} different problems (the same exception thrown from the same place is one problem).
 * Every method runs on the UI thread.
 */
public final class CrashViewModel {
    static final int MAX_DETAILED = 3;
    static final String HEADLINE = "Coffer ran into an unexpected problem";
    static final String MESSAGE = "What you were doing may not have finished. You can go on working; if something "
            + "looks wrong, restart Coffer. The details help to find the cause.";
    static final String OUT_OF_MEMORY = "Coffer ran out of memory. Close it and start it again.";

    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final BooleanProperty copied = new SimpleBooleanProperty();
    private final String logFileLine;
    private final List<String> problems = new ArrayList<>();
    private final StringBuilder shown = new StringBuilder();
    private int failures;

    /** @param logFile where the log file is, named in the dialog */
    public CrashViewModel(Path logFile) {
        this.logFileLine = "Everything is also in the log file: " + Objects.requireNonNull(logFile, "logFile");
    }

    /** A failure nobody caught, on the thread named {@code thread}: opens the dialog, or counts it in the open one. */
    public void report(String thread, Throwable failure) {
        failures++;
        String problem = signature(failure);
        if (!problems.contains(problem)) {
            problems.add(problem);
            if (problems.size() <= MAX_DETAILED) {
                shown.append(shown.length() == 0 ? environment() : "\n").append("Thread: ").append(thread).append('\n')
                        .append(stackTrace(failure));
            }
        }
        if (failures == 1 || failure instanceof OutOfMemoryError) {
            message.set(failure instanceof OutOfMemoryError ? OUT_OF_MEMORY : MESSAGE);
        }
        int hidden = problems.size() - MAX_DETAILED;
        details.set(hidden > 0 ? shown + "\n... and " + hidden + " more different problem(s): see the log file.\n"
                : shown.toString());
        count.set(failures == 1 ? "" : "This happened " + failures + " times since this message opened"
                + (problems.size() == 1 ? "." : " (" + problems.size() + " different problems)."));
        copied.set(false);
        showing.set(true);
    }

    /** The user closed the dialog: the next failure opens it afresh. */
    public void dismissed() {
        showing.set(false);
        failures = 0;
        problems.clear();
        shown.setLength(0);
        copied.set(false);
    }

    /** The details, for the clipboard. */
    public String copyDetails() {
        copied.set(true);
        return details.get();
    }

    /** True while the dialog is open. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing;
    }

    public String headline() {
        return HEADLINE;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** How many failures the open dialog stands for; empty for one. */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    /** True once the details were copied, until the dialog closes. */
    public ReadOnlyBooleanProperty copiedProperty() {
        return copied;
    }

    public String logFileLine() {
        return logFileLine;
    }

    /** The same exception class thrown from the same place is the same problem, whatever its message says. */
    static String signature(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return failure.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : ": " + failure.getMessage());
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out, true));
        return out.toString();
    }

    private static String environment() {
        return "Coffer app on Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")\n";
    }
}
