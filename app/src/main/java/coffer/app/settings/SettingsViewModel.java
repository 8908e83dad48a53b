package coffer.app.settings;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.i18n.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Where the app connects (the bundled server or a Coffer server URL), the theme, the language and when the window
 * locks itself. A language
 * saved here speaks at once on the screens opened from then on; {@link AppSettings#languageProperty()} tells the
 * main window.
 */
public final class SettingsViewModel extends ScreenViewModel {
    private final AppSettings settings;
    /** Told after each save whether the server changed. */
    private final Consumer<Boolean> onSaved;
    public final BooleanProperty useBundledServer = new SimpleBooleanProperty();
    public final StringProperty serverUrl = new SimpleStringProperty("");
    public final BooleanProperty darkTheme = new SimpleBooleanProperty();
    /** The language chosen on the form; saved with the rest. */
    public final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    /** When the window locks itself; saved with the rest, and followed from the next minute on. */
    public final ObjectProperty<IdleLockChoice> idleLock = new SimpleObjectProperty<>();
    /** What the idle lock's picker offers. */
    public final List<IdleLockChoice> idleLocks;

    public SettingsViewModel(AppSettings settings, BackgroundExecutor executor, Consumer<Boolean> onSaved) {
        super(executor);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        useBundledServer.set(settings.serverUrl().isEmpty());
        serverUrl.set(settings.serverUrl().orElse(""));
        darkTheme.set(settings.darkTheme());
        language.set(settings.language());
        idleLock.set(new IdleLockChoice(settings.idleLock()));
        idleLocks = IdleLockChoice.offered(settings.idleLock());
    }

    /** What the language may be: the system's, English, Spanish. */
    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** Saves the choices; a changed server means signing in again there, a changed language speaks at once. */
    public void save() {
        state.clear();
        String url = "";
        if (!useBundledServer.get()) {
            url = serverUrl.get() == null ? "" : serverUrl.get().strip();
            if (!validUrl(url)) {
                state.error(Texts.text("settings.error.url"));
                return;
            }
        }
        settings.setDarkTheme(darkTheme.get());
        Language chosen = language.get() == null ? Language.SYSTEM : language.get();
        boolean newLanguage = chosen != settings.language();
        if (newLanguage) {
            settings.setLanguage(chosen);
        }
        if (idleLock.get() != null && !idleLock.get().after().equals(settings.idleLock())) {
            settings.setIdleLock(idleLock.get().after());
        }
        boolean changed = !settings.serverUrl().orElse("").equals(url);
        settings.setServerUrl(url);
        state.notice(Texts.text(newLanguage ? "settings.saved.language" : "settings.saved"));
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
