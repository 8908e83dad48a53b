package coffer.app;

import coffer.app.concurrent.BackgroundExecutor;
import coffer.app.concurrent.FxBackgroundExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The app's executor without JavaFX: work on background threads, callbacks on one "UI" thread, delays
 * really waited. For tests where retries must run by themselves, as in the app.
 */
public final class ThreadedExecutor implements BackgroundExecutor, AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final FxBackgroundExecutor app = new FxBackgroundExecutor(ui);

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        app.submit(work, onSuccess, onFailure);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        app.schedule(delay, task);
    }

    /** Runs {@code task} on the UI thread and waits for it: how a test reads or pokes UI state safely. */
    public <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        app.close();
        ui.shutdownNow();
    }
}
