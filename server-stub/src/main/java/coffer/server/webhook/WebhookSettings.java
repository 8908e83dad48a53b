package coffer.server.webhook;

import okhttp3.Dns;

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
 * @param allowPrivateTargets let partners' webhook URLs name loopback, private, link-local and other
 *                       non-public addresses ({@code serve --allow-private-webhooks}); off by default, so a
 *                       partner cannot make Coffer call into the network it runs in
 * @param dns            resolves the host names of webhook URLs (the system's resolver; tests give their own)
 */
public record WebhookSettings(Duration pollInterval, Duration requestTimeout, Duration backoffBase, Duration backoffCap,
                              int maxAttempts, boolean allowPrivateTargets, Dns dns) {
    public WebhookSettings {
        Objects.requireNonNull(dns, "dns");
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

    /** Public targets only, resolved by the system's resolver. */
    public WebhookSettings(Duration pollInterval, Duration requestTimeout, Duration backoffBase, Duration backoffCap,
                           int maxAttempts) {
        this(pollInterval, requestTimeout, backoffBase, backoffCap, maxAttempts, false, Dns.SYSTEM);
    }

    /** 10 attempts within about 85 minutes: waits of 10 s, 20 s, 40 s, ... 2560 s (the cap is one hour); 10 s per attempt. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofHours(1), 10);
    }

    /** These settings, letting webhook URLs name non-public addresses too. */
    public WebhookSettings allowingPrivateTargets() {
        return new WebhookSettings(pollInterval, requestTimeout, backoffBase, backoffCap, maxAttempts, true, dns);
    }

    /** These settings, resolving webhook hosts through {@code resolver}. */
    public WebhookSettings resolvingWith(Dns resolver) {
        return new WebhookSettings(pollInterval, requestTimeout, backoffBase, backoffCap, maxAttempts, allowPrivateTargets,
                resolver);
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
