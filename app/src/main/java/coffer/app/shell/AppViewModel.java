package coffer.app.shell;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import coffer.app.history.HistoryViewModel;
import coffer.app.order.OrderViewModel;
import coffer.app.kyc.KycViewModel;
import coffer.app.send.SendViewModel;
import coffer.app.send.TransferViewModel;
import coffer.app.server.EmbeddedServer;
import coffer.app.settings.AppSettings;
import coffer.app.settings.SettingsViewModel;
import coffer.app.settlement.SettlementsViewModel;
import coffer.app.signin.SignInViewModel;
import coffer.app.sync.LiveEventsViewModel;
import coffer.app.topup.TopupViewModel;
import coffer.app.wallet.WalletsViewModel;
import coffer.app.withdraw.WithdrawViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
        signedIn.set(false);
        screen.set(Screen.SIGN_IN);
        error.set("Your session ended. Please sign in again.");
    }

    public SignInViewModel signIn() {
        return new SignInViewModel(api, executor, embedded(), () -> {
            signedIn.set(true);
            if (live != null) {
                live.start();
            }
            screen.set(lastSessionScreen());
        });
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
        WalletsViewModel wallets = new WalletsViewModel(api, executor);
        refreshScreen = wallets::load;
        return wallets;
    }

    public HistoryViewModel history() {
        refreshScreen = () -> { };
        return new HistoryViewModel(api, executor, HISTORY_PAGE);
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
        stopEmbedded();
    }
}
