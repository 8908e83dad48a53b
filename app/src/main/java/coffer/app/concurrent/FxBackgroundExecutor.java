package coffer.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background threads for the work, the FX thread for the results. */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxBackgroundExecutor.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Executor resultThread;

    public FxBackgroundExecutor() {
        this(Platform::runLater);
    }

    /** Results and scheduled tasks on {@code resultThread} instead of the FX thread (tests without a toolkit). */
    public FxBackgroundExecutor(Executor resultThread) {
        this.resultThread = resultThread;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(4, r -> daemon(r, "coffer-app-io-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "coffer-app-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        run(workers, () -> {
            try {
                T result = work.call();
                run(resultThread, () -> onSuccess.accept(result));
            } catch (Exception e) {
                run(resultThread, () -> onFailure.accept(e));
            } catch (Error e) {
                log.error("Background work failed unexpectedly", e);
                run(resultThread, () -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        try {
            timer.schedule(() -> run(resultThread, task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Not scheduled: the app is closing");
        }
    }

    /** Work or a result that arrives while the app closes has nowhere to go: it is dropped, not thrown. */
    private static void run(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Dropped: the app is closing");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }
}
