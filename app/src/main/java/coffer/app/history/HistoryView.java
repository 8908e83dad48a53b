package coffer.app.history;

import coffer.app.detail.TransactionDetailView;
import coffer.app.shell.Fxml;
import coffer.app.wallet.WalletRow;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * A wallet's history in a virtualised table that fetches the next page at the bottom, the opened
 * row's receipt beside it, and the balance over time below; binds and forwards only.
 */
public final class HistoryView {
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd HH:mm");

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
    @FXML private Label balance;
    @FXML private Button exportCsv;
    @FXML private ProgressIndicator exportProgress;
    @FXML private Label exportMessage;
    @FXML private Label exportError;
    @FXML private SplitPane split;
    @FXML private ScrollPane detailHolder;
    @FXML private Label chartNote;
    @FXML private LineChart<Number, Number> chart;
    @FXML private NumberAxis timeAxis;

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
        openRowsOnDoubleClickAndEnter();
        showDetail();
        bindExport();
        bindChart();
        viewModel.load();
    }

    private void openRowsOnDoubleClickAndEnter() {
        table.setRowFactory(t -> {
            TableRow<HistoryRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void showDetail() {
        Label hint = new Label("Open a transaction (double-click or Enter) to see its receipt.");
        hint.setWrapText(true);
        hint.visibleProperty().bind(viewModel.detail().transactionProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        detailHolder.setContent(new VBox(hint, new TransactionDetailView(viewModel.detail()).root()));
        split.setDividerPositions(0.6);
    }

    private void bindExport() {
        CsvExportViewModel export = viewModel.export();
        exportCsv.disableProperty().bind(export.busyProperty());
        exportProgress.visibleProperty().bind(export.busyProperty());
        exportMessage.textProperty().bind(export.messageProperty());
        exportError.textProperty().bind(export.errorProperty());
        balance.textProperty().bind(viewModel.balanceProperty());
    }

    private void bindChart() {
        chartNote.textProperty().bind(viewModel.chartNoteProperty());
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return TICK.format(Instant.ofEpochSecond(seconds.longValue()).atZone(ZoneId.systemDefault()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is read-only");
            }
        });
        redraw();
        viewModel.balancePoints().addListener((ListChangeListener<BalanceHistory.Point>) change -> redraw());
    }

    private void redraw() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (BalanceHistory.Point p : viewModel.balancePoints()) {
            series.getData().add(new XYChart.Data<>(p.at().getEpochSecond(), viewModel.forDrawing(p)));
        }
        chart.getData().setAll(List.of(series));
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

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export transactions as CSV");
        chooser.setInitialFileName(viewModel.export().suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.export().export(file.toPath());
        }
    }
}
