package coffer.server.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went during a window, from Linux's {@code /proc}: this JVM, PostgreSQL's
 * processes (the database under test), and everything else. A run measured while other processes were
 * busy is noisy and should be repeated. Answers -1 where {@code /proc} is missing.
 */
final class CpuProbe {
    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final long SELF = ProcessHandle.current().pid();
    private final long busyStart = machineBusyTicks();
    private final long[] oursStart = ourTicks();
    private final long start = System.nanoTime();

    /**
     * CPU use in a window.
     *
     * @param jvmCores      cores' worth of CPU this JVM used (2.0 = two cores busy all the time)
     * @param databaseCores cores' worth used by postgres processes
     * @param othersPercent share of the whole machine used by other processes, percent
     */
    record Usage(double jvmCores, double databaseCores, double othersPercent) {
        static final Usage UNKNOWN = new Usage(-1, -1, -1);
    }

    /** The use since this probe started. */
    Usage usage() {
        long busy = machineBusyTicks();
        if (busy < 0 || busyStart < 0) {
            return Usage.UNKNOWN;
        }
        long[] ours = ourTicks();
        double ticks = (System.nanoTime() - start) / 1e9 * TICKS_PER_SECOND;
        long jvm = ours[0] - oursStart[0];
        long database = ours[1] - oursStart[1];
        long others = (busy - busyStart) - jvm - database;
        return new Usage(jvm / ticks, database / ticks,
                Math.max(0, 100.0 * others / (ticks * Runtime.getRuntime().availableProcessors())));
    }

    /** Busy ticks of all CPUs: the first line of /proc/stat less idle and iowait. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU ticks of this JVM, and of all postgres processes together. */
    private static long[] ourTicks() {
        long[] sum = new long[2];
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path p : pids) {
                boolean self = Long.parseLong(p.getFileName().toString()) == SELF;
                String[] stat = stat(p);
                if (stat == null) {
                    continue;
                }
                if (self) {
                    sum[0] += ticks(stat);
                } else if (stat[0].equals("postgres")) {
                    sum[1] += ticks(stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            return sum;
        }
        return sum;
    }

    /** The command name, then the fields after it; null if the process ended meanwhile. */
    private static String[] stat(Path pid) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String comm = stat.substring(stat.indexOf('(') + 1, close);
            String[] rest = stat.substring(close + 2).split(" ");
            String[] all = new String[rest.length + 1];
            all[0] = comm;
            System.arraycopy(rest, 0, all, 1, rest.length);
            return all;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime: fields 14 and 15 of /proc/PID/stat, here 12 and 13 (after the command name at 0). */
    private static long ticks(String[] stat) {
        return Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
    }
}
