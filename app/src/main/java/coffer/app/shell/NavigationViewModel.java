package coffer.app.shell;

import coffer.app.concurrent.ScreenState;
import coffer.app.settings.AppSettings;
import coffer.app.settings.Language;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Where the user is in the main window: the screen on show, whether the screens of a session are open
 * (a user is signed in), and what the window remembers between starts (its size, the last screen, the theme).
 */
public final class NavigationViewModel {
    private final AppSettings settings;
    private final ScreenState window;
    private final ReadOnlyObjectWrapper<Screen> screenWrapper = new ReadOnlyObjectWrapper<>(Screen.STARTING);
    public final ReadOnlyObjectProperty<Screen> screen = screenWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper signedInWrapper = new ReadOnlyBooleanWrapper();
    /** True while a user is signed in: the screens that need a session are open. */
    public final ReadOnlyBooleanProperty signedIn = signedInWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper darkThemeWrapper = new ReadOnlyBooleanWrapper();
    public final ReadOnlyBooleanProperty darkTheme = darkThemeWrapper.getReadOnlyProperty();
    /** The language chosen in Settings: the main window reloads its own texts when it changes. */
    public final ReadOnlyObjectProperty<Language> language;

    /** @param window the main window's error, cleared when the user moves to another screen */
    NavigationViewModel(AppSettings settings, ScreenState window) {
        this.settings = settings;
        this.window = window;
        this.language = settings.languageProperty();
        darkThemeWrapper.set(settings.darkTheme());
    }

    /** Shows a screen; screens that need a session fall back to sign-in. */
    public void show(Screen target) {
        window.clearError();
        screenWrapper.set(target.needsSession() && !signedIn.get() ? Screen.SIGN_IN : target);
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
        signedInWrapper.set(false);
        screenWrapper.set(Screen.STARTING);
    }

    /** Shows {@code target} as it is, without a word to the user (the shell's own moves). */
    void land(Screen target) {
        screenWrapper.set(target);
    }

    /** A user is signed in: the session's screens open on the one the user last worked on, else on Home. */
    void enterSession() {
        signedInWrapper.set(true);
        screenWrapper.set(settings.lastScreen().flatMap(name -> Arrays.stream(Screen.values())
                        .filter(s -> s.name().equals(name) && s.needsSession()).findFirst())
                .orElse(Screen.HOME));
    }

    /** The session ended: its screens close, sign-in shows. */
    void leaveSession() {
        signedInWrapper.set(false);
        screenWrapper.set(Screen.SIGN_IN);
    }

    /** The settings were saved: the theme follows them. */
    void settingsSaved() {
        darkThemeWrapper.set(settings.darkTheme());
    }
}
