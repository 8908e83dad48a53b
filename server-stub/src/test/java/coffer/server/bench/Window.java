package coffer.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Runs workers through a warm-up, then a measured window, then stops them. Only what completes inside
 * the window counts; each worker records into its own {@link Latencies}.
 */
final class Window {
    private volatile int phase; // 0 warm-up, 1 measured, 2 over
    private final LongAdder transfers = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /** One thread's loop: work until {@link Window#over()}, reporting each completion. */
    @FunctionalInterface
    interface Worker {
        void run(Window window, Latencies latencies) throws Exception;
    }

    boolean over() {
        return phase == 2;
    }

    /** Counts {@code done} transfers ({@code refused} of them refused) that took {@code nanos} each, if measuring. */
    void completed(Latencies latencies, int done, int refused, long nanos) {
        if (phase == 1) {
            transfers.add(done);
            rejected.add(refused);
            latencies.record(nanos);
        }
    }

    /**
     * Starts {@code workers}, measures, stops them and waits for them.
     *
     * @param commits the database's commit counter, read at the window's edges
     * @param written the bytes the database has written so far ({@link IoProbe}), read at the window's edges
     */
    static RunResult measure(String database, String mode, int batch, List<Worker> workers, Duration warmup,
                             Duration length, LongSupplier commits, LongSupplier written) throws InterruptedException {
        Window w = new Window();
        List<Latencies> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Latencies l = new Latencies();
            Worker worker = workers.get(i);
            recorders.add(l);
            Thread t = new Thread(() -> {
                try {
                    worker.run(w, l);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bench-" + mode + "-" + i);
            threads.add(t);
            t.start();
        }
        Thread.sleep(warmup.toMillis());
        long commitsBefore = commits.getAsLong();
        long start;
        long end;
        long peak;
        long gc;
        CpuProbe cpu = new CpuProbe();
        long writtenBefore = written.getAsLong();
        try (HeapProbe probe = new HeapProbe()) {
            start = System.nanoTime();
            w.phase = 1;
            Thread.sleep(length.toMillis());
            w.phase = 2;
            end = System.nanoTime();
            peak = probe.peakBytes();
            gc = probe.gcMillisSinceStart();
        }
        CpuProbe.Usage usage = cpu.usage();
        long writtenAfter = written.getAsLong();
        long commitsAfter = commits.getAsLong();
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a worker failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
        return new RunResult(database, mode, workers.size(), batch, w.transfers.sum(), (end - start) / 1e9, w.rejected.sum(),
                Latencies.merge(recorders), commitsAfter - commitsBefore, peak, gc, usage,
                writtenBefore < 0 || writtenAfter < 0 ? -1 : writtenAfter - writtenBefore);
    }
}
