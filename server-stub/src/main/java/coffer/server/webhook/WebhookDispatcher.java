package coffer.server.webhook;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.server.db.Database;
import coffer.server.tenant.Environment;
import coffer.server.ledger.LedgerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Partner webhooks, in passes on one background thread: a pass turns committed movements into events
 * (from the change feed, {@link WebhookStore#createEvents}) and delivers the due ones, signed, retrying
 * failures with exponential backoff. The next pass is scheduled when one ends: at once while the feed has
 * more, else when the next retry falls due or after {@link WebhookSettings#pollInterval()} (for commits of
 * other processes sharing the database), whichever is sooner; this process's ledger commits and a replay
 * bring it forward. Deliveries live in the database, so a restart picks up whatever was due.
 *
 * <p>The partner chooses the URL, so deliveries go only where {@link WebhookTargets} allows: each attempt
 * goes through {@link WebhookClient}, which checks the URL and connects only to addresses that check lets
 * through. A target that is refused fails its delivery at once; the partner can replay it after changing
 * the URL.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String EVENT_ID_HEADER = "Coffer-Event-Id";
    private static final int VERSIONS_PER_PASS = 500;
    private static final int DELIVERIES_PER_PASS = 50;
    /** The shortest time between the starts of two passes. */
    private static final long MIN_PASS_GAP_MS = 50;

    private final LedgerService ledger;

    private final Tenants tenants;
    private final WebhookStore store;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookTargets targets;
    private final WebhookClient client;
    private final ScheduledExecutorService passes;
    private final AutoCloseable commits;
    private volatile boolean running = true;
    private final Object schedule = new Object();
    /** The pass scheduled next, when it is due ({@link System#nanoTime()}), and when the last one started; guarded by schedule. */
    private ScheduledFuture<?> next;
    private long nextAt;
    private long lastStart = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_PASS_GAP_MS);

    private WebhookDispatcher(LedgerService ledger, Tenants tenants, Database database, WebhookSettings settings, Clock clock) {
        this.ledger = ledger;
        this.tenants = tenants;
        this.store = new WebhookStore(database, ledger);
        this.settings = settings;
        this.clock = clock;
        this.targets = new WebhookTargets(settings.allowPrivateTargets(), settings.dns());
        this.client = new WebhookClient(targets, settings.requestTimeout());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "coffer-webhooks");
            t.setDaemon(true);
            return t;
        });
        // a commit brings the next pass forward nearly every time: the one it replaces leaves the queue at once
        executor.setRemoveOnCancelPolicy(true);
        this.passes = executor;
        this.commits = ledger.onCommit(commit -> wake());
    }

    /** Starts the dispatcher: its first pass runs at once. */
    public static WebhookDispatcher start(LedgerService ledger, Tenants tenants, Database database, WebhookSettings settings, Clock clock) {
        WebhookDispatcher d = new WebhookDispatcher(Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(tenants, "tenants"),
                Objects.requireNonNull(database, "database"), Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"));
        if (settings.allowPrivateTargets()) {
            log.info("Partner webhooks may go to loopback, private and link-local addresses ({})", WebhookTargets.FLAG);
        }
        d.wake();
        return d;
    }

    WebhookStore store() {
        return store;
    }

    WebhookTargets targets() {
        return targets;
    }

    Clock clock() {
        return clock;
    }

    /** Looks for new commits and due deliveries now, or as soon as the gap after the last pass allows. */
    void wake() {
        passAfter(0);
    }

    /**
     * Schedules a pass {@code millis} from now, but never sooner than {@link #MIN_PASS_GAP_MS} after the
     * start of the last one: a busy ledger wakes the dispatcher on nearly every commit, one pass per gap is
     * enough, and leaves the (SQLite) write lock to the ledger writer in between. A pass already due sooner
     * stands.
     */
    private void passAfter(long millis) {
        synchronized (schedule) {
            if (!running) {
                return;
            }
            long now = System.nanoTime();
            long at = Math.max(now + TimeUnit.MILLISECONDS.toNanos(millis), lastStart + TimeUnit.MILLISECONDS.toNanos(MIN_PASS_GAP_MS));
            if (next != null && nextAt - at <= 0) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            nextAt = at;
            try {
                next = passes.schedule(this::pass, Math.max(0, at - now), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closing
                next = null;
            }
        }
    }

    private void pass() {
        synchronized (schedule) {
            // from here on a wake schedules the pass after this one
            next = null;
            lastStart = System.nanoTime();
        }
        boolean more = false;
        try {
            more = store.createEvents(clock.instant(), VERSIONS_PER_PASS).more();
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Partner webhooks: a pass failed; will try again", e);
        }
        passAfter(more ? 0 : untilNext().toMillis());
    }

    /** The poll interval, or less when a delivery falls due sooner. */
    private Duration untilNext() {
        Duration wait = settings.pollInterval();
        try {
            Optional<Instant> due = store.nextDue();
            if (due.isPresent()) {
                Duration untilDue = Duration.between(clock.instant(), due.get());
                if (untilDue.compareTo(wait) < 0) {
                    wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Partner webhooks: could not read the next due time", e);
        }
        return wait;
    }

    private void deliverDue() {
        for (WebhookStore.Due due : store.due(clock.instant(), DELIVERIES_PER_PASS)) {
            if (!running) {
                return;
            }
            // should this process stop mid-attempt, the delivery is due again once the attempt surely ended
            if (store.claim(due, clock.instant().plus(settings.requestTimeout().multipliedBy(3)))) {
                attempt(due);
            }
        }
    }

    private void attempt(WebhookStore.Due due) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        String url = tenants.environment(new EnvId(due.envId())).map(Environment::webhookUrl).orElse(null);
        List<String> secrets = tenants.secrets(new EnvId(due.envId()));
        WebhookClient.Outcome sent = client.send(url, secrets, due.eventId(), due.payload().getBytes(StandardCharsets.UTF_8),
                clock.instant());
        if (sent.unanswered() && !running) {
            // stopping: the attempt does not count; the delivery falls due again when its claim runs out
            return;
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        Delivery.Attempt attempt = new Delivery.Attempt(0, started, url == null ? "" : url, sent.status(), sent.error(), durationMs);
        int round = due.roundAttempts() + 1;
        if (sent.acknowledged()) {
            store.recordAttempt(due.id(), attempt, WebhookStore.DELIVERED, null);
        } else if (sent.refused() || round >= settings.maxAttempts()) {
            store.recordAttempt(due.id(), attempt, WebhookStore.FAILED, null);
            log.info("Partner webhook {} of environment {} failed after {} attempt(s): {}", due.eventId(), due.envId(), round,
                    sent.error());
        } else {
            store.recordAttempt(due.id(), attempt, WebhookStore.PENDING, clock.instant().plus(settings.backoff(round)));
        }
    }

    /** Stops the thread (an attempt in flight is cut short and retried after the next start). */
    @Override
    public void close() {
        running = false;
        try {
            commits.close();
        } catch (Exception e) {
            log.debug("Removing the commit listener failed", e);
        }
        client.cancelAll();
        passes.shutdownNow();
        try {
            passes.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
