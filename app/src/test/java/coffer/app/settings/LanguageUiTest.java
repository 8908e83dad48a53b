package coffer.app.settings;

import static coffer.app.FxWait.text;
import static coffer.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.api.AuthApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import coffer.app.signin.SignInView;
import coffer.app.signin.SignInViewModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The language chosen on the settings screen: the screens opened after saving speak it, and so does the next start. */
@ExtendWith(ApplicationExtension.class)
class LanguageUiTest {
    private static final AuthApi NO_SERVER = new AuthApi() {
        @Override
        public void login(String email, String password) {
            throw new AssertionError("not asked");
        }

        @Override
        public void register(String email, String password, String name) {
            throw new AssertionError("not asked");
        }
    };
    @TempDir
    Path home;
    private final Locale language = Texts.locale();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void speakAsBefore() {
        Texts.use(language);
    }

    /** Loads a screen afresh, as the main window does when the user opens it, and shows it. */
    private void show(FxRobot robot, Supplier<Parent> screen) {
        robot.interact(() -> {
            stage.setScene(new Scene(screen.get(), 640, 560));
            stage.show();
        });
    }

    private static Parent signIn() {
        return new SignInView(new SignInViewModel(NO_SERVER, BackgroundExecutor.sameThread(), true, () -> { })).root();
    }

    @Test
    void withEspanolSavedTheScreensOpenedAfterSpeakSpanish(FxRobot robot) throws Exception {
        Texts.use(Texts.ENGLISH);
        show(robot, () -> new SettingsView(new SettingsViewModel(AppSettings.load(home),
                BackgroundExecutor.sameThread(), serverChanged -> { })).root());
        ComboBox<Language> choice = robot.lookup("#language").queryComboBox();
        assertThat(choice.getItems()).extracting(Language::displayName)
                .containsExactly("System language", "English", "Español");

        robot.interact(() -> choice.setValue(Language.SPANISH));
        robot.clickOn("#saveSettings");

        waitUntil(() -> text(robot, "#settingsNotice").startsWith("Guardado."));
        show(robot, LanguageUiTest::signIn);
        assertThat(text(robot, "#signInTitle")).isEqualTo("Inicia sesión en Coffer");
        assertThat(text(robot, "#signInButton")).isEqualTo("Iniciar sesión");
        assertThat(text(robot, "#demoHint")).startsWith("Cuentas de demostración");

        // the next start: the language is applied before the first screen loads
        Texts.use(Texts.ENGLISH);
        AppSettings.load(home).applyLanguage();
        show(robot, LanguageUiTest::signIn);
        assertThat(text(robot, "#signInTitle")).isEqualTo("Inicia sesión en Coffer");
    }
}
