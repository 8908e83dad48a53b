package coffer.app.concurrent;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What every screen's ViewModel has: a {@link ScreenState} for its background work, whose busy, error and
 * notice the view reads here (and only reads: the state itself stays with the ViewModel).
 */
public abstract class ScreenViewModel {
    /** The screen's busy, error and notice, and the work that sets them. */
    protected final ScreenState state;
    /** True while work is under way. */
    public final ReadOnlyBooleanProperty busy;
    /** The last problem in words; empty when there is none. */
    public final ReadOnlyStringProperty error;
    /** What was just done; empty when nothing is to be said. */
    public final ReadOnlyStringProperty notice;

    protected ScreenViewModel(BackgroundExecutor executor) {
        this.state = new ScreenState(executor);
        this.busy = state.busy;
        this.error = state.error;
        this.notice = state.notice;
    }
}
