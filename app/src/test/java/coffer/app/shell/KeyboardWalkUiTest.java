package coffer.app.shell;

import coffer.app.AppWindow;
import coffer.app.InProcessServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app by keyboard alone, against the bundled server with the demo data: signing in with typing, Tab and Enter,
 * then, for every screen of the View menu ({@link ScreenMenu#ROWS}) and Settings, opening it with its shortcut and pressing Tab
 * until the focus comes round again. Every enabled, visible control of the screen that takes the focus must be
 * reached, and every text field reached must have a name a screen reader reads (a label for it, an accessible
 * text or a prompt). All screens are walked before the test fails, so its message lists every problem.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWalkUiTest {
    /** More Tabs than any screen has controls: past it, the focus is taken not to come round. */
    private static final int MOST_TABS = 200;

    @TempDir
    Path home;
    @RegisterExtension
    final AppWindow window = new AppWindow();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setHeight(900);
        window.open(stage, home);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private Node focusOwner() throws Exception {
        return fx(() -> stage.getScene().getFocusOwner());
    }

    @Test
    void everyScreenOfTheViewMenuCanBeWalkedWithTabAndNamesItsTextFields(FxRobot robot) throws Exception {
        waitUntil(() -> window.app().navigation().screen.get() == Screen.SIGN_IN
                && robot.lookup("#email").tryQuery().isPresent());
        tabTo(robot, "email");
        robot.write(InProcessServer.ALICE);
        tabTo(robot, "password");
        robot.write(InProcessServer.PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> window.app().navigation().screen.get() == Screen.HOME
                && ScreenshotsUiTest.settled(robot));

        List<String> problems = new ArrayList<>();
        for (ScreenMenu.Row row : ScreenMenu.ROWS) {
            KeyCodeCombination shortcut = (KeyCodeCombination) row.shortcut();
            KeyCode key = shortcut.getCode();
            if (shortcut.getShift() == KeyCombination.ModifierValue.DOWN) {
                robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
            } else {
                robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
            }
            waitUntil(() -> window.app().navigation().screen.get() == row.screen()
                    && ScreenshotsUiTest.settled(robot));
            problems.addAll(walk(robot, row.screen()));
            problems.addAll(markedCurrent(robot, row.screen()));
        }
        // File ▸ Settings, Ctrl+, (its toolbar button sits apart, at the right)
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        waitUntil(() -> window.app().navigation().screen.get() == Screen.SETTINGS && ScreenshotsUiTest.settled(robot));
        problems.addAll(walk(robot, Screen.SETTINGS));
        problems.addAll(markedCurrent(robot, Screen.SETTINGS));
        assertThat(problems).as("keyboard walk problems, screen by screen").isEmpty();
    }

    /** The toolbar marks the screen shown, and only it, so a user sees (and hears) where they are. */
    private static List<String> markedCurrent(FxRobot robot, Screen screen) {
        List<String> problems = new ArrayList<>();
        List<Screen> onToolbar = new ArrayList<>(ScreenMenu.ROWS.stream().map(ScreenMenu.Row::screen).toList());
        onToolbar.add(Screen.SETTINGS);
        for (Screen other : onToolbar) {
            String id = "#nav" + other.name().charAt(0) + other.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            Node button = robot.lookup(id).query();
            boolean marked = button.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current"));
            if (marked != (other == screen)) {
                problems.add(screen + ": the toolbar's " + id + (marked ? " is marked as the screen shown" : " is not marked"));
            }
        }
        return problems;
    }

    /** Presses Tab until the node with {@code id} has the focus. */
    private void tabTo(FxRobot robot, String id) throws Exception {
        for (int i = 0; i < 40; i++) {
            Node owner = focusOwner();
            if (owner != null && id.equals(owner.getId())) {
                return;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + "; the focus is on " + describe(focusOwner()));
    }

    /** Tabs round the screen, then says what it did not reach and which text fields it reached have no name. */
    private List<String> walk(FxRobot robot, Screen screen) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<Node> reached = new LinkedHashSet<>();
        robot.type(KeyCode.TAB);
        Node first = focusOwner();
        Node last = first;
        boolean cycled = false;
        for (int i = 0; i < MOST_TABS && first != null; i++) {
            reached.add(owning(last));
            // a text area takes Tab as text: Ctrl+Tab leaves it, as a keyboard user does
            if (last instanceof TextArea) {
                robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
            } else {
                robot.type(KeyCode.TAB);
            }
            Node now = focusOwner();
            if (now == first) {
                cycled = true;
                break;
            }
            if (now == last) {
                problems.add(screen + ": Tab does not leave " + describe(now));
                break;
            }
            last = now;
        }
        if (first == null) {
            problems.add(screen + ": Tab gives no control the focus");
        } else if (!cycled && problems.isEmpty()) {
            problems.add(screen + ": the focus does not come round after " + MOST_TABS + " Tabs");
        }
        List<Node> expected = fx(() -> expected(stage.getScene()));
        if (expected.isEmpty()) {
            problems.add(screen + ": no control to Tab to");
        }
        for (Node control : expected) {
            if (!reached.contains(control) && !groupReached(control, reached)) {
                problems.add(screen + ": Tab does not reach " + describe(control));
            }
        }
        for (Node node : reached) {
            if (node instanceof TextInputControl field && !fx(() -> named(field))) {
                problems.add(screen + ": no accessible name (label for it, accessibleText or promptText) for "
                        + describe(field));
            }
        }
        return problems;
    }

    /**
     * A radio button whose group was reached: a group of radio buttons is one Tab stop, its selected button, and the
     * arrow keys choose within it, as on every desktop.
     */
    private static boolean groupReached(Node control, Set<Node> reached) {
        return control instanceof javafx.scene.control.RadioButton radio && radio.getToggleGroup() != null
                && reached.stream().anyMatch(node -> node instanceof javafx.scene.control.RadioButton other
                        && other.getToggleGroup() == radio.getToggleGroup());
    }

    /** The screen's part of the window: the main view's centre (the offline bar and the screen), not its toolbar. */
    private static Parent screenArea(Scene scene) {
        BorderPane frame = (BorderPane) scene.getRoot().getChildrenUnmodifiable().get(0);
        BorderPane main = (BorderPane) frame.getCenter();
        return (Parent) main.getCenter();
    }

    /** Every control of the screen a user can Tab to: enabled, visible, taking the focus, and not a part of another. */
    private static List<Node> expected(Scene scene) {
        List<Node> found = new ArrayList<>();
        collect(screenArea(scene), found);
        return found;
    }

    private static void collect(Node node, Collection<Node> found) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof Control control && control.isFocusTraversable()) {
            found.add(control);
        }
        if (node instanceof Parent parent && !composite(node)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    /** Controls whose inner parts (an editor, cells, a list) are theirs, reached through them. */
    private static boolean composite(Node node) {
        return node instanceof ComboBoxBase || node instanceof Spinner || node instanceof TableView
                || node instanceof TreeTableView || node instanceof ListView || node instanceof TreeView;
    }

    /** The control a focused node belongs to: the combo box of its editor, the table of its cell. */
    private static Node owning(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (composite(n)) {
                return n;
            }
        }
        return node;
    }

    /** Whether a screen reader has a name for {@code field}: a label for it, an accessible text or a prompt. */
    private static boolean named(TextInputControl field) {
        if (notBlank(field.getAccessibleText()) || notBlank(field.getPromptText())) {
            return true;
        }
        return field.getScene().getRoot().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Label label && label.getLabelFor() == field && notBlank(label.getText()));
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        String name = node.getClass().getSimpleName() + (node.getId() != null ? "#" + node.getId() : "");
        if (node instanceof Labeled labeled && notBlank(labeled.getText())) {
            name += " \"" + labeled.getText() + "\"";
        } else if (node instanceof TextInputControl field && notBlank(field.getPromptText())) {
            name += " (prompt \"" + field.getPromptText() + "\")";
        }
        return name;
    }
}
