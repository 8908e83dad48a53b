package coffer.app.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table's columns sized to their texts: each column's preferred width is its widest text, the header's (with
 * room for the sort arrow) or a cell's, measured in the table's own font as its rows come. With a constrained
 * resize policy the table then shares out what is left, and only a window too narrow for the texts cuts any short.
 *
 * @param <S> the rows
 */
final class FittedColumns<S> {
    /** Rows measured at most: enough for the widths to be right for what is seen, cheap for a long list. */
    private static final int MEASURED_ROWS = 500;

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, Function<S, String>> texts = new LinkedHashMap<>();
    private final Text probe = new Text();

    /** @param rows the table's rows as they come (not a sorted view of them, so a sort measures nothing again) */
    FittedColumns(TableView<S> table, ObservableList<S> rows) {
        this.table = table;
        rows.addListener((ListChangeListener<S>) change -> fit(rows));
        table.skinProperty().addListener((o, was, skin) -> fit(rows));
    }

    /** Sizes {@code column} to fit {@code text} of each row, and its header. */
    void add(TableColumn<S, ?> column, Function<S, String> text) {
        texts.put(column, text);
    }

    private void fit(List<S> rows) {
        if (table.getScene() == null) {
            return;
        }
        table.applyCss();   // the header's font as the theme styles it, before the first layout too
        Node header = table.lookup(".column-header .label");
        Font headerFont = header instanceof Labeled label ? label.getFont() : Font.getDefault();
        Font cellFont = Font.font(headerFont.getFamily(), FontWeight.NORMAL, headerFont.getSize());
        double em = headerFont.getSize();
        List<S> measured = rows.subList(0, Math.min(rows.size(), MEASURED_ROWS));
        texts.forEach((column, text) -> {
            // a cell has half an em of padding each side; a header also has the sort arrow
            double widest = width(column.getText(), headerFont) + 2.5 * em;
            for (S row : measured) {
                widest = Math.max(widest, width(text.apply(row), cellFont) + 1.5 * em);
            }
            column.setPrefWidth(Math.ceil(widest));
        });
    }

    private double width(String text, Font font) {
        probe.setText(text == null ? "" : text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
