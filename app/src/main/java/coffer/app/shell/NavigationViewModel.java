package coffer.app.shell;

import coffer.app.concurrent.ScreenState;
import coffer.app.settings.AppSettings;
import coffer.app.settings.Language;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Where the user is in the main window: the screen on show, whether the screens of a session are open
 * (a user is signed in), and what the window remembers between starts (its size, the last screen, the theme).
 */
public final class NavigationViewModel {
    private final AppSettings settings;
    private final ScreenState window;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.STARTING);
    private final BooleanProperty signedIn = new SimpleBooleanProperty();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();

    /** @param window the main window's error, cleared when the user moves to another screen */
    NavigationViewModel(AppSettings settings, ScreenState window) {
        this.settings = settings;
        this.window = window;
        darkTheme.set(settings.darkTheme());
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** True while a user is signed in: the screens that need a session are open. */
    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn;
    }

    /** The language chosen in Settings: the main window reloads its own texts when it changes. */
    public ReadOnlyObjectProperty<Language> languageProperty() {
        return settings.languageProperty();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Shows a screen; screens that need a session fall back to sign-in. */
    public void show(Screen target) {
        window.clearError();
        screen.set(target.needsSession() && !signedIn.get() ? Screen.SIGN_IN : target);
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

    boolean signedIn() {
        return signedIn.get();
    }

    /** Connecting: no session, the starting page. */
    void starting() {
        signedIn.set(false);
        screen.set(Screen.STARTING);
    }

    /** Shows {@code target} as it is, without a word to the user (the shell's own moves). */
    void land(Screen target) {
        screen.set(target);
    }

    /** A user is signed in: the session's screens open on the one the user last worked on, else on Home. */
    void enterSession() {
        signedIn.set(true);
        screen.set(settings.lastScreen().flatMap(name -> Arrays.stream(Screen.values())
                        .filter(s -> s.name().equals(name) && s.needsSession()).findFirst())
                .orElse(Screen.HOME));
    }

    /** The session ended: its screens close, sign-in shows. */
    void leaveSession() {
        signedIn.set(false);
        screen.set(Screen.SIGN_IN);
    }

    /** The settings were saved: the theme follows them. */
    void settingsSaved() {
        darkTheme.set(settings.darkTheme());
    }
}
