package coffer.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/** What a phase of the benchmark cost the JVM and the machine: heap, CPU, and how busy everyone else was. */
final class Probes {
    private Probes() {
    }

    /** This JVM's CPU time so far, all threads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * One phase: wall time, this JVM's CPU, the most heap in use (polled every 5 ms after a GC at the start), and
     * the share of the machine's CPU that other processes took meanwhile (the whole machine's load over the phase,
     * less this JVM's part).
     */
    static final class Phase implements AutoCloseable {
        private static final com.sun.management.OperatingSystemMXBean SYSTEM =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread poller;
        private final long start;
        private final long cpuStart;
        private volatile boolean running = true;
        private volatile long peak;
        private long wall;
        private long cpu;
        private double machineLoad;

        Phase() {
            System.gc();
            poller = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            poller.setDaemon(true);
            poller.start();
            SYSTEM.getCpuLoad();   // the next reading covers the time from here
            cpuStart = cpuNanos();
            start = System.nanoTime();
        }

        @Override
        public void close() throws InterruptedException {
            wall = System.nanoTime() - start;
            cpu = cpuNanos() - cpuStart;
            machineLoad = SYSTEM.getCpuLoad();
            running = false;
            poller.join();
        }

        double seconds() {
            return wall / 1e9;
        }

        double cpuSeconds() {
            return cpu / 1e9;
        }

        long peakHeapMb() {
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) >> 20;
        }

        /** Percent of all cores the other processes used during the phase, or -1 when unknown. */
        double othersPercent() {
            if (machineLoad < 0 || wall == 0) {
                return -1;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            double others = machineLoad * cores * seconds() - cpuSeconds();
            return Math.max(0, 100 * others / (seconds() * cores));
        }
    }
}
