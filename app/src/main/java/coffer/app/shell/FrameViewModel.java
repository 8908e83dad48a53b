package coffer.app.shell;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.diagnostics.LogSetup;
import coffer.app.help.AboutViewModel;
import coffer.app.lock.IdleLockViewModel;
import coffer.app.offline.LocalUser;
import coffer.app.settings.AppSettings;
import java.time.Clock;

/**
 * What the main window has around its screens: the menu's actions that are not a screen (sync now, the theme,
 * About), the {@link IdleLockViewModel idle lock} and the {@link ArrivalToastViewModel toast} of arriving money.
 * Made by {@link AppViewModel}; it follows the session (the lock starts at sign-in, the toast hides at sign-out).
 */
public final class FrameViewModel {
    private final BackgroundExecutor executor;
    private final AppSettings settings;
    private final ConnectionViewModel connection;
    private final SyncStatusViewModel sync;
    private final NavigationViewModel navigation;
    private final IdleLockViewModel idleLock;
    private final ArrivalToastViewModel toasts;

    FrameViewModel(BackgroundExecutor executor, AppSettings settings, ConnectionViewModel connection,
                   SessionViewModel session, SyncStatusViewModel sync, NavigationViewModel navigation,
                   ContentViewModel content) {
        this.executor = executor;
        this.settings = settings;
        this.connection = connection;
        this.sync = sync;
        this.navigation = navigation;
        this.idleLock = new IdleLockViewModel(executor, settings::idleLock, Clock.systemUTC(), settings.folder(),
                session::signOut);
        this.toasts = new ArrivalToastViewModel(executor::schedule);
        content.watchPasswords(idleLock::watchSignIn);
        sync.onArrivals(toasts::arrived);
        navigation.signedIn.addListener((o, was, now) -> {
            LocalUser user = session.user();
            if (now && user != null) {
                idleLock.signedIn(connection.localKey(), user.email());
            } else if (!now) {
                idleLock.signedOut();
                toasts.dismiss();
            }
        });
    }

    public IdleLockViewModel idleLock() {
        return idleLock;
    }

    public ArrivalToastViewModel toasts() {
        return toasts;
    }

    /** Help ▸ About and Help ▸ Log folder: a fresh one each time, for the server connected to now. */
    public AboutViewModel about() {
        return new AboutViewModel(executor, connection.api(), settings.folder(), LogSetup.folder());
    }

    /** View ▸ Sync now: the local copy syncs now (or once more after the running sync). */
    public void syncNow() {
        sync.request();
    }

    /** View ▸ Dark theme: saved at once, as the settings screen saves it, and the window follows. */
    public void darkTheme(boolean dark) {
        settings.setDarkTheme(dark);
        navigation.settingsSaved();
    }
}
