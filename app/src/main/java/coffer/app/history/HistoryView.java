package coffer.app.history;

import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** A wallet's history in a virtualised table that fetches the next page at the bottom; binds and forwards only. */
public final class HistoryView {
    private final HistoryViewModel viewModel;
    private final Parent root;
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private ComboBox<String> kind;
    @FXML private ComboBox<String> status;
    @FXML private TextField search;
    @FXML private TableView<HistoryRow> table;
    @FXML private TableColumn<HistoryRow, String> date;
    @FXML private TableColumn<HistoryRow, String> kindColumn;
    @FXML private TableColumn<HistoryRow, String> counterparty;
    @FXML private TableColumn<HistoryRow, String> amount;
    @FXML private TableColumn<HistoryRow, String> statusColumn;
    @FXML private TableColumn<HistoryRow, String> description;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "History.fxml");
    }

    public Parent root() {
        return root;
    }

    private static void column(TableColumn<HistoryRow, String> column, Function<HistoryRow, String> value) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    }

    @FXML
    private void initialize() {
        column(date, HistoryRow::date);
        column(kindColumn, HistoryRow::kind);
        column(counterparty, HistoryRow::counterparty);
        column(amount, HistoryRow::amount);
        column(statusColumn, HistoryRow::status);
        column(description, HistoryRow::description);
        table.setItems(viewModel.rows());
        wallet.setItems(viewModel.wallets());
        wallet.valueProperty().bindBidirectional(viewModel.walletProperty());
        kind.setItems(viewModel.kinds());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        status.setItems(viewModel.statuses());
        status.valueProperty().bindBidirectional(viewModel.statusProperty());
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        error.textProperty().bind(viewModel.errorProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        table.skinProperty().addListener((o, was, skin) -> watchScrolling());
        viewModel.load();
    }

    /** Asks for the next page when the table is scrolled to its end. */
    private void watchScrolling() {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((o, was, now) -> {
                    if (now.doubleValue() >= bar.getMax()) {
                        viewModel.loadMore();
                    }
                });
            }
        }
    }

    @FXML
    private void search() {
        viewModel.search();
    }

    @FXML
    private void more() {
        viewModel.loadMore();
    }
}
