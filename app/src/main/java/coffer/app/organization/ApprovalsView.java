package coffer.app.organization;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** The approvals inbox; it only binds to and forwards to {@link ApprovalsViewModel}. */
public final class ApprovalsView extends ScreenView<ApprovalsViewModel> {
    @FXML private TableView<ApprovalRow> approvals;
    @FXML private Label why;
    @FXML private Button approve;
    @FXML private Button reject;

    public ApprovalsView(ApprovalsViewModel viewModel) {
        super(viewModel, "Approvals.fxml");
    }

    @FXML
    private void initialize() {
        approvals.getColumns().setAll(List.of(
                column(Texts.text("approvals.column.organization"), 100, ApprovalRow::organizationName),
                column(Texts.text("approvals.column.amount"), 110, ApprovalRow::amount),
                column(Texts.text("approvals.column.to"), 160, ApprovalRow::destination),
                column(Texts.text("approvals.column.description"), 110, ApprovalRow::description),
                column(Texts.text("approvals.column.askedBy"), 150, ApprovalRow::askedBy),
                column(Texts.text("approvals.column.asked"), 160, ApprovalRow::asked),
                column(Texts.text("approvals.column.expires"), 160, ApprovalRow::expires),
                column(Texts.text("approvals.column.state"), 170, ApprovalRow::state)));
        // an amount is never cut short: the other columns give way first
        approvals.getColumns().get(1).setMinWidth(110);
        approvals.setItems(viewModel.approvals);
        TableSelection.bind(approvals, viewModel.selected);
        why.textProperty().bind(viewModel.why);
        approve.disableProperty().bind(viewModel.canDecide.not());
        reject.disableProperty().bind(viewModel.canDecide.not());
        viewModel.load();
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }

    @FXML
    private void approve() {
        viewModel.approve();
    }

    @FXML
    private void reject() {
        viewModel.reject();
    }
}
