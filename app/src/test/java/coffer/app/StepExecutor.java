package coffer.app;

import coffer.app.concurrent.BackgroundExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work and callbacks at once on the caller's thread, like {@link BackgroundExecutor#sameThread()}, but
 * scheduled tasks wait until the test runs them: retries and probes while the server is down happen
 * when the test says, not in an endless loop.
 */
public final class StepExecutor implements BackgroundExecutor {
    private final BackgroundExecutor now = BackgroundExecutor.sameThread();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        now.submit(work, onSuccess, onFailure);
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        if (delay.isZero()) {
            task.run();
            return;
        }
        scheduled.add(task);
        delays.add(delay);
    }

    /** Runs the tasks scheduled so far (not those they schedule); returns how many ran. */
    public int runScheduled() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(scheduled);
            scheduled.clear();
        }
        due.forEach(Runnable::run);
        return due.size();
    }

    /** Every delay asked for so far, in order. */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    public synchronized int pending() {
        return scheduled.size();
    }
}
