package coffer.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How ViewModels run work off the FX thread. The app's implementation runs {@code work} on a
 * background thread and the callbacks on the FX thread; tests use {@link #sameThread()}, which does
 * everything at once on the caller's thread.
 */
public interface BackgroundExecutor {
    /** Runs {@code work} in the background, then exactly one of the callbacks on the UI thread. */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code task} on the UI thread after {@code delay} (on the caller's thread in tests). */
    void schedule(Duration delay, Runnable task);

    /** Everything on the calling thread, in order: ViewModel tests need no FX thread and no waiting for callbacks. */
    static BackgroundExecutor sameThread() {
        return new SameThreadExecutor();
    }
}
