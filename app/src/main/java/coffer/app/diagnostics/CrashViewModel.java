package coffer.app.diagnostics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

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

    private final ReadOnlyBooleanWrapper showingWrapper = new ReadOnlyBooleanWrapper();
    /** True while the dialog is open. */
    public final ReadOnlyBooleanProperty showing = showingWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper("");
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper countWrapper = new ReadOnlyStringWrapper("");
    /** How many failures the open dialog stands for; empty for one. */
    public final ReadOnlyStringProperty count = countWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper detailsWrapper = new ReadOnlyStringWrapper("");
    public final ReadOnlyStringProperty details = detailsWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper copiedWrapper = new ReadOnlyBooleanWrapper();
    /** True once the details were copied, until the dialog closes. */
    public final ReadOnlyBooleanProperty copied = copiedWrapper.getReadOnlyProperty();
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
            messageWrapper.set(failure instanceof OutOfMemoryError ? OUT_OF_MEMORY : MESSAGE);
        }
        int hidden = problems.size() - MAX_DETAILED;
        detailsWrapper.set(hidden > 0 ? shown + "\n... and " + hidden + " more different problem(s): see the log file.\n"
                : shown.toString());
        countWrapper.set(failures == 1 ? "" : "This happened " + failures + " times since this message opened"
                + (problems.size() == 1 ? "." : " (" + problems.size() + " different problems)."));
        copiedWrapper.set(false);
        showingWrapper.set(true);
    }

    /** The user closed the dialog: the next failure opens it afresh. */
    public void dismissed() {
        showingWrapper.set(false);
        failures = 0;
        problems.clear();
        shown.setLength(0);
        copiedWrapper.set(false);
    }

    /** The details, for the clipboard. */
    public String copyDetails() {
        copiedWrapper.set(true);
        return details.get();
    }

    public String headline() {
        return HEADLINE;
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
