package coffer.app.shell;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenState;
import coffer.app.i18n.Texts;
import coffer.app.offline.Connectivity;
import coffer.app.offline.OfflineBannerViewModel;
import coffer.app.server.EmbeddedServer;
import coffer.app.settings.AppSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The connection to Coffer: the configured server's URL, or the bundled server started in-process when
 * none is configured; the API client for it; and whether it can be reached (the offline banner).
 */
public final class ConnectionViewModel {
    private final BackgroundExecutor executor;
    private final AppSettings settings;
    private final Path embeddedDataDir;
    private final BooleanSupplier onUiThread;
    private final ScreenState window;
    private final ReadOnlyStringWrapper connectionWrapper = new ReadOnlyStringWrapper("");
    /** Which server the app talks to, in words. */
    public final ReadOnlyStringProperty connection = connectionWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper offlineBannerWrapper = new ReadOnlyStringWrapper("");
    /** "Offline since 14:02 — showing your last synced data; operations are queued"; empty while Coffer is reachable. */
    public final ReadOnlyStringProperty offlineBanner = offlineBannerWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper offlineWrapper = new ReadOnlyBooleanWrapper();
    public final ReadOnlyBooleanProperty offline = offlineWrapper.getReadOnlyProperty();
    private volatile ApiClient api;
    private volatile EmbeddedServer embedded;
    private volatile Optional<String> configured = Optional.empty();
    private volatile Connectivity connectivity;

    /**
     * @param onUiThread whether the caller is on the UI thread; the API client refuses every call made
     *                   while it says so
     * @param window     the main window's busy and error, while connecting
     */
    ConnectionViewModel(BackgroundExecutor executor, AppSettings settings, Path embeddedDataDir,
                        BooleanSupplier onUiThread, ScreenState window) {
        this.executor = executor;
        this.settings = settings;
        this.embeddedDataDir = embeddedDataDir;
        this.onUiThread = onUiThread;
        this.window = window;
    }

    /** True when the app talks to the bundled server (demo data) rather than a configured one. */
    public boolean embedded() {
        return embedded != null && settings.serverUrl().isEmpty();
    }

    /** The client of the server connected to; null before the first connection. */
    ApiClient api() {
        return api;
    }

    /** The configured server's URL; empty when the bundled server is used. */
    Optional<String> configured() {
        return configured;
    }

    /** The server as the user's local data is keyed: its URL, or the bundled server's data folder (its port changes). */
    String localKey() {
        return configured.orElse("embedded:" + embeddedDataDir.toAbsolutePath());
    }

    /**
     * Connects to the configured server, or starts the bundled one when none is configured, after
     * {@code first} ran in the background; then {@code connected} gets the new client, or {@code failed}
     * runs once the problem shows.
     */
    void connect(Runnable first, Consumer<ApiClient> connected, Runnable failed) {
        Optional<String> url = settings.serverUrl();
        window.clearError();
        connectionWrapper.set(url.map(u -> Texts.text("main.connecting", u))
                .orElse(Texts.text("main.startingBundled", embeddedDataDir.toString())));
        window.run(() -> {
            first.run();
            if (url.isPresent()) {
                stopEmbedded();
                return ApiClient.create(url.get(), onUiThread);
            }
            if (embedded == null) {
                embedded = EmbeddedServer.start(embeddedDataDir);
            }
            return ApiClient.create(embedded.baseUrl(), onUiThread);
        }, client -> {
            api = client;
            connectionWrapper.set(embedded != null && url.isEmpty()
                    ? Texts.text("main.bundledRunning", embedded.baseUrl())
                    : connectedTo(url.orElseThrow()));
            configured = url;
            connected.accept(client);
        }, failure -> {
            connectionWrapper.set(Texts.text("main.notConnected"));
            window.fail(url.isPresent() ? Texts.text("main.cannotUse", url.get()) : Texts.text("main.bundledFailed"),
                    failure);
            failed.run();
        });
    }

    /** "Connected to {@code server}", in the user's language. */
    static String connectedTo(String server) {
        return Texts.text("main.connected", server);
    }

    /** Says what the connection is doing ("Signing in again as …"). */
    void say(String words) {
        connectionWrapper.set(words);
    }

    /** Coffer answered again after being out of reach. */
    void reconnected(ApiClient client) {
        connectionWrapper.set(connectedTo(configured.orElse(client.baseUrl())));
    }

    /**
     * Offline while a user's data is open ({@code userOpen}) and calls fail; back online when any call or
     * probe gets an answer, and then {@code whenBack} runs, as long as {@code client} is still the one in use.
     */
    void watch(ApiClient client, BooleanSupplier userOpen, Runnable whenBack) {
        Connectivity watching = new Connectivity(executor, () -> {
            client.health();
            return Boolean.TRUE;
        }, Clock.systemUTC());
        stopWatching();
        this.connectivity = watching;
        OfflineBannerViewModel banner = new OfflineBannerViewModel(watching, ZoneId.systemDefault());
        offlineBannerWrapper.bind(banner.text);
        offlineWrapper.bind(banner.offline);
        client.onReachability(up -> {
            if (up) {
                watching.reachable();
            } else if (userOpen.getAsBoolean()) {
                watching.unreachable();
            }
        });
        watching.addListener(since -> {
            if (since.isEmpty() && client == api) {
                whenBack.run();
            }
        });
    }

    /** Stops probing the server. */
    void stopWatching() {
        Connectivity previous = connectivity;
        if (previous != null) {
            previous.stop();
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
    void close() {
        stopEmbedded();
    }
}
