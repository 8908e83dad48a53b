package coffer.app;

import java.time.Duration;
import java.time.Instant;

/** An assertion about something that happens in the background, polled until it holds or the deadline passes. */
public final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** An assertion that may throw. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void holds(Check check) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e instanceof AssertionError a ? a : new AssertionError(e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
