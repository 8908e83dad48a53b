package coffer.app.settings;

import coffer.app.shell.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;

/** Server and theme choices; it only binds and forwards. */
public final class SettingsView {
    private final SettingsViewModel viewModel;
    private final Parent root;
    @FXML private RadioButton bundled;
    @FXML private RadioButton remote;
    @FXML private TextField serverUrl;
    @FXML private CheckBox dark;
    @FXML private Label error;
    @FXML private Label notice;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "Settings.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bundled.selectedProperty().bindBidirectional(viewModel.useBundledServerProperty());
        remote.setSelected(!bundled.isSelected());
        serverUrl.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        serverUrl.disableProperty().bind(viewModel.useBundledServerProperty());
        dark.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        error.textProperty().bind(viewModel.errorProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
    }

    @FXML
    private void save() {
        viewModel.save();
    }
}
