package coffer.app.signin;

import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.api.AuthApi;
import coffer.app.concurrent.BackgroundExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sign-in form from the keyboard alone: each label's Alt+letter focuses its field, and Enter signs in. */
@ExtendWith(ApplicationExtension.class)
class SignInUiTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger signedIn = new AtomicInteger();

    @Start
    void start(Stage stage) {
        AuthApi server = new AuthApi() {
            @Override
            public void login(String email, String password) {
                calls.add("login " + email);
            }

            @Override
            public void register(String email, String password, String name) {
                calls.add("register " + email);
            }
        };
        SignInViewModel viewModel = new SignInViewModel(server, BackgroundExecutor.sameThread(), false,
                signedIn::incrementAndGet);
        stage.setScene(new Scene(new SignInView(viewModel).root(), 420, 480));
        stage.show();
    }

    private static void mnemonic(FxRobot robot, KeyCode letter) {
        robot.press(KeyCode.ALT, letter).release(letter, KeyCode.ALT);
    }

    @Test
    void eachLabelsMnemonicFocusesItsFieldAndEnterSignsIn(FxRobot robot) throws Exception {
        mnemonic(robot, KeyCode.P);
        waitUntil(() -> robot.lookup("#password").query().isFocused());
        robot.write("demo-password");

        mnemonic(robot, KeyCode.E);
        waitUntil(() -> robot.lookup("#email").query().isFocused());
        robot.write("alice@example.com");

        robot.type(KeyCode.ENTER);

        waitUntil(() -> signedIn.get() == 1);
        assertThat(calls).as("Enter pressed the default button, once").containsExactly("login alice@example.com");
    }
}
