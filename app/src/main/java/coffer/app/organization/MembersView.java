package coffer.app.organization;

import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.core.organization.OrganizationRole;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.util.StringConverter;

/**
 * An organization's members and approval threshold, or the user's organizations and a new one; it only binds to and
 * forwards to {@link MembersViewModel}.
 */
public final class MembersView extends ScreenView<MembersViewModel> {
    @FXML private Pane organizationBox;
    @FXML private Pane manageBox;
    @FXML private Pane confirmBox;
    @FXML private Pane mineBox;
    @FXML private Label heading;
    @FXML private Label readOnly;
    @FXML private TableView<MemberRow> members;
    @FXML private TextField inviteEmail;
    @FXML private ComboBox<OrganizationRole> inviteRole;
    @FXML private Button invite;
    @FXML private ComboBox<OrganizationRole> newRole;
    @FXML private Button changeRole;
    @FXML private Button remove;
    @FXML private Label confirmation;
    @FXML private Button confirmRemove;
    @FXML private Button keep;
    @FXML private Label thresholdNow;
    @FXML private Pane thresholdBox;
    @FXML private TextField threshold;
    @FXML private Button saveThreshold;
    @FXML private TableView<OrganizationRow> organizations;
    @FXML private TextField newName;
    @FXML private ComboBox<String> newCurrency;
    @FXML private Button create;

    public MembersView(MembersViewModel viewModel) {
        super(viewModel, "Members.fxml");
    }

    @FXML
    private void initialize() {
        showWhen(organizationBox, !viewModel.isMe());
        showWhen(mineBox, viewModel.isMe());
        if (viewModel.isMe()) {
            bindMine();
        } else {
            bindOrganization();
        }
        viewModel.load();
    }

    private void bindOrganization() {
        heading.textProperty().bind(viewModel.organizationName);
        readOnly.textProperty().bind(viewModel.readOnlyReason);
        readOnly.visibleProperty().bind(viewModel.readOnlyReason.isNotEmpty());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        manageBox.visibleProperty().bind(viewModel.mayManage);
        manageBox.managedProperty().bind(viewModel.mayManage);
        members.getColumns().setAll(List.of(
                column(Texts.text("members.column.email"), 320, MemberRow::email),
                column(Texts.text("members.column.role"), MemberRow::roleName)));
        members.setItems(viewModel.members);
        TableSelection.bind(members, viewModel.selected);
        inviteEmail.textProperty().bindBidirectional(viewModel.inviteEmail);
        roles(inviteRole);
        choice(inviteRole, viewModel.grantable, viewModel.inviteRole);
        roles(newRole);
        choice(newRole, viewModel.grantable, viewModel.newRole);
        invite.disableProperty().bind(viewModel.busy);
        changeRole.disableProperty().bind(viewModel.canChangeRole.not());
        remove.disableProperty().bind(viewModel.canRemove.not().or(viewModel.awaitingConfirmation));
        confirmBox.visibleProperty().bind(viewModel.awaitingConfirmation);
        confirmBox.managedProperty().bind(viewModel.awaitingConfirmation);
        confirmation.textProperty().bind(viewModel.confirmation);
        confirmRemove.disableProperty().bind(viewModel.busy);
        keep.cancelButtonProperty().bind(viewModel.awaitingConfirmation);
        // the question in focus: Space removes, Escape (the Keep button's key) takes it back
        viewModel.awaitingConfirmation.addListener((o, was, asking) -> {
            if (asking) {
                keep.requestFocus();
            }
        });
        thresholdNow.textProperty().bind(viewModel.thresholdNow);
        thresholdBox.visibleProperty().bind(viewModel.mayChangeSettings);
        thresholdBox.managedProperty().bind(viewModel.mayChangeSettings);
        threshold.textProperty().bindBidirectional(viewModel.threshold);
        saveThreshold.disableProperty().bind(viewModel.busy);
    }

    private void bindMine() {
        organizations.getColumns().setAll(List.of(
                column(Texts.text("members.organizations.column.name"), 320, OrganizationRow::name),
                column(Texts.text("members.organizations.column.role"), OrganizationRow::roleName)));
        organizations.setItems(viewModel.organizations);
        newName.textProperty().bindBidirectional(viewModel.newName);
        newCurrency.getItems().setAll(viewModel.currencies());
        newCurrency.valueProperty().bindBidirectional(viewModel.newCurrency);
        create.disableProperty().bind(viewModel.busy);
    }

    /** The picker shows roles in the user's language. */
    private static void roles(ComboBox<OrganizationRole> picker) {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrganizationRole role) {
                return role == null ? "" : Names.role(role.wire());
            }

            @Override
            public OrganizationRole fromString(String text) {
                return null;
            }
        });
    }

    private static void showWhen(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }

    @FXML
    private void invite() {
        viewModel.invite();
    }

    @FXML
    private void changeRole() {
        viewModel.changeRole();
    }

    @FXML
    private void remove() {
        viewModel.askRemove();
    }

    @FXML
    private void confirmRemove() {
        viewModel.confirmRemove();
    }

    @FXML
    private void keep() {
        viewModel.cancelRemove();
    }

    @FXML
    private void saveThreshold() {
        viewModel.saveThreshold();
    }

    @FXML
    private void create() {
        viewModel.create();
    }
}
