package coffer.app.shell;

import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenState;
import coffer.app.i18n.Texts;
import coffer.app.local.OutboxSender;
import coffer.app.offline.LocalUser;
import coffer.app.offline.SessionStore;
import coffer.app.organization.HolderViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's session: connecting at start and resuming the remembered session (online, or offline from
 * the local database when Coffer cannot be reached), sign-in and sign-out, the single-use refresh token kept
 * current on disk, and the signed-in user's local data (ledger copy and outbox), kept synced while open.
 */
public final class SessionViewModel {
    private final BackgroundExecutor executor;
    private final ScreenState window;
    private final ConnectionViewModel connection;
    private final SyncStatusViewModel sync;
    private final NavigationViewModel navigation;
    private final HolderViewModel holders;
    /** The remembered session of a configured server, for an offline start. */
    private final SessionStore sessions;
    private Runnable whenReconnected = () -> { };
    private volatile LocalUser localUser;
    private volatile String latestRefreshToken;

    /** @param home the app's folder, where the remembered session and the users' local data are kept */
    SessionViewModel(BackgroundExecutor executor, Path home, ScreenState window, ConnectionViewModel connection,
                     SyncStatusViewModel sync, NavigationViewModel navigation, HolderViewModel holders) {
        this.executor = executor;
        this.window = window;
        this.connection = connection;
        this.sync = sync;
        this.navigation = navigation;
        this.holders = holders;
        // signed out, or the session ended: nobody to act for
        navigation.signedIn.addListener((o, was, signedIn) -> {
            if (!signedIn) {
                holders.leave();
            }
        });
        this.sessions = new SessionStore(home);
    }

    /** Runs on the UI thread each time Coffer is reachable again, after the outbox was asked to send (e.g. a sync). */
    public void whenReconnected(Runnable hook) {
        this.whenReconnected = Objects.requireNonNull(hook, "hook");
    }

    /** Connects to the configured server (or starts the bundled one), then resumes the remembered session if any. */
    public void start() {
        navigation.starting();
        connection.connect(this::closeUser, this::connected, () -> navigation.land(Screen.SETTINGS));
    }

    private void connected(ApiClient client) {
        sync.stopListening();
        client.onSessionEnded(() -> executor.schedule(Duration.ZERO, this::sessionEnded));
        client.onRefreshToken(token -> {
            if (token != null) {
                latestRefreshToken = token;
                rememberSession();
            }
        });
        connection.watch(client, () -> localUser != null, () -> reconnected(client));
        Optional<SessionStore.Saved> saved = connection.configured().flatMap(sessions::load);
        if (saved.isPresent()) {
            resume(client, saved.get());
        } else {
            navigation.land(Screen.SIGN_IN);
        }
    }

    /** Signs out here, on the server (best effort) and forgets the remembered session; queued operations stay for the next sign-in. */
    public void signOut() {
        ApiClient client = connection.api();
        LocalUser user = localUser;
        localUser = null;
        sync.stop();
        navigation.leaveSession();
        executor.submit(() -> {
            if (client != null) {
                client.logout();
            }
            sessions.clear();
            if (user != null) {
                user.close();
            }
            return Boolean.TRUE;
        }, ok -> { }, failure -> { });
    }

    private void sessionEnded() {
        sync.stop();
        navigation.leaveSession();
        window.error(Texts.text("main.sessionEnded"));
        executor.submit(() -> {
            sessions.clear();
            return Boolean.TRUE;
        }, ok -> { }, failure -> { });
    }

    /** Signed in with a password: open the user's local data, remember the session, then show the app. */
    void signedInAs(String email) {
        ApiClient client = connection.api();
        window.run(() -> {
            openUser(client, email);
            rememberSession();
            return Boolean.TRUE;
        }, ok -> enterSession(true), failure -> window.fail(Texts.text("main.localDataFailed"), failure));
    }

    /**
     * A remembered session of the configured server: sign in again quietly; when the server cannot be
     * reached, open the app for that user from the local database, offline, rather than stop at sign-in.
     */
    private void resume(ApiClient client, SessionStore.Saved saved) {
        connection.say(Texts.text("main.signingInAgain", saved.email(), saved.server()));
        latestRefreshToken = saved.refreshToken();
        window.run(() -> {
            openUser(client, saved.email());
            try {
                client.resume(saved.refreshToken());
                return Boolean.TRUE;
            } catch (ApiException e) {
                if (e.kind() == ApiException.Kind.NETWORK_DOWN) {
                    return Boolean.FALSE;
                }
                throw e;
            }
        }, online -> {
            connection.say(online ? ConnectionViewModel.connectedTo(saved.server())
                    : Texts.text("main.workingOffline", saved.server()));
            enterSession(online);
        }, failure -> {
            LocalUser user = localUser;
            localUser = null;
            navigation.land(Screen.SIGN_IN);
            if (failure instanceof ApiException e && e.kind() != ApiException.Kind.SERVER_ERROR) {
                sessionEnded();
            } else {
                window.error(failure);
            }
            executor.submit(() -> {
                if (user != null) {
                    user.close();
                }
                return Boolean.TRUE;
            }, ok -> { }, f -> { });
        });
    }

    /** The user's local data is open: keep it synced, show the app, and send what waits in the outbox. */
    private void enterSession(boolean online) {
        LocalUser user = localUser;
        holders.enter(user.email(), () -> user.organizations().onlineOrLastSaved(() -> connection.api().organizations()));
        sync.start(connection.api(), localUser.ledger());
        navigation.enterSession();
        if (online) {
            sync.listen();
            localUser.sender().sendNow();
        }
    }

    /** Coffer answers again: sign in quietly if the app started offline, send the outbox, then the hook (sync). */
    private void reconnected(ApiClient client) {
        LocalUser user = localUser;
        if (user == null || !navigation.signedIn()) {
            return;
        }
        executor.submit(() -> {
            if (!client.signedIn()) {
                String token = latestRefreshToken;
                if (token == null) {
                    throw new IllegalStateException("no session to resume");
                }
                client.resume(token);
            }
            return Boolean.TRUE;
        }, ok -> {
            connection.reconnected(client);
            sync.listen();
            user.sender().sendNow();
            sync.request();
            holders.reload();
            whenReconnected.run();
        }, failure -> {
            if (!(failure instanceof ApiException e && e.kind() == ApiException.Kind.NETWORK_DOWN)) {
                sessionEnded();
            }
        });
    }

    /** The signed-in user's local data (ledger copy, outbox); null when signed out. */
    LocalUser user() {
        return localUser;
    }

    /** Opens the signed-in user's local database and outbox (blocking: in the background). */
    private void openUser(ApiClient client, String email) {
        closeUser();
        localUser = LocalUser.open(email, sessions.localDatabase(connection.localKey(), email),
                OutboxSender.Transport.of(client::pay, client::transfer), executor, Clock.systemUTC());
    }

    private void closeUser() {
        LocalUser user = localUser;
        localUser = null;
        if (user != null) {
            user.close();
        }
    }

    /** Keeps the remembered session current: refresh tokens are single-use. Only for a configured server. */
    private void rememberSession() {
        LocalUser user = localUser;
        String token = latestRefreshToken;
        Optional<String> server = connection.configured();
        if (server.isPresent() && user != null && token != null) {
            sessions.save(new SessionStore.Saved(server.get(), user.email(), token));
        }
    }

    /** Closes the user's local data (blocking). */
    void close() {
        closeUser();
    }
}
