package coffer.app.help;

import coffer.app.api.ServerInfoApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.format.Problems;
import coffer.app.i18n.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the app says about itself (Help ▸ About Coffer, Help ▸ Log folder): its version and the server's (asked
 * with {@code GET /health}, in the background), the server's address, the Java and JavaFX versions, the data and
 * log folders; all of it as text to copy into a report; and the log folder opened in the system's file manager.
 */
public final class AboutViewModel extends ScreenViewModel {
    /** How the system's file manager opens a folder (a test may stand in). */
    @FunctionalInterface
    public interface FolderOpener {
        void open(Path folder) throws IOException;
    }

    private final BackgroundExecutor executor;
    private final ServerInfoApi server;
    private final Path dataFolder;
    private final Path logFolder;
    private final FolderOpener opener;
    private final ReadOnlyStringWrapper serverVersionWrapper = new ReadOnlyStringWrapper("");
    /** The server's version once it answered; what is happening meanwhile. */
    public final ReadOnlyStringProperty serverVersion = serverVersionWrapper.getReadOnlyProperty();

    /**
     * @param server     the server connected to; null before a connection
     * @param dataFolder the app's home folder (settings, local data)
     * @param logFolder  where the log files are
     */
    public AboutViewModel(BackgroundExecutor executor, ServerInfoApi server, Path dataFolder, Path logFolder) {
        this(executor, server, dataFolder, logFolder, AboutViewModel::openWithSystem);
    }

    public AboutViewModel(BackgroundExecutor executor, ServerInfoApi server, Path dataFolder, Path logFolder,
                          FolderOpener opener) {
        super(executor);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.server = server;
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder").toAbsolutePath();
        this.logFolder = Objects.requireNonNull(logFolder, "logFolder").toAbsolutePath();
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Asks the server for its version (in the background); until it answers, says it is asking. */
    public void load() {
        if (server == null) {
            serverVersionWrapper.set(Texts.text("about.notConnected"));
            return;
        }
        serverVersionWrapper.set(Texts.text("about.asking"));
        state.run(server::serverVersion,
                version -> serverVersionWrapper.set(version.isBlank() ? Texts.text("about.unknown") : version),
                failure -> serverVersionWrapper.set(Texts.text("about.serverUnknown", Problems.describe(failure))));
    }

    public String appVersion() {
        return AppVersion.current();
    }

    public String serverAddress() {
        return server == null ? Texts.text("about.notConnected") : server.baseUrl();
    }

    /** The Java runtime: its version and vendor. */
    public String javaVersion() {
        return System.getProperty("java.runtime.version", System.getProperty("java.version", "")) + " ("
                + System.getProperty("java.vendor", "") + ")";
    }

    /** The JavaFX runtime's version, as JavaFX sets it on start. */
    public String javaFxVersion() {
        String version = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version"));
        return version == null || version.isBlank() ? Texts.text("about.unknown") : version;
    }

    public String dataFolder() {
        return dataFolder.toString();
    }

    public String logFolder() {
        return logFolder.toString();
    }

    /** Everything the dialog shows, one "name: value" a line, for a report. */
    public String summary() {
        List<String> lines = List.of(
                Texts.text("about.appVersion") + ": " + appVersion(),
                Texts.text("about.serverVersion") + ": " + serverVersion.get(),
                Texts.text("about.server") + ": " + serverAddress(),
                Texts.text("about.java") + ": " + javaVersion(),
                Texts.text("about.javafx") + ": " + javaFxVersion(),
                Texts.text("about.dataFolder") + ": " + dataFolder(),
                Texts.text("about.logFolder") + ": " + logFolder());
        return String.join("\n", lines) + "\n";
    }

    /** Opens the log folder in the system's file manager (in the background); a failure shows in words. */
    public void openLogFolder() {
        state.clearError();
        executor.submit(() -> {
            opener.open(logFolder);
            return Boolean.TRUE;
        }, ok -> { }, failure -> state.error(Texts.text("logFolder.openFailed", Problems.describe(failure))));
    }

    /** The file manager's command for a folder on this system: {@code open}, {@code explorer} or {@code xdg-open}. */
    static List<String> openCommand(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        String command = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
        return List.of(command, folder.toString());
    }

    private static void openWithSystem(Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        new ProcessBuilder(openCommand(System.getProperty("os.name", ""), folder))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
