package coffer.app.shell;

import coffer.app.concurrent.ScreenViewModel;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;

/**
 * A screen's view: loads its FXML (next to the class, with the app's texts) with itself as the controller, and binds
 * what every screen shows the same way, by {@code fx:id}: {@code error} and {@code notice} (labels) show the
 * ViewModel's problem and news, {@code progress} shows while it works; and makes table columns in one line each
 * ({@link #column}). A subclass binds the rest in its {@code @FXML initialize()}, which runs during this
 * constructor, after {@link #viewModel} is set: so a subclass
 * must not give its {@code @FXML} fields initial values (they would overwrite what the loader injected).
 */
public abstract class ScreenView<M extends ScreenViewModel> {
    protected final M viewModel;
    private final Parent root;

    protected ScreenView(M viewModel, String fxml) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Fxml.Loaded loaded = Fxml.loadWithIds(this, fxml);
        this.root = loaded.root();
        bindCommon(loaded.ids());
    }

    /** The screen's top node, for the main window to show. */
    public final Parent root() {
        return root;
    }

    /** A table column titled {@code title} whose cells show, as text, {@code value} of their row. */
    protected static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** As {@link #column(String, Function)}, {@code width} wide until the user resizes it. */
    protected static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = column(title, value);
        column.setPrefWidth(width);
        return column;
    }

    /** {@code picker} offers {@code items}, and what it shows is {@code chosen}, both ways. */
    public static <T> void choice(ComboBox<T> picker, ObservableList<T> items, Property<T> chosen) {
        picker.setItems(items);
        picker.valueProperty().bindBidirectional(chosen);
    }

    private void bindCommon(Map<String, Object> ids) {
        if (ids.get("error") instanceof Labeled error && !error.textProperty().isBound()) {
            error.textProperty().bind(viewModel.error);
        }
        if (ids.get("notice") instanceof Labeled notice && !notice.textProperty().isBound()) {
            notice.textProperty().bind(viewModel.notice);
        }
        if (ids.get("progress") instanceof Node progress && !progress.visibleProperty().isBound()) {
            progress.visibleProperty().bind(viewModel.busy);
        }
    }
}
