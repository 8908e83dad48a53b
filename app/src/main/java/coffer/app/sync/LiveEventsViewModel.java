package coffer.app.sync;

import coffer.app.api.ApiClient;
import coffer.app.api.EventStream;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Amounts;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the server announces while a user is signed in. Each {@code changed} event on the event stream
 * reads the change feed from where it last stopped, announces money that arrived ("Received 25.00 USD
 * from bob@example.com") and tells the screen on show to refresh. Events carry no data: the feed is
 * the truth.
 */
public final class LiveEventsViewModel {
    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final Runnable onChanged;
    /** The local ledger's sync that events trigger; null: the feed is read here, for announcements only. */
    private final SyncViewModel localSync;
    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
    private final StringProperty announcement = new SimpleStringProperty("");
    /** Incoming movements announced already: the feed repeats a movement whose status changes. */
    private final Set<String> announced = new HashSet<>();
    private volatile EventStream stream;
    private String cursor;
    private volatile boolean caughtUp;
    private boolean syncing;
    private boolean syncAgain;

    /** {@code onChanged} runs on the UI thread after each change the server announced. */
    public LiveEventsViewModel(ApiClient api, BackgroundExecutor executor, Runnable onChanged) {
        this(api, executor, null, onChanged);
    }

    /**
     * Each event asks {@code localSync} to sync the local ledger; after each sync the movements it brought
     * in are announced and {@code onChanged} runs (on the UI thread).
     */
    public LiveEventsViewModel(ApiClient api, BackgroundExecutor executor, SyncViewModel localSync, Runnable onChanged) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onChanged = Objects.requireNonNull(onChanged, "onChanged");
        this.localSync = localSync;
        if (localSync != null) {
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
    }

    /** The latest news for the status bar, such as "Received 25.00 USD from bob@example.com". */
    public ReadOnlyStringProperty announcementProperty() {
        return announcement;
    }

    /** Starts listening: first reads the feed to its end (old news is not announced), then follows the stream. */
    public void start() {
        stop();
        caughtUp = false;
        cursor = null;
        stream = api.eventsWithData((event, data) -> executor.schedule(Duration.ZERO, () -> {
            if (stream == null || !("changed".equals(event) || "ready".equals(event))) {
                return;
            }
            if (localSync == null) {
                sync();
                return;
            }
            Matcher seq = SEQ.matcher(data);
            if (seq.find()) {
                localSync.announceTarget(Long.parseLong(seq.group(1)));
            }
            localSync.request();
        }));
    }

    /** Whether the feed was read to its end once since {@link #start()}: only later news is announced. */
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

    private void sync() {
        if (syncing) {
            syncAgain = true;
            return;
        }
        syncing = true;
        String from = cursor;
        executor.submit(() -> readFeed(from), pages -> {
            syncing = false;
            if (stream == null) {
                return;
            }
            if (!pages.isEmpty()) {
                cursor = pages.get(pages.size() - 1).nextCursor();
            }
            if (caughtUp) {
                pages.forEach(p -> announce(p.changes().stream().map(SyncChange::transaction).filter(Objects::nonNull)
                        .filter(t -> "in".equals(t.direction()) && "completed".equals(t.status())).toList()));
            }
            caughtUp = true;
            onChanged.run();
            if (syncAgain) {
                syncAgain = false;
                sync();
            }
        }, failure -> {
            syncing = false;
            syncAgain = false;
        });
    }

    private List<SyncPage> readFeed(String from) {
        List<SyncPage> pages = new ArrayList<>();
        String at = from;
        SyncPage page;
        do {
            page = api.sync(at);
            pages.add(page);
            at = page.nextCursor();
        } while (page.hasMore() && at != null);
        return pages;
    }

    /** Announces money that arrived, each movement once. */
    private void announce(List<TransactionView> received) {
        for (TransactionView t : received) {
            if (announced.add(t.id())) {
                announcement.set("Received " + Amounts.format(t.amount(), t.currency())
                        + (t.counterparty() != null ? " from " + t.counterparty() : ""));
            }
        }
    }
}
