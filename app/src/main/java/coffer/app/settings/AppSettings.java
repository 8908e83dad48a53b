package coffer.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The user's choices, kept in {@code settings.properties} in the app's home folder
 * ({@code ~/.coffer}, or the {@code coffer.home} system property). No secrets are stored here.
 */
public final class AppSettings {
    static final String SERVER_URL = "server.url";
    static final String THEME = "theme";

    private final Path file;
    private final Properties values = new Properties();

    private AppSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** The folder the app keeps its files in. */
    public static Path home() {
        String configured = System.getProperty("coffer.home");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".coffer");
    }

    public static AppSettings load() {
        return load(home());
    }

    public static AppSettings load(Path home) {
        return new AppSettings(home.resolve("settings.properties"));
    }

    /** The configured Coffer server; empty means the bundled server, in-process. */
    public synchronized Optional<String> serverUrl() {
        String url = values.getProperty(SERVER_URL, "").strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    public synchronized void setServerUrl(String url) {
        put(SERVER_URL, url == null ? "" : url.strip());
    }

    public synchronized boolean darkTheme() {
        return "dark".equals(values.getProperty(THEME));
    }

    public synchronized void setDarkTheme(boolean dark) {
        put(THEME, dark ? "dark" : "light");
    }

    private void put(String key, String value) {
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "Coffer app settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
