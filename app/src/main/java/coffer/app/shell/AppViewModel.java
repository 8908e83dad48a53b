package coffer.app.shell;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import coffer.app.history.HistoryViewModel;
import coffer.app.order.OrderViewModel;
import coffer.app.kyc.KycViewModel;
import coffer.app.history.LocalHistorySource;
import coffer.app.local.LocalLedger;
import coffer.app.local.SyncEngine;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
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
    /** The signed-in user's local copy of the ledger and its sync; null when signed out or it could not open. */
    private LocalLedger ledger;
    private SyncViewModel sync;
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final DoubleProperty syncProgress = new SimpleDoubleProperty(-1);
    private final StringProperty syncStatus = new SimpleStringProperty("");
    private final ObjectProperty<SyncEngine.Check> balanceCheck = new SimpleObjectProperty<>();
    private LiveEventsViewModel live;
    private volatile ApiClient api;
    private volatile EmbeddedServer embedded;

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
            live = new LiveEventsViewModel(client, executor, () -> refreshScreen.run());
            announcement.bind(live.announcementProperty());
            client.onSessionEnded(() -> executor.schedule(Duration.ZERO, this::sessionEnded));
            connection.set(embedded != null && url.isEmpty()
                    ? "Bundled server running in this app at " + embedded.baseUrl() + " with demo data"
                    : "Connected to " + url.orElseThrow());
            screen.set(Screen.SIGN_IN);
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

    public void signOut() {
        ApiClient client = api;
        stopLive();
        closeLedger();
        signedIn.set(false);
        screen.set(Screen.SIGN_IN);
        if (client != null) {
            executor.submit(() -> {
                client.logout();
                return Boolean.TRUE;
            }, ok -> { }, failure -> { });
        }
    }

    private void sessionEnded() {
        stopLive();
        closeLedger();
        signedIn.set(false);
        screen.set(Screen.SIGN_IN);
        error.set("Your session ended. Please sign in again.");
    }

    public SignInViewModel signIn() {
        SignInViewModel[] signIn = new SignInViewModel[1];
        signIn[0] = new SignInViewModel(api, executor, embedded(), () -> {
            signedIn.set(true);
            openLedger(signIn[0].emailProperty().get());
        });
        return signIn[0];
    }

    /**
     * Opens the user's local ledger (one file per server and user), then syncs it: in full the first time,
     * with the main window's progress bar, incrementally after. Screens then read from it. When it cannot be
     * opened the screens read from the server as before.
     */
    private void openLedger(String email) {
        ApiClient client = api;
        closeLedger();
        Path file = ledgerFile(embedded() ? "embedded:" + embeddedDataDir.toAbsolutePath() : client.baseUrl(), email);
        executor.submit(() -> LocalLedger.open(file), opened -> {
            ledger = opened;
            sync = new SyncViewModel(new SyncEngine(client::sync, client::transactions, opened, SyncEngine.Options.DEFAULT,
                    Clock.systemUTC()), executor);
            syncing.bind(sync.syncingProperty());
            syncProgress.bind(sync.progressProperty());
            syncStatus.bind(sync.statusProperty());
            balanceCheck.bind(sync.checkProperty());
            stopLive();
            live = new LiveEventsViewModel(client, executor, sync, () -> refreshScreen.run());
            announcement.bind(live.announcementProperty());
            live.start();
            sync.every(SYNC_INTERVAL);
            sync.request();
            screen.set(lastSessionScreen());
        }, failure -> {
            syncStatus.set("Working without a local copy: " + Problems.describe(failure));
            if (live != null) {
                live.start();
            }
            screen.set(lastSessionScreen());
        });
    }

    /** {@code ledgers/<hash of server and user>.db} under the app's home folder. */
    static Path ledgerFile(String server, String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((server + "\n" + email.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return AppSettings.home().resolve("ledgers").resolve(HexFormat.of().formatHex(digest, 0, 16) + ".db");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void closeLedger() {
        syncing.unbind();
        syncProgress.unbind();
        syncStatus.unbind();
        balanceCheck.unbind();
        syncing.set(false);
        if (sync != null) {
            sync.close();
            sync = null;
        }
        if (ledger != null) {
            LocalLedger closing = ledger;
            ledger = null;
            // a sync may still be writing: close once it let go (the database's locks wait for it)
            executor.submit(() -> {
                closing.close();
                return Boolean.TRUE;
            }, ok -> { }, failure -> { });
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
        return settings.windowSize(1000, 660);
    }

    /** Remembers the window's size and the screen in use, for the next start. */
    public void remember(double width, double height) {
        settings.setWindowSize(width, height);
        if (screen.get().needsSession()) {
            settings.setLastScreen(screen.get().name());
        }
    }

    public WalletsViewModel wallets() {
        LocalLedger local = ledger;
        WalletsViewModel wallets = local != null ? new WalletsViewModel(api, local::wallets, executor)
                : new WalletsViewModel(api, executor);
        refreshScreen = wallets::load;
        return wallets;
    }

    /** Reads the local copy when there is one, and reloads whenever a sync brings changes. */
    public HistoryViewModel history() {
        LocalLedger local = ledger;
        HistoryViewModel history = local != null ? new HistoryViewModel(api, executor, HISTORY_PAGE,
                new LocalHistorySource(local), ZoneId.systemDefault())
                : new HistoryViewModel(api, executor, HISTORY_PAGE);
        refreshScreen = local != null ? history::refresh : () -> { };
        return history;
    }

    /** The payment's status follows the event stream; polling stays as a slow fallback. */
    public SendViewModel send() {
        SendViewModel send = new SendViewModel(api, executor, pollInterval.multipliedBy(FALLBACK_POLL_FACTOR));
        refreshScreen = send::refresh;
        return send;
    }

    public TransferViewModel transfer() {
        refreshScreen = () -> { };
        return new TransferViewModel(api, executor);
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
        stopLive();
        closeLedger();
        stopEmbedded();
    }
}
