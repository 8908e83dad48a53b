package coffer.app.signin;

import static coffer.app.InProcessServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

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
        viewModel.emailProperty().set(ALICE);
        viewModel.passwordProperty().set(InProcessServer.PASSWORD);

        viewModel.submit();

        assertThat(signedIn).hasValue(1);
        assertThat(api.signedIn()).isTrue();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheServersMessage() {
        viewModel.emailProperty().set(ALICE);
        viewModel.passwordProperty().set("not-the-password");

        viewModel.submit();

        assertThat(signedIn).hasValue(0);
        assertThat(api.signedIn()).isFalse();
        assertThat(viewModel.errorProperty().get()).isNotBlank();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {
            "'', demo-password, Enter your email address.",
            "alice, demo-password, Enter your email address.",
            "alice@example.com, '', Enter your password."})
    void incompleteFormsAreRefusedBeforeAskingTheServer(String email, String password, String message) {
        viewModel.emailProperty().set(email);
        viewModel.passwordProperty().set(password);

        viewModel.submit();

        assertThat(viewModel.errorProperty().get()).isEqualTo(message);
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void registeringNeedsANameAndALongEnoughPassword() {
        viewModel.toggleMode();
        viewModel.emailProperty().set("new@example.com");
        viewModel.passwordProperty().set("long-enough-password");

        viewModel.submit();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Enter your name.");

        viewModel.nameProperty().set("New User");
        viewModel.passwordProperty().set("short");
        viewModel.submit();
        assertThat(viewModel.errorProperty().get()).contains("at least 8 characters");
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void registeringCreatesTheAccountAndSignsIn() {
        viewModel.toggleMode();
        viewModel.emailProperty().set("user-" + UUID.randomUUID() + "@example.com");
        viewModel.nameProperty().set("New User");
        viewModel.passwordProperty().set("long-enough-password");

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
        viewModel.emailProperty().set("nuevo@example.com");
        viewModel.passwordProperty().set("corta");
        viewModel.nameProperty().set("Nuevo Usuario");

        viewModel.submit();

        assertThat(viewModel.errorProperty().get()).isEqualTo("Elige una contraseña de al menos 8 caracteres.");
        assertThat(viewModel.submitTextProperty().getValue()).isEqualTo("Crear cuenta");
        assertThat(signedIn).hasValue(0);
    }
}
