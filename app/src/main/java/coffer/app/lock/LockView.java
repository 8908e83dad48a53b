package coffer.app.lock;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/**
 * The lock over the window: the signed-in user's email and a password field with Unlock, or, when the password
 * cannot be checked here, only Sign out. Shows while the window is locked, taking the focus.
 */
public final class LockView extends ScreenView<IdleLockViewModel> {
    @FXML private Label who;
    @FXML private Label passwordLabel;
    @FXML private PasswordField password;
    @FXML private Label noPassword;
    @FXML private Button unlock;
    @FXML private Button signOut;

    public LockView(IdleLockViewModel viewModel) {
        super(viewModel, "Lock.fxml");
        root().visibleProperty().bind(viewModel.locked);
        viewModel.locked.addListener((o, was, now) -> focus());
        viewModel.canUnlock.addListener((o, was, now) -> focus());
    }

    @FXML
    private void initialize() {
        passwordLabel.setLabelFor(password);
        who.textProperty().bind(viewModel.email.map(email -> Texts.text("lock.signedInAs", email)));
        password.textProperty().bindBidirectional(viewModel.password);
        for (Node withPassword : new Node[] {passwordLabel, password, unlock}) {
            withPassword.visibleProperty().bind(viewModel.canUnlock);
            withPassword.managedProperty().bind(viewModel.canUnlock);
        }
        noPassword.visibleProperty().bind(viewModel.canUnlock.not());
        noPassword.managedProperty().bind(noPassword.visibleProperty());
        unlock.disableProperty().bind(viewModel.busy.or(viewModel.waiting));
        signOut.defaultButtonProperty().bind(viewModel.canUnlock.not());
    }

    /** The password field (or Sign out, when there is no password to type) takes the focus while locked. */
    private void focus() {
        if (viewModel.locked.get()) {
            Platform.runLater(() -> (viewModel.canUnlock.get() ? password : signOut).requestFocus());
        }
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }
}
