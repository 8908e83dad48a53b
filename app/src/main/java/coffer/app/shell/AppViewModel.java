package coffer.app.shell;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.organization.HolderViewModel;
import coffer.app.settings.AppSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * The main window's ViewModel, made of one part per concern: the {@link ConnectionViewModel connection} to
 * Coffer, the user's {@link SessionViewModel session}, the local ledger's {@link SyncStatusViewModel sync
 * status}, the {@link NavigationViewModel navigation} between screens, and the {@link ContentViewModel content}
 * that makes each screen's ViewModel (so views never see the API client). It builds them, starts and closes
 * them; its own busy and error are the window's (connecting, opening a user's data, a session that ended).
 */
public final class AppViewModel extends ScreenViewModel implements AutoCloseable {
    private final NavigationViewModel navigation;
    private final ConnectionViewModel connection;
    private final SyncStatusViewModel syncStatus;
    private final SessionViewModel session;
    private final ContentViewModel content;
    private final FrameViewModel frame;
    private final HolderViewModel holders;

    /** An app whose API client refuses calls on the JavaFX application thread. */
    public AppViewModel(BackgroundExecutor executor, AppSettings settings, Path embeddedDataDir, Duration pollInterval) {
        this(executor, settings, embeddedDataDir, pollInterval, Platform::isFxApplicationThread);
    }

    /**
     * @param onUiThread whether the caller is on the UI thread; the API client refuses every call made
     *                   while it says so ({@code Platform::isFxApplicationThread} in the app)
     */
    public AppViewModel(BackgroundExecutor executor, AppSettings settings, Path embeddedDataDir, Duration pollInterval,
                        BooleanSupplier onUiThread) {
        super(executor);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(embeddedDataDir, "embeddedDataDir");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(onUiThread, "onUiThread");
        navigation = new NavigationViewModel(settings, state);
        connection = new ConnectionViewModel(executor, settings, embeddedDataDir, onUiThread, state);
        syncStatus = new SyncStatusViewModel(executor);
        holders = new HolderViewModel(executor);
        session = new SessionViewModel(executor, settings.folder(), state, connection, syncStatus, navigation, holders);
        content = new ContentViewModel(executor, pollInterval, settings, connection, session, syncStatus, navigation,
                holders);
        frame = new FrameViewModel(executor, settings, connection, session, syncStatus, navigation, content);
    }

    public NavigationViewModel navigation() {
        return navigation;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public SyncStatusViewModel syncStatus() {
        return syncStatus;
    }

    public SessionViewModel session() {
        return session;
    }

    public ContentViewModel content() {
        return content;
    }

    /** Who the screens act for: the user, or one of their organizations. */
    public HolderViewModel holders() {
        return holders;
    }

    /** The menu's own actions, the idle lock and the toast of arriving money. */
    public FrameViewModel frame() {
        return frame;
    }

    /** Connects to the configured server, or starts the bundled one when none is configured. */
    public void start() {
        session.start();
    }

    /** Stops probing, syncing and listening, closes the user's data and stops the bundled server, if it runs (blocking). */
    @Override
    public void close() {
        connection.stopWatching();
        syncStatus.stop();
        session.close();
        connection.close();
    }
}
