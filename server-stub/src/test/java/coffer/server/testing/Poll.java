package coffer.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something that happens in the background (a webhook, a pending payout), with a deadline instead of a sleep. */
public final class Poll {
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Poll() {
    }

    /** Asks {@code probe} until {@code done} holds or 20 s pass; answers the last value either way. */
    public static <T> T until(Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(DEFAULT);
        while (true) {
            T value = probe.get();
            if (done.test(value) || Instant.now().isAfter(deadline)) {
                return value;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
        }
    }
}
