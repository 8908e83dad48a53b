package coffer.app.history;

import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.app.shell.ScreenView;
import coffer.app.wallet.WalletRow;
import java.io.File;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * A wallet's history in a virtualised, sortable table that fetches the next page at the bottom, the opened
 * row's receipt in a dialog (Escape closes it), and the balance over time below; binds and forwards only.
 */
public final class HistoryView extends ScreenView<HistoryViewModel> {
    @FXML private ComboBox<WalletRow> wallet;
    @FXML private ComboBox<String> kind;
    @FXML private ComboBox<String> status;
    @FXML private TextField search;
    @FXML private TableView<HistoryRow> table;
    @FXML private TableColumn<HistoryRow, HistoryRow> date;
    @FXML private TableColumn<HistoryRow, String> kindColumn;
    @FXML private TableColumn<HistoryRow, String> counterparty;
    @FXML private TableColumn<HistoryRow, HistoryRow> amount;
    @FXML private TableColumn<HistoryRow, String> statusColumn;
    @FXML private TableColumn<HistoryRow, String> description;
    @FXML private Label sortNote;
    @FXML private Label balance;
    @FXML private Button exportCsv;
    @FXML private ProgressIndicator exportProgress;
    @FXML private Label exportMessage;
    @FXML private Label exportError;
    @FXML private Label error;
    @FXML private Label chartNote;
    @FXML private LineChart<Number, Number> chart;
    @FXML private NumberAxis timeAxis;
    @FXML private NumberAxis balanceAxis;

    public HistoryView(HistoryViewModel viewModel) {
        super(viewModel, "History.fxml");
    }

    @FXML
    private void initialize() {
        bindTable();
        choice(wallet, viewModel.wallets, viewModel.wallet);
        choice(kind, viewModel.kinds, viewModel.kind);
        kind.setConverter(named(Names::kind, "history.filter.anyKind"));
        choice(status, viewModel.statuses, viewModel.status);
        status.setConverter(named(Names::status, "history.filter.anyStatus"));
        search.textProperty().bindBidirectional(viewModel.search);
        sortNote.textProperty().bind(viewModel.sortNote);
        openRowsOnDoubleClickAndEnter();
        showDetailWhenOpen();
        bindExport();
        bindChart();
        viewModel.load();
    }

    /**
     * Typed columns: the date sorts by instant and the amount by signed minor units, whatever their text; the
     * words sort as the user's language does. The rows sort through the ViewModel, which fetches the rest of the
     * list for any order but newest first.
     */
    private void bindTable() {
        FittedColumns<HistoryRow> widths = new FittedColumns<>(table, viewModel.rows);
        Collator words = Collator.getInstance(Texts.formatLocale());
        rowColumn(widths, date, HistoryRow::date, HistoryRow.BY_DATE, row -> null);
        textColumn(widths, kindColumn, HistoryRow::kindName, words);
        textColumn(widths, counterparty, HistoryRow::counterparty, words);
        rowColumn(widths, amount, HistoryRow::amount, HistoryRow.BY_AMOUNT, row -> row.credit() ? "credit" : "debit");
        textColumn(widths, statusColumn, HistoryRow::statusName, words);
        textColumn(widths, description, HistoryRow::description, words);
        table.setItems(viewModel.sortedRows);
        viewModel.sortedRows.comparatorProperty().bind(table.comparatorProperty());
        Runnable reordered = () -> viewModel.reordered.set(!newestFirst());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<HistoryRow, ?>>) change -> reordered.run());
        table.getColumns().forEach(column -> column.sortTypeProperty().addListener((o, was, now) -> reordered.run()));
        table.skinProperty().addListener((o, was, skin) -> watchScrolling());
    }

    /** The server's own order: no sort, or by date with the newest on top. */
    private boolean newestFirst() {
        List<TableColumn<HistoryRow, ?>> order = table.getSortOrder();
        return order.isEmpty() || order.get(0) == date && date.getSortType() == TableColumn.SortType.DESCENDING;
    }

    private static void textColumn(FittedColumns<HistoryRow> widths, TableColumn<HistoryRow, String> column,
                                   Function<HistoryRow, String> text, Collator words) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setComparator(words::compare);
        widths.add(column, text);
    }

    /** A column whose cells hold the whole row: sorted by {@code order}, showing {@code text}, styled by {@code style}. */
    private static void rowColumn(FittedColumns<HistoryRow> widths, TableColumn<HistoryRow, HistoryRow> column,
                                  Function<HistoryRow, String> text, Comparator<HistoryRow> order,
                                  Function<HistoryRow, String> style) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(order);
        widths.add(column, text);
        column.setCellFactory(c -> new TableCell<>() {
            private String styled;

            @Override
            protected void updateItem(HistoryRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(styled);
                styled = empty || row == null ? null : style.apply(row);
                setText(empty || row == null ? null : text.apply(row));
                if (styled != null) {
                    getStyleClass().add(styled);
                }
            }
        });
    }

    /** Names the API's words in the pickers; "any" is "All kinds" or "All statuses". */
    private static StringConverter<String> named(UnaryOperator<String> name, String anyKey) {
        return new StringConverter<>() {
            @Override
            public String toString(String wire) {
                return wire == null ? "" : HistoryViewModel.ANY.equals(wire) ? Texts.text(anyKey) : name.apply(wire);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException("the pickers are not editable");
            }
        };
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
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    /** The receipt opens in a dialog over the screen, so the table keeps its whole width. */
    private void showDetailWhenOpen() {
        new DetailDialog(viewModel.detail(), table);   // follows the detail's movement from now on
    }

    private void bindExport() {
        CsvExportViewModel export = viewModel.export();
        exportCsv.disableProperty().bind(export.busy);
        exportProgress.visibleProperty().bind(export.busy);
        exportMessage.textProperty().bind(export.message);
        exportError.textProperty().bind(export.error);
        balance.textProperty().bind(viewModel.balance);
        // an empty line under the table would only take rows away from it
        for (Label message : List.of(exportMessage, exportError, error, sortNote)) {
            message.managedProperty().bind(message.textProperty().isNotEmpty());
        }
    }

    private void bindChart() {
        chartNote.textProperty().bind(viewModel.chartNote);
        timeAxis.setTickLabelFormatter(ticks(seconds -> viewModel.tick(seconds,
                timeAxis.getUpperBound() - timeAxis.getLowerBound())));
        balanceAxis.setTickLabelFormatter(ticks(viewModel::balanceTick));
        redraw();
        viewModel.balancePoints.addListener((ListChangeListener<BalanceHistory.Point>) change -> redraw());
    }

    private static StringConverter<Number> ticks(Function<Number, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return label.apply(value);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the chart's axes are read-only");
            }
        };
    }

    private void redraw() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (BalanceHistory.Point p : viewModel.balancePoints) {
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
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.text("history.export.chooser"));
        chooser.setInitialFileName(viewModel.export().suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.text("history.export.fileType"), "*.csv"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.export().export(file.toPath());
        }
    }
}
