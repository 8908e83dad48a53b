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
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onChanged = Objects.requireNonNull(onChanged, "onChanged");
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
        stream = api.events(event -> executor.schedule(Duration.ZERO, () -> {
            if (stream != null && ("changed".equals(event) || "ready".equals(event))) {
                sync();
            }
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
                pages.forEach(this::announce);
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

    private void announce(SyncPage page) {
        for (SyncChange change : page.changes()) {
            TransactionView t = change.transaction();
            if (t != null && "in".equals(t.direction()) && "completed".equals(t.status()) && announced.add(t.id())) {
                announcement.set("Received " + Amounts.format(t.amount(), t.currency())
                        + (t.counterparty() != null ? " from " + t.counterparty() : ""));
            }
        }
    }
}
