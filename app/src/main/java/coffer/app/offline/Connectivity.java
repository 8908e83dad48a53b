package coffer.app.offline;

import coffer.app.concurrent.BackgroundExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether Coffer can be reached: online, or offline since an instant. Driven by what API calls saw
 * ({@link #reachable()} / {@link #unreachable()}, from any thread) and, while offline, by probes of the
 * server's {@code /health} with backoff. Listeners hear each change on the UI thread.
 */
public final class Connectivity {
    static final Duration FIRST_PROBE = Duration.ofSeconds(1);
    static final Duration MAX_PROBE = Duration.ofSeconds(30);

    private final BackgroundExecutor executor;
    private final Callable<?> probe;
    private final Clock clock;
    private final List<Consumer<Optional<Instant>>> listeners = new CopyOnWriteArrayList<>();
    private Instant offlineSince;
    private boolean probing;
    private boolean stopped;
    private Duration nextProbe = FIRST_PROBE;

    /** {@code probe} succeeds when the server is up (the app's: {@code GET /health}); it runs in the background. */
    public Connectivity(BackgroundExecutor executor, Callable<?> probe, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Told on the UI thread: empty when Coffer is reachable again, else since when it is not. */
    public void addListener(Consumer<Optional<Instant>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Empty while online; the instant the server was first found unreachable while offline. */
    public synchronized Optional<Instant> offlineSince() {
        return Optional.ofNullable(offlineSince);
    }

    public boolean online() {
        return offlineSince().isEmpty();
    }

    /** No more probes or news (the app closes, or connects elsewhere); a probe under way is ignored. */
    public synchronized void stop() {
        stopped = true;
    }

    private synchronized boolean stopped() {
        return stopped;
    }

    /** The server answered a call (whatever it said). */
    public void reachable() {
        synchronized (this) {
            if (offlineSince == null) {
                return;
            }
            offlineSince = null;
            nextProbe = FIRST_PROBE;
        }
        tell(Optional.empty());
    }

    /** A call could not reach the server: offline from now, and probing starts. */
    public void unreachable() {
        Instant since;
        synchronized (this) {
            if (offlineSince != null) {
                return;
            }
            offlineSince = clock.instant();
            since = offlineSince;
        }
        tell(Optional.of(since));
        scheduleProbe();
    }

    private void tell(Optional<Instant> state) {
        if (stopped()) {
            return;
        }
        executor.schedule(Duration.ZERO, () -> listeners.forEach(l -> l.accept(state)));
    }

    private void scheduleProbe() {
        Duration wait;
        synchronized (this) {
            if (probing || offlineSince == null || stopped) {
                return;
            }
            probing = true;
            wait = nextProbe;
            nextProbe = nextProbe.multipliedBy(2).compareTo(MAX_PROBE) > 0 ? MAX_PROBE : nextProbe.multipliedBy(2);
        }
        executor.schedule(wait, () -> {
            if (stopped()) {
                probeDone();
                return;
            }
            executor.submit(probe, up -> {
                probeDone();
                reachable();
            }, down -> {
                probeDone();
                scheduleProbe();
            });
        });
    }

    private synchronized void probeDone() {
        probing = false;
    }
}
