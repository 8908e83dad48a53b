package coffer.app;

import coffer.app.concurrent.FxBackgroundExecutor;
import coffer.app.settings.AppSettings;
import coffer.app.shell.AppViewModel;
import coffer.app.shell.MainView;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app's main window as UI tests open it: the bundled server with demo data in {@code home}, a
 * short poll interval, and the API client's FX-thread guard on. Register it as
 * {@code @RegisterExtension final AppWindow window = new AppWindow();}: after each test it checks that the
 * guard was asked and never had to refuse a call.
 */
public final class AppWindow implements AfterEachCallback {
    private final FxThreadGuard guard = new FxThreadGuard();
    private FxBackgroundExecutor executor;
    private AppViewModel app;
    private Stage stage;

    /** Opens the window on {@code stage}; call from the test's {@code @Start}. */
    public void open(Stage stage, Path home) {
        open(stage, AppSettings.load(home), home);
    }

    /** As {@link #open(Stage, Path)}, with settings the test prepared (a server URL, a window size). */
    public void open(Stage stage, AppSettings settings, Path home) {
        this.stage = stage;
        executor = new FxBackgroundExecutor();
        app = new AppViewModel(executor, settings, home.resolve("embedded"), Duration.ofMillis(100), guard);
        MainView.show(stage, app);
    }

    /** Stops the bundled server and the executor; call from the test's {@code @Stop}. */
    public void close() {
        app.close();
        executor.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        guard.assertCheckedAndNeverRefused();
    }

    public AppViewModel app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }
}
