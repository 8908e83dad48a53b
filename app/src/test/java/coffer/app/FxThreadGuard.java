package coffer.app;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * The app's UI-thread test for its API client ({@code Platform::isFxApplicationThread}), counting how
 * often the client asked and how often it was on the FX thread: UI tests pass it to the app and check
 * afterwards that the guard was on (asked) and never had to refuse.
 */
public final class FxThreadGuard implements BooleanSupplier {
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong onFxThread = new AtomicLong();

    @Override
    public boolean getAsBoolean() {
        asked.incrementAndGet();
        boolean fx = Platform.isFxApplicationThread();
        if (fx) {
            onFxThread.incrementAndGet();
        }
        return fx;
    }

    /** How many requests the client checked. */
    public long asked() {
        return asked.get();
    }

    /** Fails unless the guard checked at least one request and refused none: the test ran with it on. */
    public void assertCheckedAndNeverRefused() {
        if (asked() == 0) {
            throw new AssertionError("the API client never asked the FX-thread guard: it was not on");
        }
        if (refused() != 0) {
            throw new AssertionError(refused() + " API call(s) were made on the FX thread and refused");
        }
    }

    /** How many requests were refused for being made on the FX thread. */
    public long refused() {
        return onFxThread.get();
    }
}
