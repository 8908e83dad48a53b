package coffer.app.settings;

import coffer.app.shell.ScreenView;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;

/** Server, theme, language and idle-lock choices; it only binds and forwards. */
public final class SettingsView extends ScreenView<SettingsViewModel> {
    @FXML private RadioButton bundled;
    @FXML private RadioButton remote;
    @FXML private TextField serverUrl;
    @FXML private CheckBox dark;
    @FXML private ComboBox<Language> language;
    @FXML private ComboBox<IdleLockChoice> idleLock;

    public SettingsView(SettingsViewModel viewModel) {
        super(viewModel, "Settings.fxml");
    }

    @FXML
    private void initialize() {
        bundled.selectedProperty().bindBidirectional(viewModel.useBundledServer);
        remote.setSelected(!bundled.isSelected());
        serverUrl.textProperty().bindBidirectional(viewModel.serverUrl);
        serverUrl.disableProperty().bind(viewModel.useBundledServer);
        dark.selectedProperty().bindBidirectional(viewModel.darkTheme);
        language.getItems().setAll(viewModel.languages());
        language.valueProperty().bindBidirectional(viewModel.language);
        idleLock.getItems().setAll(viewModel.idleLocks);
        idleLock.valueProperty().bindBidirectional(viewModel.idleLock);
    }

    @FXML
    private void save() {
        viewModel.save();
    }
}
