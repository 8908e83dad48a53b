package coffer.app.sync;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.app.local.SyncEngine.Check;
import coffer.app.local.SyncEngine.SyncReport;
import coffer.app.local.SyncEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The local ledger's sync as the main window shows it: a progress bar while a sync runs (the first one
 * fills the copy), a status line ("Synced at 2:02:05 PM · balances checked"), and the balance check's outcome.
 * Syncs run on request (sign-in, the server's {@code changed} events, reconnecting) and on a timer;
 * requests while one runs fold into one more round ({@link SyncEngine#sync()}).
 */
public final class SyncViewModel implements AutoCloseable {
    private final SyncEngine engine;
    private final BackgroundExecutor executor;
    private final List<Consumer<SyncReport>> listeners = new CopyOnWriteArrayList<>();
    /** True while a sync runs. */
    public final BooleanProperty syncing = new SimpleBooleanProperty();
    /** Done so far, 0 to 1; -1 while the end is unknown (an indeterminate bar). */
    public final DoubleProperty progress = new SimpleDoubleProperty(-1);
    /** The status bar's line about the local copy. */
    public final StringProperty status = new SimpleStringProperty("");
    /** The last balance check's outcome; null before the first sync. */
    public final ObjectProperty<Check> check = new SimpleObjectProperty<>();
    private ScheduledExecutorService timer;

    public SyncViewModel(SyncEngine engine, BackgroundExecutor executor) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.executor = Objects.requireNonNull(executor, "executor");
        engine.onProgress(p -> executor.schedule(Duration.ZERO, () -> {
            progress.set(p.fraction());
            status.set(Texts.text(p.full() ? "sync.downloading" : "sync.syncing", p.rows()));
        }));
    }

    /** Runs on the UI thread after each completed sync. */
    public void onSynced(Consumer<SyncReport> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The server's latest commit, from its event stream: where the progress bar ends. */
    public void announceTarget(long seq) {
        engine.announceTarget(seq);
    }

    /** Syncs in the background now (or once more after the running sync). */
    public void request() {
        syncing.set(true);
        executor.submit(engine::sync, report -> {
            if (report == null) {
                return;   // folded into the sync already running, which reports for both
            }
            syncing.set(false);
            progress.set(1);
            check.set(report.check());
            String checked = switch (report.check()) {
                case OK -> "sync.check.ok";
                case HEALED -> "sync.check.healed";
                case FAILED -> "sync.check.failed";
            };
            status.set(Texts.text("sync.synced", Times.time(Instant.now(), ZoneId.systemDefault()), Texts.text(checked)));
            listeners.forEach(l -> l.accept(report));
        }, failure -> {
            syncing.set(false);
            status.set(Texts.text("sync.failed", Problems.describe(failure)));
        });
    }

    /** Syncs every {@code interval} from now on, until {@link #close()}. */
    public void every(Duration interval) {
        close();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coffer-sync-timer");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> executor.schedule(Duration.ZERO, this::request), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the timer (sign-out). */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
