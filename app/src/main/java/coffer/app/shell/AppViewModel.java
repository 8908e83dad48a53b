package coffer.app.shell;

import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import coffer.app.history.HistoryViewModel;
import coffer.app.order.OrderViewModel;
import coffer.app.kyc.KycViewModel;
import coffer.app.history.LocalHistorySource;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
import coffer.app.local.OutboxSender;
import coffer.app.offline.Connectivity;
import coffer.app.offline.LocalUser;
import coffer.app.offline.OfflineBannerViewModel;
import coffer.app.offline.SessionStore;
import coffer.app.send.SendViewModel;
import coffer.app.send.TransferViewModel;
import coffer.app.server.EmbeddedServer;
import coffer.app.settings.AppSettings;
import coffer.app.settings.SettingsViewModel;
import coffer.app.settlement.SettlementsViewModel;
import coffer.app.signin.SignInViewModel;
import coffer.app.sync.LiveEventsViewModel;
import coffer.app.sync.SyncViewModel;
import coffer.app.topup.TopupViewModel;
import coffer.app.wallet.WalletsViewModel;
import coffer.app.withdraw.WithdrawViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state: which server the app talks to (the bundled one started in-process, or
 * the configured URL), whether a user is signed in, and which screen shows. It also hands each
 * screen its ViewModel, so views never see the API client.
 */
public final class AppViewModel implements AutoCloseable {
    /** Rows per history page: a few screens' worth, so scrolling rarely waits. */
    private static final int HISTORY_PAGE = 100;
    /** A payment's status arrives with the event stream; the poll only covers a stream that is down. */
    private static final int FALLBACK_POLL_FACTOR = 10;
    /** The local ledger also syncs on this timer, in case an event was missed. */
    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(60);

    private final BackgroundExecutor executor;
    private final AppSettings settings;
    private final Path embeddedDataDir;
    private final Duration pollInterval;
    private final BooleanSupplier onUiThread;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.STARTING);
    private final StringProperty connection = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty signedIn = new SimpleBooleanProperty();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final StringProperty announcement = new SimpleStringProperty("");
    /** Refreshes the screen on show when the server announces a change; screens without live data leave it empty. */
    private Runnable refreshScreen = () -> { };
    /** The sync of the signed-in user's local ledger ({@link LocalUser#ledger()}); null when signed out. */
    private SyncViewModel sync;
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final DoubleProperty syncProgress = new SimpleDoubleProperty(-1);
    private final StringProperty syncStatus = new SimpleStringProperty("");
    private final ObjectProperty<SyncEngine.Check> balanceCheck = new SimpleObjectProperty<>();
    private LiveEventsViewModel live;
    private volatile ApiClient api;
    private volatile EmbeddedServer embedded;
    /** Offline start and the outbox (issue 8): the remembered session, reachability, the user's local data. */
    private final SessionStore sessions;
    private final StringProperty offlineBanner = new SimpleStringProperty("");
    private final BooleanProperty offline = new SimpleBooleanProperty();
    private Runnable whenReconnected = () -> { };
    private volatile Optional<String> configured = Optional.empty();
    private volatile LocalUser localUser;
    private volatile Connectivity connectivity;
    private volatile String latestRefreshToken;

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
        this.onUiThread = Objects.requireNonNull(onUiThread, "onUiThread");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.embeddedDataDir = Objects.requireNonNull(embeddedDataDir, "embeddedDataDir");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        darkTheme.set(settings.darkTheme());
        this.sessions = new SessionStore(settings.folder());
    }

    /** "Offline since 14:02 — showing your last synced data; operations are queued"; empty while Coffer is reachable. */
    public StringProperty offlineBannerProperty() {
        return offlineBanner;
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    /** Runs on the UI thread each time Coffer is reachable again, after the outbox was asked to send (e.g. a sync). */
    public void whenReconnected(Runnable hook) {
        this.whenReconnected = Objects.requireNonNull(hook, "hook");
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** Which server the app talks to, in words. */
    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty signedInProperty() {
        return signedIn;
    }

    /** Incoming money and other news from the server's event stream, for the status bar. */
    public StringProperty announcementProperty() {
        return announcement;
    }

    /** True while the local ledger syncs (the first time: the whole history, with a progress bar). */
    public BooleanProperty syncingProperty() {
        return syncing;
    }

    /** The running sync's progress, 0 to 1, or -1 when its end is not known. */
    public DoubleProperty syncProgressProperty() {
        return syncProgress;
    }

    /** The status bar's line about the local copy: when it last synced, how the balance check came out. */
    public StringProperty syncStatusProperty() {
        return syncStatus;
    }

    /** The last balance check of the local copy against the server (ok / healed / failed); null before one. */
    public ObjectProperty<SyncEngine.Check> balanceCheckProperty() {
        return balanceCheck;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Connects to the configured server, or starts the bundled one when none is configured. */
    public void start() {
        Optional<String> url = settings.serverUrl();
        busy.set(true);
        error.set("");
        signedIn.set(false);
        screen.set(Screen.STARTING);
        connection.set(url.map(u -> "Connecting to " + u + "…")
                .orElse("Starting the bundled Coffer server (demo data) in " + embeddedDataDir + "…"));
        executor.submit(() -> {
            closeUser();
            if (url.isPresent()) {
                stopEmbedded();
                return ApiClient.create(url.get(), onUiThread);
            }
            if (embedded == null) {
                embedded = EmbeddedServer.start(embeddedDataDir);
            }
            return ApiClient.create(embedded.baseUrl(), onUiThread);
        }, client -> {
            busy.set(false);
            api = client;
            stopLive();
            client.onSessionEnded(() -> executor.schedule(Duration.ZERO, this::sessionEnded));
            connection.set(embedded != null && url.isEmpty()
                    ? "Bundled server running in this app at " + embedded.baseUrl() + " with demo data"
                    : "Connected to " + url.orElseThrow());
            configured = url;
            watchReachability(client);
            Optional<SessionStore.Saved> saved = url.flatMap(sessions::load);
            if (saved.isPresent()) {
                resume(client, saved.get());
            } else {
                screen.set(Screen.SIGN_IN);
            }
        }, failure -> {
            busy.set(false);
            connection.set("Not connected");
            error.set((url.isPresent() ? "Cannot use " + url.get() : "The bundled server did not start")
                    + ": " + Problems.describe(failure));
            screen.set(Screen.SETTINGS);
        });
    }

    public boolean embedded() {
        return embedded != null && settings.serverUrl().isEmpty();
    }

    /** Shows a screen; screens that need a session fall back to sign-in. */
    public void show(Screen target) {
        error.set("");
        screen.set(target.needsSession() && !signedIn.get() ? Screen.SIGN_IN : target);
    }

    /** Signs out here, on the server (best effort) and forgets the remembered session; queued operations stay for the next sign-in. */
    public void signOut() {
        ApiClient client = api;
        LocalUser user = localUser;
        localUser = null;
        stopLive();
        stopSync();
        signedIn.set(false);
        screen.set(Screen.SIGN_IN);
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
        stopLive();
        stopSync();
        signedIn.set(false);
        screen.set(Screen.SIGN_IN);
        error.set("Your session ended. Please sign in again.");
        executor.submit(() -> {
            sessions.clear();
            return Boolean.TRUE;
        }, ok -> { }, failure -> { });
    }

    public SignInViewModel signIn() {
        SignInViewModel[] form = new SignInViewModel[1];
        form[0] = new SignInViewModel(api, executor, embedded(), () -> signedInAs(form[0].emailProperty().get().strip()));
        return form[0];
    }

    /** Signed in with a password: open the user's local data, remember the session, then show the app. */
    private void signedInAs(String email) {
        ApiClient client = api;
        busy.set(true);
        executor.submit(() -> {
            openUser(client, email);
            rememberSession();
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            enterSession(true);
        }, failure -> {
            busy.set(false);
            error.set("Your local data cannot be opened: " + Problems.describe(failure));
        });
    }

    /**
     * A remembered session of the configured server: sign in again quietly; when the server cannot be
     * reached, open the app for that user from the local database, offline, rather than stop at sign-in.
     */
    private void resume(ApiClient client, SessionStore.Saved saved) {
        busy.set(true);
        connection.set("Signing in again as " + saved.email() + " at " + saved.server() + "…");
        latestRefreshToken = saved.refreshToken();
        executor.submit(() -> {
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
            busy.set(false);
            connection.set((online ? "Connected to " : "Working offline; will reconnect to ") + saved.server());
            enterSession(online);
        }, failure -> {
            busy.set(false);
            LocalUser user = localUser;
            localUser = null;
            screen.set(Screen.SIGN_IN);
            if (failure instanceof ApiException e && e.kind() != ApiException.Kind.SERVER_ERROR) {
                sessionEnded();
            } else {
                error.set(Problems.describe(failure));
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
        signedIn.set(true);
        startSync(api, localUser.ledger());
        screen.set(lastSessionScreen());
        if (online) {
            if (live != null) {
                live.start();
            }
            localUser.sender().sendNow();
        }
    }

    /** Offline while a user's data is open and calls fail; back online when any call or probe gets an answer. */
    private void watchReachability(ApiClient client) {
        Connectivity connectivity = new Connectivity(executor, () -> {
            client.health();
            return Boolean.TRUE;
        }, Clock.systemUTC());
        stopConnectivity();
        this.connectivity = connectivity;
        OfflineBannerViewModel banner = new OfflineBannerViewModel(connectivity, ZoneId.systemDefault());
        offlineBanner.bind(banner.textProperty());
        offline.bind(banner.offlineProperty());
        client.onReachability(up -> {
            if (up) {
                connectivity.reachable();
            } else if (localUser != null) {
                connectivity.unreachable();
            }
        });
        client.onRefreshToken(token -> {
            if (token != null) {
                latestRefreshToken = token;
                rememberSession();
            }
        });
        connectivity.addListener(since -> {
            if (since.isEmpty() && client == api) {
                reconnected(client);
            }
        });
    }

    /** Coffer answers again: sign in quietly if the app started offline, send the outbox, then the hook (sync). */
    private void reconnected(ApiClient client) {
        LocalUser user = localUser;
        if (user == null || !signedIn.get()) {
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
            connection.set("Connected to " + configured.orElse(client.baseUrl()));
            if (live != null) {
                live.start();
            }
            user.sender().sendNow();
            if (sync != null) {
                sync.request();
            }
            whenReconnected.run();
        }, failure -> {
            if (!(failure instanceof ApiException e && e.kind() == ApiException.Kind.NETWORK_DOWN)) {
                sessionEnded();
            }
        });
    }

    /** Opens the signed-in user's local database and outbox (blocking: in the background). */
    private void openUser(ApiClient client, String email) {
        closeUser();
        String server = configured.orElse("embedded:" + embeddedDataDir.toAbsolutePath());
        localUser = LocalUser.open(email, sessions.localDatabase(server, email),
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
        Optional<String> server = configured;
        if (server.isPresent() && user != null && token != null) {
            sessions.save(new SessionStore.Saved(server.get(), user.email(), token));
        }
    }

    /**
     * Syncs the user's local ledger: in full the first time, with the main window's progress bar,
     * incrementally after, on each server event, on a timer and on reconnecting. Screens read from it.
     */
    private void startSync(ApiClient client, LocalLedger ledger) {
        stopSync();
        sync = new SyncViewModel(new SyncEngine(client::sync, client::transactions, ledger, SyncEngine.Options.DEFAULT,
                Clock.systemUTC()), executor);
        syncing.bind(sync.syncingProperty());
        syncProgress.bind(sync.progressProperty());
        syncStatus.bind(sync.statusProperty());
        balanceCheck.bind(sync.checkProperty());
        stopLive();
        live = new LiveEventsViewModel(client, executor, sync, () -> refreshScreen.run());
        announcement.bind(live.announcementProperty());
        sync.every(SYNC_INTERVAL);
        sync.request();
    }

    private void stopSync() {
        syncing.unbind();
        syncProgress.unbind();
        syncStatus.unbind();
        balanceCheck.unbind();
        syncing.set(false);
        if (sync != null) {
            sync.close();
            sync = null;
        }
    }

    /** Where a sign-in lands: the screen the user last worked on, else the wallets. */
    private Screen lastSessionScreen() {
        return settings.lastScreen().flatMap(name -> Arrays.stream(Screen.values())
                        .filter(s -> s.name().equals(name) && s.needsSession()).findFirst())
                .orElse(Screen.WALLETS);
    }

    /** The main window's size to open with. */
    public double[] windowSize() {
        return settings.windowSize(1120, 700);
    }

    /** Remembers the window's size and the screen in use, for the next start. */
    public void remember(double width, double height) {
        settings.setWindowSize(width, height);
        if (screen.get().needsSession()) {
            settings.setLastScreen(screen.get().name());
        }
    }

    /** The signed-in user's local ledger; null when signed out. */
    private LocalLedger localLedger() {
        LocalUser user = localUser;
        return user == null ? null : user.ledger();
    }

    public WalletsViewModel wallets() {
        LocalLedger local = localLedger();
        WalletsViewModel wallets = local != null ? new WalletsViewModel(api, local::wallets, executor)
                : new WalletsViewModel(api, executor);
        refreshScreen = wallets::load;
        return wallets;
    }

    /** Reads the local copy when there is one, and reloads whenever a sync brings changes. */
    public HistoryViewModel history() {
        LocalLedger local = localLedger();
        HistoryViewModel history = local != null ? new HistoryViewModel(api, executor, HISTORY_PAGE,
                new LocalHistorySource(local), ZoneId.systemDefault())
                : new HistoryViewModel(api, executor, HISTORY_PAGE);
        refreshScreen = local != null ? history::refresh : () -> { };
        return history;
    }

    /** The payment's status follows the event stream; polling stays as a slow fallback. */
    public SendViewModel send() {
        SendViewModel send = new SendViewModel(api, executor, pollInterval.multipliedBy(FALLBACK_POLL_FACTOR),
                localUser.sender(), localUser.wallets());
        refreshScreen = send::refresh;
        return send;
    }

    public TransferViewModel transfer() {
        refreshScreen = () -> { };
        return new TransferViewModel(api, executor, localUser.sender(), localUser.wallets());
    }

    public TopupViewModel topup() {
        refreshScreen = () -> { };
        return new TopupViewModel(api, executor, pollInterval);
    }

    public WithdrawViewModel withdraw() {
        WithdrawViewModel withdraw = new WithdrawViewModel(api, executor, pollInterval);
        refreshScreen = withdraw::refresh;
        return withdraw;
    }

    public OrderViewModel orders() {
        refreshScreen = () -> { };
        return new OrderViewModel(api, executor);
    }

    /** The verifier's decision is awaited with a growing pause, starting at the poll interval. */
    public KycViewModel kyc() {
        KycViewModel kyc = new KycViewModel(api, executor, pollInterval, embedded(), Clock.systemUTC());
        refreshScreen = kyc::refresh;
        return kyc;
    }

    public SettlementsViewModel settlements() {
        SettlementsViewModel settlements = new SettlementsViewModel(api, executor, pollInterval);
        refreshScreen = settlements::refresh;
        return settlements;
    }

    public SettingsViewModel settings() {
        return new SettingsViewModel(settings, serverChanged -> {
            darkTheme.set(settings.darkTheme());
            if (serverChanged) {
                start();
            }
        });
    }

    private void stopConnectivity() {
        Connectivity previous = connectivity;
        if (previous != null) {
            previous.stop();
        }
    }

    private void stopLive() {
        if (live != null) {
            live.stop();
        }
    }

    private void stopEmbedded() {
        EmbeddedServer running = embedded;
        embedded = null;
        if (running != null) {
            running.close();
        }
    }

    /** Stops the bundled server, if it runs (blocking: it finishes the ledger's queued work). */
    @Override
    public void close() {
        stopConnectivity();
        stopLive();
        stopSync();
        closeUser();
        stopEmbedded();
    }
}
