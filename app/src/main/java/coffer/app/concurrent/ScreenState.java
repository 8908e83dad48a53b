package coffer.app.concurrent;

import coffer.app.format.Problems;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every screen shows besides its own data: whether work is under way ({@link #busy}), the
 * last problem ({@link #error}) and what was just done ({@link #notice}); and the
 * screen's background work, which sets them. A ViewModel owns one (see {@link ScreenViewModel}) and hands the
 * view its three properties, read-only; work runs through the app's one {@link BackgroundExecutor}, so its
 * results arrive on the UI thread, where all of this is read and written. A failure shows as
 * {@link Problems#describe} words it, the app's one mapping of failures to text.
 */
public final class ScreenState {
    private final BackgroundExecutor executor;
    private final ReadOnlyBooleanWrapper busyWrapper = new ReadOnlyBooleanWrapper();
    /** True while work is under way. */
    public final ReadOnlyBooleanProperty busy = busyWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper errorWrapper = new ReadOnlyStringWrapper("");
    /** The last problem in words; empty when there is none. */
    public final ReadOnlyStringProperty error = errorWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper noticeWrapper = new ReadOnlyStringWrapper("");
    /** What was just done ("Saved the account ending 6789."); empty when nothing is to be said. */
    public final ReadOnlyStringProperty notice = noticeWrapper.getReadOnlyProperty();
    /** Bumped by each new poll and by {@link #stopPolling()}: the poll of an older number stops. */
    private long poll;

    public ScreenState(BackgroundExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Work is under way, started outside {@link #run} (a queued payment, a poll about to start). */
    public void working() {
        busyWrapper.set(true);
    }

    /** The work under way ended. */
    public void done() {
        busyWrapper.set(false);
    }

    /** Shows a problem, such as a form's input that is not usable; the empty text clears it. */
    public void error(String message) {
        errorWrapper.set(Objects.requireNonNull(message, "message"));
    }

    /** Shows what went wrong, in words, without ending the work under way. */
    public void error(Throwable failure) {
        error(Problems.describe(failure));
    }

    public void notice(String text) {
        noticeWrapper.set(Objects.requireNonNull(text, "text"));
    }

    public void clearError() {
        errorWrapper.set("");
    }

    /** Clears the error and the notice, as a new action of the user starts. */
    public void clear() {
        errorWrapper.set("");
        noticeWrapper.set("");
    }

    /** The work under way failed: it ends, and the failure shows in words. */
    public void fail(Throwable failure) {
        fail(Problems.describe(failure));
    }

    /** The work under way failed with {@code message}. */
    public void fail(String message) {
        done();
        error(message);
    }

    /** The work under way failed: it ends, and shows as "{@code what}: " and the failure in words. */
    public void fail(String what, Throwable failure) {
        fail(what + ": " + Problems.describe(failure));
    }

    /**
     * Runs {@code work} in the background while busy; then, on the UI thread, busy ends and {@code then}
     * gets the result, or the failure shows ({@link #fail(Throwable)}).
     */
    public <T> void run(Callable<T> work, Consumer<? super T> then) {
        run(work, then, this::fail);
    }

    /** As {@link #run(Callable, Consumer)}, with a failure given to {@code otherwise} once busy has ended. */
    public <T> void run(Callable<T> work, Consumer<? super T> then, Consumer<? super Throwable> otherwise) {
        begin(work, ending(then), otherwise);
    }

    /** Runs the last step of work under way (busy is on already): busy ends with it, as in {@link #run}. */
    public <T> void finish(Callable<T> work, Consumer<? super T> then) {
        background(work, ending(then));
    }

    /**
     * Starts work that goes on after {@code work}: busy stays on when {@code then} gets the result, and
     * {@code then} ends it (with {@link #done()}, a later {@link #run} or a poll); a failure shows and ends it.
     */
    public <T> void begin(Callable<T> work, Consumer<? super T> then) {
        begin(work, then, this::fail);
    }

    /** As {@link #begin(Callable, Consumer)}, with a failure given to {@code otherwise} once busy has ended. */
    public <T> void begin(Callable<T> work, Consumer<? super T> then, Consumer<? super Throwable> otherwise) {
        busyWrapper.set(true);
        executor.submit(work, then, failure -> {
            busyWrapper.set(false);
            otherwise.accept(failure);
        });
    }

    /** Runs {@code work} in the background without showing busy (a refresh the user did not ask for); a failure shows. */
    public <T> void background(Callable<T> work, Consumer<? super T> then) {
        executor.submit(work, then, this::fail);
    }

    /**
     * A new poll of a status, asked every {@code pause}: configure it, then start it. The poll running until
     * now (of this screen) stops; so does this one when a newer one is made or {@link #stopPolling()} is called,
     * even between its creation and its start.
     */
    public <T> StatusPoll<T> poll(Duration pause) {
        return new StatusPoll<>(this, executor, ++poll, pause);
    }

    /** Stops the running poll: an answer still on its way is dropped, and nothing more is asked. */
    public void stopPolling() {
        poll++;
    }

    private <T> Consumer<T> ending(Consumer<? super T> then) {
        return result -> {
            busyWrapper.set(false);
            then.accept(result);
        };
    }

    /** Whether the poll numbered {@code number} is still the screen's current one. */
    boolean polling(long number) {
        return poll == number;
    }
}
