package coffer.app.sync;

import coffer.app.api.EventStream;
import coffer.app.api.EventsApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the server announces while a user is signed in. Each {@code ready} or {@code changed} event on the
 * event stream asks the local ledger's sync to run; after each sync that brought changes, money that
 * arrived is announced ("Received 25.00 USD from bob@example.com") and the screen on show refreshes.
 * Events carry only the server's latest commit number: the feed is the truth.
 */
public final class LiveEventsViewModel {
    private final EventsApi api;
    private final BackgroundExecutor executor;
    private final Runnable onChanged;
    /** The local ledger's sync that events trigger. */
    private final SyncViewModel localSync;
    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
    private final ReadOnlyStringWrapper announcementWrapper = new ReadOnlyStringWrapper("");
    /** The latest news for the status bar, such as "Received 25.00 USD from bob@example.com". */
    public final ReadOnlyStringProperty announcement = announcementWrapper.getReadOnlyProperty();
    /** Incoming movements announced already: the feed repeats a movement whose status changes. */
    private final Set<String> announced = new HashSet<>();
    private volatile EventStream stream;
    private volatile boolean caughtUp;
    private Consumer<List<TransactionView>> onArrivals = arrived -> { };

    /**
     * Each event asks {@code localSync} to sync the local ledger; after each sync the movements it brought
     * in are announced and {@code onChanged} runs (on the UI thread).
     */
    public LiveEventsViewModel(EventsApi api, BackgroundExecutor executor, SyncViewModel localSync, Runnable onChanged) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onChanged = Objects.requireNonNull(onChanged, "onChanged");
        this.localSync = Objects.requireNonNull(localSync, "localSync");
        localSync.onSynced(report -> {
            if (stream == null) {
                return;
            }
            boolean first = !caughtUp;
            if (caughtUp) {
                announce(report.received());
            }
            caughtUp = true;
            // a timer's sync that found nothing new leaves the screen as the user has it (scroll, selection)
            if (first || report.rows() > 0) {
                onChanged.run();
            }
        });
    }

    /** Starts listening; the first sync after it only catches up (old news is not announced). */
    public void start() {
        stop();
        caughtUp = false;
        stream = api.eventsWithData((event, data) -> executor.schedule(Duration.ZERO, () -> {
            if (stream == null || !("changed".equals(event) || "ready".equals(event))) {
                return;
            }
            Matcher seq = SEQ.matcher(data);
            if (seq.find()) {
                localSync.announceTarget(Long.parseLong(seq.group(1)));
            }
            localSync.request();
        }));
    }

    /** Whether a sync has caught up once since {@link #start()}: only later news is announced. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Stops listening (sign-out). */
    public void stop() {
        EventStream running = stream;
        stream = null;
        if (running != null) {
            running.close();
        }
    }

    /** Announces money that arrived ({@link Arrivals}), each movement once, and tells {@link #onArrivals} of it. */
    private void announce(List<TransactionView> received) {
        List<TransactionView> arrived = new ArrayList<>();
        for (TransactionView t : received) {
            if (Arrivals.moneyIn(t) && announced.add(t.id())) {
                announcementWrapper.set(Arrivals.words(t));
                arrived.add(t);
            }
        }
        if (!arrived.isEmpty()) {
            onArrivals.accept(List.copyOf(arrived));
        }
    }

    /** Runs on the UI thread with the money each sync after the first brought in (never what the first caught up on). */
    public void onArrivals(Consumer<List<TransactionView>> listener) {
        this.onArrivals = Objects.requireNonNull(listener, "listener");
    }
}
