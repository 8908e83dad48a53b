package coffer.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks on threads of their own that a latch releases together, so they really contend instead
 * of trickling in one after another as the threads happen to start.
 */
public final class Concurrently {
    private Concurrently() {
    }

    /** One thread's work; {@code index} tells the threads apart. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    /**
     * Runs {@code task(0)} to {@code task(threads - 1)} at once and waits for all of them.
     *
     * @return their results in index order
     * @throws IllegalStateException carrying the first task's failure, if any failed
     */
    public static <T> List<T> run(int threads, Task<T> task) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    started.countDown();
                    go.await();
                    return task.run(index);
                }));
            }
            started.await();
            go.countDown();
            List<T> results = new ArrayList<>(threads);
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a concurrent task failed", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
