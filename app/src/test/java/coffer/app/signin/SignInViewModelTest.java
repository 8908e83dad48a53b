package coffer.app.signin;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.i18n.Texts;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static coffer.app.InProcessServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    private final ApiClient api = SERVER.client();
    private final AtomicInteger signedIn = new AtomicInteger();
    private final Locale language = Texts.locale();
    private final SignInViewModel viewModel =
            new SignInViewModel(api, BackgroundExecutor.sameThread(), true, signedIn::incrementAndGet);

    @AfterEach
    void speakAsBefore() {
        Texts.use(language);
    }

    @Test
    void aDemoUserSignsIn() {
        viewModel.email.set(ALICE);
        viewModel.password.set(InProcessServer.PASSWORD);

        viewModel.submit();

        assertThat(signedIn).hasValue(1);
        assertThat(api.signedIn()).isTrue();
        assertThat(viewModel.error.get()).isEmpty();
        assertThat(viewModel.password.get()).as("the password is not kept").isEmpty();
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheServersMessage() {
        viewModel.email.set(ALICE);
        viewModel.password.set("not-the-password");

        viewModel.submit();

        assertThat(signedIn).hasValue(0);
        assertThat(api.signedIn()).isFalse();
        assertThat(viewModel.error.get()).isNotBlank();
        assertThat(viewModel.busy.get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {
            "'', demo-password, Enter your email address.",
            "alice, demo-password, Enter your email address.",
            "alice@example.com, '', Enter your password."})
    void incompleteFormsAreRefusedBeforeAskingTheServer(String email, String password, String message) {
        viewModel.email.set(email);
        viewModel.password.set(password);

        viewModel.submit();

        assertThat(viewModel.error.get()).isEqualTo(message);
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void registeringNeedsANameAndALongEnoughPassword() {
        viewModel.toggleMode();
        viewModel.email.set("new@example.com");
        viewModel.password.set("long-enough-password");

        viewModel.submit();
        assertThat(viewModel.error.get()).isEqualTo("Enter your name.");

        viewModel.name.set("New User");
        viewModel.password.set("short");
        viewModel.submit();
        assertThat(viewModel.error.get()).contains("at least 8 characters");
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void registeringCreatesTheAccountAndSignsIn() {
        viewModel.toggleMode();
        viewModel.email.set("user-" + UUID.randomUUID() + "@example.com");
        viewModel.name.set("New User");
        viewModel.password.set("long-enough-password");

        viewModel.submit();

        assertThat(signedIn).hasValue(1);
        assertThat(api.signedIn()).isTrue();
    }

    @Test
    void demoAccountsAreHintedOnlyOnTheBundledServer() {
        assertThat(viewModel.hint()).contains(ALICE).contains("demo-password");
        assertThat(new SignInViewModel(api, BackgroundExecutor.sameThread(), false, () -> { }).hint()).isEmpty();
    }

    @Test
    void aSpanishUserIsToldInSpanishWhatTheFormLacks() {
        Texts.use(Texts.SPANISH);
        viewModel.toggleMode();
        viewModel.email.set("nuevo@example.com");
        viewModel.password.set("corta");
        viewModel.name.set("Nuevo Usuario");

        viewModel.submit();

        assertThat(viewModel.error.get()).isEqualTo("Elige una contraseña de al menos 8 caracteres.");
        assertThat(viewModel.submitText.getValue()).isEqualTo("Crear cuenta");
        assertThat(signedIn).hasValue(0);
    }
}
