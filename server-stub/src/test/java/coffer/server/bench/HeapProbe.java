package coffer.server.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples heap use every 10 ms while a run is measured, and the time the collectors took. The peak
 * includes garbage not yet collected, so it says as much about the collector's sizing (and -Xmx) as
 * about what the ledger keeps; it is for spotting a run that holds far more than the others.
 */
final class HeapProbe implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long gcStart = gcMillis();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    HeapProbe() {
        sampler = new Thread(this::sample, "bench-heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peak;
    }

    long gcMillisSinceStart() {
        return gcMillis() - gcStart;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
