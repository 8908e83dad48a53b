package coffer.app.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Where the app connects (the bundled server or a Coffer server URL) and the theme. */
public final class SettingsViewModel {
    private final AppSettings settings;
    /** Told after each save whether the server changed. */
    private final Consumer<Boolean> onSaved;
    private final BooleanProperty useBundledServer = new SimpleBooleanProperty();
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");

    public SettingsViewModel(AppSettings settings, Consumer<Boolean> onSaved) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        useBundledServer.set(settings.serverUrl().isEmpty());
        serverUrl.set(settings.serverUrl().orElse(""));
        darkTheme.set(settings.darkTheme());
    }

    public BooleanProperty useBundledServerProperty() {
        return useBundledServer;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    /** Saves the choices; a changed server means signing in again there. */
    public void save() {
        error.set("");
        notice.set("");
        String url = "";
        if (!useBundledServer.get()) {
            url = serverUrl.get() == null ? "" : serverUrl.get().strip();
            if (!validUrl(url)) {
                error.set("Enter the server's address, such as https://coffer.example.com or http://localhost:8080.");
                return;
            }
        }
        settings.setDarkTheme(darkTheme.get());
        boolean changed = !settings.serverUrl().orElse("").equals(url);
        settings.setServerUrl(url);
        notice.set("Saved.");
        onSaved.accept(changed);
    }

    private static boolean validUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
