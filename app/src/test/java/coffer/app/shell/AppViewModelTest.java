package coffer.app.shell;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.settings.AppSettings;
import coffer.app.signin.SignInViewModel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class AppViewModelTest {
    @TempDir
    Path home;

    private AppViewModel app(AppSettings settings) {
        return new AppViewModel(BackgroundExecutor.sameThread(), settings, home.resolve("embedded"), Duration.ZERO);
    }

    @Test
    void withNoServerConfiguredTheBundledServerStartsAndSaysSo() {
        try (AppViewModel app = app(AppSettings.load(home))) {
            app.start();

            assertThat(app.navigation().screen.get()).isEqualTo(Screen.SIGN_IN);
            assertThat(app.connection().connection.get()).startsWith("Bundled server running in this app at http://localhost:")
                    .endsWith("with demo data");
            assertThat(app.connection().embedded()).isTrue();
            assertThat(home.resolve("embedded")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".db"));

            assertThat(app.content().signIn().hint()).isEqualTo(SignInViewModel.demoHint());
            signInAsAlice(app);
            assertThat(app.navigation().screen.get()).as("a signed-in user lands on Home").isEqualTo(Screen.HOME);

            app.session().signOut();
            assertThat(app.navigation().screen.get()).isEqualTo(Screen.SIGN_IN);
            app.navigation().show(Screen.SEND);
            assertThat(app.navigation().screen.get()).as("screens that need a session").isEqualTo(Screen.SIGN_IN);
        }
    }

    @Test
    void aConfiguredServerIsUsedInsteadAndDemoAccountsAreNotHinted() {
        AppSettings settings = AppSettings.load(home);
        settings.setServerUrl("http://localhost:9");
        try (AppViewModel app = app(settings)) {
            app.start();

            assertThat(app.connection().connection.get()).isEqualTo("Connected to http://localhost:9");
            assertThat(app.connection().embedded()).isFalse();
            assertThat(home.resolve("embedded")).doesNotExist();
            SignInViewModel signIn = app.content().signIn();
            assertThat(signIn.hint()).isEmpty();

            signIn.email.set("alice@example.com");
            signIn.password.set("demo-password");
            signIn.submit();
            assertThat(signIn.error.get()).startsWith("The Coffer server cannot be reached");
            assertThat(app.navigation().screen.get()).isEqualTo(Screen.SIGN_IN);
        }
    }

    @Test
    void theNextSignInReturnsToTheLastScreenAndTheWindowKeepsItsSize() {
        try (AppViewModel app = app(AppSettings.load(home))) {
            app.start();
            signInAsAlice(app);
            app.navigation().show(Screen.RECEIVE);
            app.navigation().remember(1234, 777);
        }

        try (AppViewModel app = app(AppSettings.load(home))) {
            assertThat(app.navigation().windowSize()).containsExactly(1234, 777);
            app.start();
            signInAsAlice(app);
            assertThat(app.navigation().screen.get()).isEqualTo(Screen.RECEIVE);
        }
    }

    private static void signInAsAlice(AppViewModel app) {
        SignInViewModel signIn = app.content().signIn();
        signIn.email.set("alice@example.com");
        signIn.password.set("demo-password");
        signIn.submit();
    }
}
