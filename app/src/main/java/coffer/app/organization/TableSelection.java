package coffer.app.organization;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TableView;

/** A table's chosen row and its ViewModel's, kept the same both ways (a reload may choose again, or none). */
final class TableSelection {
    private TableSelection() {
    }

    static <R> void bind(TableView<R> table, ObjectProperty<R> chosen) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> chosen.set(now));
        chosen.addListener((o, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
    }
}
