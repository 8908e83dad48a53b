package coffer.app.bench;

import coffer.app.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The lean reference of the app's start-up benchmark ({@code bench/startup.sh app}): a window of the app's
 * size with one label and JavaFX's default theme, its first frame timed by the same {@link StartupProbe}.
 * Started like the app's {@code Launcher}: the main class is not the {@link Application}, so it runs from a
 * plain classpath.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            StartupProbe.watch(stage);
            stage.setScene(new Scene(new StackPane(new Label("Coffer")), 1120, 700));
            stage.setTitle("Coffer");
            stage.show();
        }
    }
}
