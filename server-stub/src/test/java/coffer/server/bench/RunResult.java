package coffer.server.bench;

/**
 * One measured run.
 *
 * @param database    {@code sqlite} or {@code postgres}
 * @param mode        {@code service} (through LedgerService), or a plain-JDBC run: {@code jdbc} (the ceiling),
 *                    {@code intkeys} (the integer-key ceiling) or {@code lean} (the lean reference)
 * @param submitters  concurrent callers of the service (1 for a plain-JDBC run, which has one writer)
 * @param batch       the largest batch: the service's maxBatch, or a plain-JDBC run's fixed batch size
 * @param transfers   transfers completed in the measured window
 * @param seconds     length of the measured window
 * @param rejected    transfers refused in the window (the workload is built to have none)
 * @param latency     per-transfer latency: call to answer for the service, the commit of its batch for plain JDBC
 * @param commits     commits in the window
 * @param peakHeap    sampled peak heap use in the window, bytes
 * @param gcMillis    time spent in garbage collection in the window
 * @param cpu         where the machine's CPU went in the window
 * @param written     bytes the database wrote in the window ({@link IoProbe}), or -1
 */
record RunResult(String database, String mode, int submitters, int batch, long transfers, double seconds, long rejected,
                 Latencies.Percentiles latency, long commits, long peakHeap, long gcMillis, CpuProbe.Usage cpu,
                 long written) {
    /**
     * Above this share of the machine taken by other processes, a run is marked as noisy. An idle
     * machine shows a few percent: kernel threads, among them those writing back this run's own files.
     */
    static final double NOISY_PERCENT = 10;

    double perSecond() {
        return transfers / seconds;
    }

    double meanBatch() {
        return commits == 0 ? 0 : (double) transfers / commits;
    }

    String summary() {
        return String.format(java.util.Locale.ROOT,
                "%-8s %-7s submitters=%-3d batch<=%-4d %,9.0f transfers/s  p50=%s p99=%s max=%s  mean batch=%.1f  "
                        + "rejected=%d  peak heap=%d MB  gc=%d ms  written=%s KB/transfer  cpu: jvm %.2f, postgres %.2f cores, others %.0f%%%s",
                database, mode, submitters, batch, perSecond(), millis(latency.p50()), millis(latency.p99()),
                millis(latency.max()), meanBatch(), rejected, peakHeap >> 20, gcMillis, writtenPerTransfer(), cpu.jvmCores(), cpu.databaseCores(), cpu.othersPercent(),
                noisy() ? " (NOISY: repeat)" : "");
    }

    /** Kilobytes written per transfer, for a table: what a transfer costs the disk. */
    String writtenPerTransfer() {
        return written < 0 || transfers == 0 ? "–"
                : String.format(java.util.Locale.ROOT, "%.1f", written / 1024.0 / transfers);
    }

    boolean noisy() {
        return cpu.othersPercent() > NOISY_PERCENT;
    }

    /** Transfers per second for a table, marked when the run was noisy. */
    String rate() {
        return String.format(java.util.Locale.ROOT, "%,.0f", perSecond()) + (noisy() ? " (noisy)" : "");
    }

    /** CPU this JVM and the database's processes used, in cores, for a table. */
    String cores() {
        if (cpu.jvmCores() < 0) {
            return "–";
        }
        return String.format(java.util.Locale.ROOT, database.equals("postgres") ? "%.2f + %.2f" : "%.2f", cpu.jvmCores(),
                cpu.databaseCores());
    }

    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, nanos < 10_000_000 ? "%.2f" : "%.1f", nanos / 1e6);
    }
}
