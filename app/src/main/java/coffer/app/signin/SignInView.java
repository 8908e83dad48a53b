package coffer.app.signin;

import coffer.app.shell.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** The sign-in and register form; it only binds to and forwards to {@link SignInViewModel}. */
public final class SignInView {
    private final SignInViewModel viewModel;
    private final Parent root;
    @FXML private Label title;
    @FXML private TextField email;
    @FXML private PasswordField password;
    @FXML private TextField name;
    @FXML private Label nameLabel;
    @FXML private Button submit;
    @FXML private Hyperlink switchMode;
    @FXML private Label hint;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;

    public SignInView(SignInViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "SignIn.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        name.visibleProperty().bind(viewModel.registeringProperty());
        name.managedProperty().bind(viewModel.registeringProperty());
        nameLabel.visibleProperty().bind(viewModel.registeringProperty());
        nameLabel.managedProperty().bind(viewModel.registeringProperty());
        title.textProperty().bind(viewModel.registeringProperty().map(r -> r ? "Create your Coffer account" : "Sign in to Coffer"));
        submit.textProperty().bind(viewModel.registeringProperty().map(r -> r ? "Create account" : "Sign in"));
        switchMode.textProperty().bind(viewModel.registeringProperty()
                .map(r -> r ? "I have an account: sign in" : "New here? Create an account"));
        submit.disableProperty().bind(viewModel.busyProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        hint.setText(viewModel.hint());
        hint.setVisible(!viewModel.hint().isEmpty());
        error.textProperty().bind(viewModel.errorProperty());
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void switchMode() {
        viewModel.toggleMode();
    }
}
