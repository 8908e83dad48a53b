package coffer.app.signin;

import coffer.app.shell.ScreenView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The sign-in and register form; it only binds to and forwards to {@link SignInViewModel}. */
public final class SignInView extends ScreenView<SignInViewModel> {
    @FXML private Label title;
    @FXML private TextField email;
    @FXML private PasswordField password;
    @FXML private TextField name;
    @FXML private Label nameLabel;
    @FXML private Button submit;
    @FXML private Hyperlink switchMode;
    @FXML private Label hint;

    public SignInView(SignInViewModel viewModel) {
        super(viewModel, "SignIn.fxml");
    }

    @FXML
    private void initialize() {
        email.textProperty().bindBidirectional(viewModel.email);
        password.textProperty().bindBidirectional(viewModel.password);
        name.textProperty().bindBidirectional(viewModel.name);
        name.visibleProperty().bind(viewModel.registering);
        name.managedProperty().bind(viewModel.registering);
        nameLabel.visibleProperty().bind(viewModel.registering);
        nameLabel.managedProperty().bind(viewModel.registering);
        title.textProperty().bind(viewModel.title);
        submit.textProperty().bind(viewModel.submitText);
        switchMode.textProperty().bind(viewModel.switchText);
        submit.disableProperty().bind(viewModel.busy);
        hint.setText(viewModel.hint());
        hint.setVisible(!viewModel.hint().isEmpty());
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
