package coffer.server.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How partner webhooks are delivered.
 *
 * @param pollInterval   how often the dispatcher looks for new commits and due retries when nothing
 *                       woke it (commits of other processes sharing the database, retries falling due)
 * @param requestTimeout how long one delivery attempt may take, connecting included
 * @param backoffBase    the wait after the first failed attempt; each further failure doubles it
 * @param backoffCap     the longest wait between two attempts
 * @param maxAttempts    attempts per delivery (and per replay) before it is marked failed
 */
public record WebhookSettings(Duration pollInterval, Duration requestTimeout, Duration backoffBase, Duration backoffCap,
                              int maxAttempts) {
    public WebhookSettings {
        requirePositive(pollInterval, "pollInterval");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** 10 attempts within about 85 minutes: waits of 10 s, 20 s, 40 s, ... 2560 s (the cap is one hour); 10 s per attempt. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofHours(1), 10);
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first) of a round. */
    public Duration backoff(int attempt) {
        Duration wait = backoffBase;
        for (int i = 1; i < attempt && wait.compareTo(backoffCap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffCap) > 0 ? backoffCap : wait;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
