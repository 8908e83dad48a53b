package coffer.app.signin;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.ScreenViewModel;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Sign in, or register a new user (the same form with a name). */
public final class SignInViewModel extends ScreenViewModel {
    /** Shown in embedded mode, where the bundled server has SPEC's demo users. */
    public static final String DEMO_HINT =
            "Demo accounts: alice@example.com or bob@example.com, password demo-password";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ApiClient api;
    private final Runnable onSignedIn;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty registering = new SimpleBooleanProperty();
    private final String hint;

    public SignInViewModel(ApiClient api, BackgroundExecutor executor, boolean demoServer, Runnable onSignedIn) {
        super(executor);
        this.api = Objects.requireNonNull(api, "api");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
        this.hint = demoServer ? DEMO_HINT : "";
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** True on the register form, false on the sign-in form. */
    public BooleanProperty registeringProperty() {
        return registering;
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
        if (!EMAIL.matcher(mail).matches()) {
            state.error("Enter your email address.");
            return;
        }
        if (secret.isEmpty()) {
            state.error("Enter your password.");
            return;
        }
        boolean register = registering.get();
        if (register && fullName.isEmpty()) {
            state.error("Enter your name.");
            return;
        }
        if (register && secret.length() < 8) {
            state.error("Choose a password of at least 8 characters.");
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
