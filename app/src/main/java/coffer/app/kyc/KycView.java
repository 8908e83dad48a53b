package coffer.app.kyc;

import coffer.app.shell.ScreenView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** Identity status, limits and the submission form; it only binds to and forwards to {@link KycViewModel}. */
public final class KycView extends ScreenView<KycViewModel> {
    @FXML private Label status;
    @FXML private Label tier;
    @FXML private Label perTransaction;
    @FXML private Label daily;
    @FXML private Label maxBalance;
    @FXML private Label remainingToday;
    @FXML private Label hint;
    @FXML private TextField fullName;
    @FXML private TextField dateOfBirth;
    @FXML private TextField country;
    @FXML private ComboBox<String> documentType;
    @FXML private TextField documentNumber;
    @FXML private Button submit;

    public KycView(KycViewModel viewModel) {
        super(viewModel, "Kyc.fxml");
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.statusText);
        tier.textProperty().bind(viewModel.tier);
        perTransaction.textProperty().bind(viewModel.perTransaction);
        daily.textProperty().bind(viewModel.daily);
        maxBalance.textProperty().bind(viewModel.maxBalance);
        remainingToday.textProperty().bind(viewModel.remainingToday);
        hint.textProperty().bind(viewModel.hint);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        fullName.textProperty().bindBidirectional(viewModel.fullName);
        dateOfBirth.textProperty().bindBidirectional(viewModel.dateOfBirth);
        country.textProperty().bindBidirectional(viewModel.country);
        documentType.getItems().setAll(viewModel.documentTypes());
        documentType.setConverter(new StringConverter<>() {
            @Override
            public String toString(String type) {
                return viewModel.documentTypeName(type);
            }

            @Override
            public String fromString(String text) {
                return null;   // not editable: never asked
            }
        });
        documentType.valueProperty().bindBidirectional(viewModel.documentType);
        documentNumber.textProperty().bindBidirectional(viewModel.documentNumber);
        submit.disableProperty().bind(viewModel.canSubmit.not());
        viewModel.load();
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
