package coffer.app.signin;

import coffer.app.api.AuthApi;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import coffer.app.i18n.Texts;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** Sign in, or register a new user (the same form with a name). */
public final class SignInViewModel extends ScreenViewModel {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AuthApi api;
    private final Runnable onSignedIn;
    public final StringProperty email = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("");
    /** True on the register form, false on the sign-in form. */
    public final BooleanProperty registering = new SimpleBooleanProperty();
    /** The form's heading: signing in, or creating an account. */
    public final ObservableValue<String> title = byMode("signin.register.title", "signin.title");
    /** The form's button. */
    public final ObservableValue<String> submitText = byMode("signin.register.submit", "signin.submit");
    /** The link to the other form. */
    public final ObservableValue<String> switchText = byMode("signin.register.switch", "signin.switch");
    private final String hint;

    /** @param demoServer true on the bundled server, whose demo users (SPEC's) are hinted */
    public SignInViewModel(AuthApi api, BackgroundExecutor executor, boolean demoServer, Runnable onSignedIn) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
        this.hint = demoServer ? demoHint() : "";
    }

    /** The bundled server's demo users and their password, in the current language. */
    public static String demoHint() {
        return Texts.text("signin.demoHint");
    }

    private ObservableValue<String> byMode(String registerKey, String signInKey) {
        return registering.map(r -> Texts.text(r ? registerKey : signInKey));
    }

    public String hint() {
        return hint;
    }

    public void toggleMode() {
        registering.set(!registering.get());
        state.clearError();
    }

    public void submit() {
        String mail = email.get() == null ? "" : email.get().strip();
        String secret = password.get() == null ? "" : password.get();
        String fullName = name.get() == null ? "" : name.get().strip();
        boolean register = registering.get();
        String problem = !EMAIL.matcher(mail).matches() ? "signin.error.email"
                : secret.isEmpty() ? "signin.error.password"
                : register && fullName.isEmpty() ? "signin.error.name"
                : register && secret.length() < 8 ? "signin.error.shortPassword"
                : null;
        if (problem != null) {
            state.error(Texts.text(problem));
            return;
        }
        state.clearError();
        state.run(() -> {
            if (register) {
                api.register(mail, secret, fullName);
            } else {
                api.login(mail, secret);
            }
            return Boolean.TRUE;
        }, ok -> {
            password.set("");
            onSignedIn.run();
        });
    }
}
