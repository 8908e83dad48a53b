package coffer.app.signin;

import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.format.Problems;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Sign in, or register a new user (the same form with a name). */
public final class SignInViewModel {
    /** Shown in embedded mode, where the bundled server has SPEC's demo users. */
    public static final String DEMO_HINT =
            "Demo accounts: alice@example.com or bob@example.com, password demo-password";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ApiClient api;
    private final BackgroundExecutor executor;
    private final Runnable onSignedIn;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty registering = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final String hint;

    public SignInViewModel(ApiClient api, BackgroundExecutor executor, boolean demoServer, Runnable onSignedIn) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
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

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public String hint() {
        return hint;
    }

    public void toggleMode() {
        registering.set(!registering.get());
        error.set("");
    }

    public void submit() {
        String mail = email.get() == null ? "" : email.get().strip();
        String secret = password.get() == null ? "" : password.get();
        String fullName = name.get() == null ? "" : name.get().strip();
        if (!EMAIL.matcher(mail).matches()) {
            error.set("Enter your email address.");
            return;
        }
        if (secret.isEmpty()) {
            error.set("Enter your password.");
            return;
        }
        boolean register = registering.get();
        if (register && fullName.isEmpty()) {
            error.set("Enter your name.");
            return;
        }
        if (register && secret.length() < 8) {
            error.set("Choose a password of at least 8 characters.");
            return;
        }
        error.set("");
        busy.set(true);
        executor.submit(() -> {
            if (register) {
                api.register(mail, secret, fullName);
            } else {
                api.login(mail, secret);
            }
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            password.set("");
            onSignedIn.run();
        }, failure -> {
            busy.set(false);
            error.set(Problems.describe(failure));
        });
    }
}
