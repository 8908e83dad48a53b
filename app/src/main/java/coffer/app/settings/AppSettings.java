package coffer.app.settings;

import coffer.app.i18n.Texts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The user's choices, kept in {@code settings.properties} in the app's home folder
 * ({@code ~/.coffer}, or the {@code coffer.home} system property). No secrets are stored here.
 */
public final class AppSettings {
    static final String SERVER_URL = "server.url";
    static final String THEME = "theme";
    static final String WINDOW_WIDTH = "window.width";
    static final String WINDOW_HEIGHT = "window.height";
    static final String LAST_SCREEN = "screen.last";
    static final String LANGUAGE = "language";
    static final String IDLE_LOCK = "idle.lock.minutes";
    /** The system property that sets the idle lock's minutes over the settings file ({@code -Dcoffer.idleLock=5}). */
    public static final String IDLE_LOCK_PROPERTY = "coffer.idleLock";
    /** The idle lock's time when none is set. */
    public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(10);

    private final Path file;
    private final Properties values = new Properties();
    private final ReadOnlyObjectWrapper<Language> language = new ReadOnlyObjectWrapper<>();

    private AppSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        language.set(Language.ofSaved(values.getProperty(LANGUAGE)));
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

    /** The folder this settings file lives in: the app's home folder. */
    public Path folder() {
        return file.toAbsolutePath().getParent();
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

    /** The language the user chose; {@link Language#SYSTEM} until they choose. */
    public Language language() {
        return language.get();
    }

    /**
     * The language chosen, for the main window to follow: it changes after {@link #setLanguage} switched the app's
     * texts ({@link Texts#use}), so a listener that reloads its texts reads the new language's.
     */
    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** Saves the choice and speaks it from now on: the screens loaded from now on are in that language. */
    public void setLanguage(Language chosen) {
        synchronized (this) {
            put(LANGUAGE, chosen.saved());
        }
        Texts.use(chosen.locale());
        language.set(chosen);
    }

    /**
     * Speaks the saved language, unless {@code -Dcoffer.language} chooses one for this run; call before the first
     * screen loads.
     */
    public void applyLanguage() {
        Texts.use(language().atStart());
    }

    /** The main window's last size, {@code {width, height}}, or the given default. */
    public synchronized double[] windowSize(double defaultWidth, double defaultHeight) {
        return new double[] {number(WINDOW_WIDTH, defaultWidth), number(WINDOW_HEIGHT, defaultHeight)};
    }

    public synchronized void setWindowSize(double width, double height) {
        values.setProperty(WINDOW_WIDTH, Long.toString(Math.round(width)));
        put(WINDOW_HEIGHT, Long.toString(Math.round(height)));
    }

    /** The name of the screen the user was on when the app last closed. */
    public synchronized Optional<String> lastScreen() {
        return Optional.ofNullable(values.getProperty(LAST_SCREEN)).filter(s -> !s.isBlank());
    }

    public synchronized void setLastScreen(String screen) {
        put(LAST_SCREEN, screen);
    }

    /**
     * How long the window may go without a key or mouse input before it locks; {@link Duration#ZERO} means never.
     * In minutes (fractions allowed): {@code -Dcoffer.idleLock} over {@code idle.lock.minutes} in the settings
     * file, else {@link #DEFAULT_IDLE_LOCK}; a value that is not a number of minutes counts as not set.
     */
    public synchronized Duration idleLock() {
        return minutes(System.getProperty(IDLE_LOCK_PROPERTY))
                .or(() -> minutes(values.getProperty(IDLE_LOCK)))
                .orElse(DEFAULT_IDLE_LOCK);
    }

    /** Sets the idle lock's time (whole seconds are kept); {@link Duration#ZERO} for never. */
    public synchronized void setIdleLock(Duration idle) {
        if (idle.isNegative()) {
            throw new IllegalArgumentException("negative idle lock: " + idle);
        }
        put(IDLE_LOCK, BigDecimal.valueOf(idle.toSeconds()).divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString());
    }

    private static Optional<Duration> minutes(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            double minutes = Double.parseDouble(text.strip());
            return minutes >= 0 && minutes <= 7 * 24 * 60
                    ? Optional.of(Duration.ofMillis(Math.round(minutes * 60_000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private double number(String key, double fallback) {
        try {
            double value = Double.parseDouble(values.getProperty(key, ""));
            return value >= 200 && value <= 10_000 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
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
