package coffer.app;

import coffer.app.concurrent.FxBackgroundExecutor;
import coffer.app.diagnostics.CrashReporter;
import coffer.app.server.EmbeddedServer;
import coffer.app.settings.AppSettings;
import coffer.app.shell.AppViewModel;
import coffer.app.shell.MainView;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The Coffer desktop app. */
public final class CofferApp extends Application {
    /** How often a payment in flight is asked for its status. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private FxBackgroundExecutor executor;
    private AppViewModel app;

    @Override
    public void start(Stage stage) {
        if (StartupProbe.requested()) {
            StartupProbe.watch(stage);
        }
        CrashReporter.install();
        executor = new FxBackgroundExecutor();
        AppSettings settings = AppSettings.load();
        // the language the user chose, before the first text is loaded
        settings.applyLanguage();
        // the API client refuses any call on the FX thread: a blocking call there would freeze the window
        app = new AppViewModel(executor, settings, EmbeddedServer.defaultDataDir(), POLL_INTERVAL,
                Platform::isFxApplicationThread);
        MainView.show(stage, app);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
