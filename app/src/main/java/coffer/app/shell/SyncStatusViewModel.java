package coffer.app.shell;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.app.sync.LiveEventsViewModel;
import coffer.app.sync.SyncViewModel;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The signed-in user's local ledger as the main window shows it: kept in sync (in full the first time, with
 * the progress bar; incrementally after, on each server event, on a timer and on reconnecting), its status
 * line and balance check, the news the event stream brings, and the screen on show refreshed after a sync
 * that brought changes.
 */
public final class SyncStatusViewModel {
    /** The local ledger also syncs on this timer, in case an event was missed. */
    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(60);

    private final BackgroundExecutor executor;
    private final ReadOnlyBooleanWrapper syncingWrapper = new ReadOnlyBooleanWrapper();
    /** True while the local ledger syncs (the first time: the whole history, with a progress bar). */
    public final ReadOnlyBooleanProperty syncing = syncingWrapper.getReadOnlyProperty();
    private final ReadOnlyDoubleWrapper syncProgressWrapper = new ReadOnlyDoubleWrapper(-1);
    /** The running sync's progress, 0 to 1, or -1 when its end is not known. */
    public final ReadOnlyDoubleProperty syncProgress = syncProgressWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper syncStatusWrapper = new ReadOnlyStringWrapper("");
    /** The status bar's line about the local copy: when it last synced, how the balance check came out. */
    public final ReadOnlyStringProperty syncStatus = syncStatusWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<SyncEngine.Check> balanceCheckWrapper = new ReadOnlyObjectWrapper<>();
    /** The last balance check of the local copy against the server (ok / healed / failed); null before one. */
    public final ReadOnlyObjectProperty<SyncEngine.Check> balanceCheck = balanceCheckWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper announcementWrapper = new ReadOnlyStringWrapper("");
    /** Incoming money and other news from the server's event stream, for the status bar. */
    public final ReadOnlyStringProperty announcement = announcementWrapper.getReadOnlyProperty();
    /** Refreshes the screen on show when a sync brought changes; screens without live data leave it empty. */
    private Runnable refreshShown = () -> { };
    /** The sync of the signed-in user's local ledger; null when signed out. */
    private SyncViewModel sync;
    private LiveEventsViewModel live;
    /** Told of the money each sync brought in, after the first sync of a session. */
    private Consumer<List<TransactionView>> arrivals = arrived -> { };

    SyncStatusViewModel(BackgroundExecutor executor) {
        this.executor = executor;
    }

    /** What refreshes the screen on show after a sync that brought changes. */
    void refreshOnChange(Runnable refresh) {
        this.refreshShown = Objects.requireNonNull(refresh, "refresh");
    }

    /** What is told of money that arrived (the toast), after the first sync of each session. */
    void onArrivals(Consumer<List<TransactionView>> listener) {
        this.arrivals = Objects.requireNonNull(listener, "listener");
    }

    /** Starts keeping {@code ledger} in sync with the server behind {@code client}: a sync now, then on a timer. */
    void start(ApiClient client, LocalLedger ledger) {
        stopSync();
        sync = new SyncViewModel(new SyncEngine(client::sync, client::transactions, ledger, SyncEngine.Options.DEFAULT,
                Clock.systemUTC()), executor);
        syncingWrapper.bind(sync.syncing);
        syncProgressWrapper.bind(sync.progress);
        syncStatusWrapper.bind(sync.status);
        balanceCheckWrapper.bind(sync.check);
        stopListening();
        live = new LiveEventsViewModel(client, executor, sync, () -> refreshShown.run());
        announcementWrapper.bind(live.announcement);
        live.onArrivals(arrived -> arrivals.accept(arrived));
        sync.every(SYNC_INTERVAL);
        sync.request();
    }

    /** Listens to the server's event stream, each event asking for a sync. */
    void listen() {
        if (live != null) {
            live.start();
        }
    }

    /** Syncs now (or once more after the running sync). */
    void request() {
        if (sync != null) {
            sync.request();
        }
    }

    /** Stops listening to the event stream. */
    void stopListening() {
        if (live != null) {
            live.stop();
        }
    }

    /** Stops listening and syncing (sign-out). */
    void stop() {
        stopListening();
        stopSync();
    }

    private void stopSync() {
        syncingWrapper.unbind();
        syncProgressWrapper.unbind();
        syncStatusWrapper.unbind();
        balanceCheckWrapper.unbind();
        syncingWrapper.set(false);
        if (sync != null) {
            sync.close();
            sync = null;
        }
    }
}
