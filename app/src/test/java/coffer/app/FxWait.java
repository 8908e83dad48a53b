package coffer.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the window in UI tests: conditions polled on the FX thread with a deadline, never a sleep. */
public final class FxWait {
    private static final long DEADLINE_SECONDS = 30;

    private FxWait() {
    }

    /** Polls {@code condition} on the FX thread until it holds, failing after the deadline. */
    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** The text of the label or button {@code query} finds. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
