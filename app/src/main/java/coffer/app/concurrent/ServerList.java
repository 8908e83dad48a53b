package coffer.app.concurrent;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list the user keeps on the server (saved cards, bank accounts), as a screen shows it: the rows, the one chosen,
 * and changes made in the background, each followed by the list as the server has it then and a notice of what was
 * done. It works through its screen's {@link ScreenState}, so busy and failures show as the screen's own.
 *
 * @param <R> a row as the screen shows it
 */
public final class ServerList<R> {
    /** Work on the server that answers nothing (a removal). */
    @FunctionalInterface
    public interface Change<R> {
        void apply(R row) throws Exception;
    }

    private final ScreenState state;
    private final Callable<? extends List<R>> rows;
    public final ObservableList<R> items = FXCollections.observableArrayList();
    /** The row chosen; null when none is. */
    public final ObjectProperty<R> selected = new SimpleObjectProperty<>();

    /** @param rows the list as the server has it now, as rows; blocking, called in the background */
    public ServerList(ScreenState state, Callable<? extends List<R>> rows) {
        this.state = Objects.requireNonNull(state, "state");
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** Shows the list as the server has it. */
    public void load() {
        change(() -> { }, null, () -> { });
    }

    /**
     * Runs {@code work} in the background; once it is done, shows the list as the server has it and {@code notice}
     * (when not null), then runs {@code then}. A failure shows as the screen's error, and {@code then} does not run.
     */
    public void change(Runnable work, String notice, Runnable then) {
        apply(() -> {
            work.run();
            return notice;
        }, then);
    }

    /**
     * Removes the chosen row with {@code remove}, then says {@code removed} of it; with no row chosen, shows
     * {@code noneChosen} instead.
     */
    public void removeSelected(String noneChosen, Change<R> remove, Function<R, String> removed) {
        R row = selected.get();
        if (row == null) {
            state.error(noneChosen);
            return;
        }
        state.clearError();
        apply(() -> {
            remove.apply(row);
            return removed.apply(row);
        }, () -> { });
    }

    /** Runs {@code work}, which answers the notice to show (or null), then shows the list as the server has it. */
    private void apply(Callable<String> work, Runnable then) {
        state.run(() -> new Changed<>(work.call(), rows.call()), changed -> {
            items.setAll(changed.rows());
            if (changed.notice() != null) {
                state.notice(changed.notice());
            }
            then.run();
        });
    }

    private record Changed<R>(String notice, List<R> rows) {
    }
}
