package coffer.app.shell;

import coffer.app.lock.IdleLockViewModel;
import coffer.app.lock.LockView;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * What the main window has around its screens: the {@link MainMenu menu bar} on top, the toast of arriving money
 * over the screens' bottom right corner, and the idle lock over everything. Key and mouse input anywhere in the
 * window counts as activity for the lock; while locked the screens and the menu are disabled (out of the focus
 * order and of the shortcuts' reach) and the windows the main window owns (dialogs, popups) are closed.
 */
final class MainFrame {
    /** How often the idle time is checked. */
    private static final Duration TICK = Duration.millis(500);

    private final StackPane root;
    private final BorderPane window;
    private final AppViewModel app;

    MainFrame(Parent screens, AppViewModel app, Stage stage) {
        this.app = app;
        FrameViewModel frame = app.frame();
        IdleLockViewModel idleLock = frame.idleLock();
        MainMenu menu = new MainMenu(app, stage);
        LockView lock = new LockView(idleLock);
        Label toast = new Label();
        toast.setId("arrivalToast");
        toast.setWrapText(true);
        toast.setMaxWidth(420);
        toast.setStyle("-fx-background-color: -color-success-emphasis; -fx-text-fill: -color-fg-emphasis;"
                + " -fx-padding: 10 16 10 16; -fx-background-radius: 6;");
        toast.textProperty().bind(frame.toasts().text);
        toast.visibleProperty().bind(frame.toasts().showing);
        StackPane toasts = new StackPane(toast);
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toast, new Insets(0, 16, 64, 0));
        toasts.setMouseTransparent(true);
        toasts.setPickOnBounds(false);

        window = new BorderPane(screens);
        window.setTop(menu.bar());
        screens.disableProperty().bind(idleLock.locked);
        root = new StackPane(window, toasts, lock.root());

        EventHandler<Event> activity = e -> idleLock.activity();
        for (var type : List.of(KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_MOVED, MouseEvent.MOUSE_PRESSED,
                MouseEvent.MOUSE_DRAGGED, ScrollEvent.SCROLL)) {
            root.addEventFilter(type, activity);
        }
        idleLock.locked.addListener((o, was, locked) -> {
            if (locked) {
                closeOwnedWindows(stage);
            }
        });
        Timeline ticks = new Timeline(new KeyFrame(TICK, e -> idleLock.tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> ticks.stop());
    }

    Parent root() {
        return root;
    }

    /** The menu, the screens and the lock built again (in a newly chosen language); the toast and timers stay. */
    void relabel(Parent screens, Stage stage) {
        IdleLockViewModel idleLock = app.frame().idleLock();
        window.setTop(new MainMenu(app, stage).bar());
        window.setCenter(screens);
        screens.disableProperty().bind(idleLock.locked);
        root.getChildren().set(root.getChildren().size() - 1, new LockView(idleLock).root());
        MainView.forgetDetachedMnemonics(root.getScene());
    }

    /** Dialogs and popups of the main window close as it locks: nothing of the app shows past the lock. */
    private static void closeOwnedWindows(Stage stage) {
        for (Window window : List.copyOf(Window.getWindows())) {
            boolean owned = window instanceof Stage dialog && dialog.getOwner() == stage
                    || window instanceof PopupWindow popup && popup.getOwnerWindow() == stage;
            if (owned) {
                window.hide();
            }
        }
    }
}
