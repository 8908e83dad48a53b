package coffer.server.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latencies in nanoseconds, one recorder per thread (no sharing while measuring), merged at the end. */
final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    /** The percentiles wanted of all recorders' values together. */
    static Percentiles merge(Collection<Latencies> recorders) {
        long[] all = new long[recorders.stream().mapToInt(Latencies::count).sum()];
        int at = 0;
        for (Latencies l : recorders) {
            System.arraycopy(l.values, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        return new Percentiles(at(all, 0.50), at(all, 0.99), all.length == 0 ? 0 : all[all.length - 1]);
    }

    private static long at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    /** Nearest-rank percentiles, in nanoseconds. */
    record Percentiles(long p50, long p99, long max) {
    }
}
