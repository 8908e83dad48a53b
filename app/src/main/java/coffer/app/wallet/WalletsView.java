package coffer.app.wallet;

import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The wallets overview; it only binds to and forwards to {@link WalletsViewModel}. */
public final class WalletsView extends ScreenView<WalletsViewModel> {
    @FXML private TableView<WalletRow> table;
    @FXML private Label kyc;
    @FXML private TextField newCurrency;
    @FXML private Button open;
    @FXML private Button lock;
    @FXML private Button unlock;
    @FXML private Label title;
    @FXML private Label newCurrencyLabel;
    @FXML private Label organizationNote;

    public WalletsView(WalletsViewModel viewModel) {
        super(viewModel, "Wallets.fxml");
    }

    @FXML
    private void initialize() {
        table.getColumns().setAll(List.of(
                column(Texts.text("wallets.column.currency"), WalletRow::currency),
                column(Texts.text("wallets.column.available"), WalletRow::available),
                column(Texts.text("wallets.column.pending"), WalletRow::pending),
                column(Texts.text("wallets.column.posted"), WalletRow::posted),
                column(Texts.text("wallets.column.status"), WalletRow::statusName),
                column(Texts.text("wallets.column.leftToday"), WalletRow::leftToday)));
        table.setItems(viewModel.wallets);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.selected.set(now));
        viewModel.selected.addListener((o, was, now) -> {
            if (now != null && now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        kyc.textProperty().bind(viewModel.kycSummary);
        newCurrency.textProperty().bindBidirectional(viewModel.newCurrency);
        lock.disableProperty().bind(viewModel.canLock.not());
        unlock.disableProperty().bind(viewModel.canUnlock.not());
        open.disableProperty().bind(viewModel.busy);
        // an organization's wallets: shown, with why they are not opened, locked or unlocked here
        BooleanBinding own = viewModel.organization.isEmpty();
        title.textProperty().bind(Bindings.when(own).then(Texts.text("wallets.title"))
                .otherwise(Bindings.createStringBinding(() -> Texts.text("wallets.title.organization",
                        viewModel.organization.get()), viewModel.organization)));
        organizationNote.textProperty().bind(Bindings.createStringBinding(() -> own.get() ? ""
                : Texts.text(viewModel.manages.get() ? "wallets.organization" : "wallets.organization.viewOnly",
                        viewModel.organization.get()), viewModel.organization, viewModel.manages));
        for (Node node : List.of(newCurrencyLabel, newCurrency, open, kyc)) {
            node.visibleProperty().bind(own);
            node.managedProperty().bind(own);
        }
        for (Node node : List.of(lock, unlock)) {
            node.visibleProperty().bind(viewModel.manages);
            node.managedProperty().bind(viewModel.manages);
        }
        organizationNote.visibleProperty().bind(own.not());
        organizationNote.managedProperty().bind(own.not());
        viewModel.load();
    }

    @FXML
    private void open() {
        viewModel.openWallet();
    }

    @FXML
    private void lock() {
        viewModel.lockSelected();
    }

    @FXML
    private void unlock() {
        viewModel.unlockSelected();
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }
}
