package coffer.server.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy other processes kept the machine during a window, from Linux's {@code /proc}: all CPU time
 * spent minus this JVM's and PostgreSQL's (the database under test). A run measured while something
 * else was busy is noisy and should be repeated. Answers -1 where {@code /proc} is missing.
 */
final class CpuProbe {
    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final long busyStart;
    private final long oursStart;
    private final long start = System.nanoTime();

    CpuProbe() {
        busyStart = machineBusyTicks();
        oursStart = ourTicks();
    }

    /** Share of the whole machine (all cores) used by other processes since this probe started, in percent. */
    double othersPercent() {
        long busy = machineBusyTicks();
        if (busy < 0 || busyStart < 0) {
            return -1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long others = (busy - busyStart) - (ourTicks() - oursStart);
        return Math.max(0, 100.0 * others / (seconds * TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors()));
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

    /** CPU ticks of this JVM and of every postgres process. */
    private static long ourTicks() {
        long self = ProcessHandle.current().pid();
        long sum = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path p : pids) {
                sum += ticks(p, Long.parseLong(p.getFileName().toString()) == self);
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return sum;
    }

    private static long ticks(Path pid, boolean self) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String comm = stat.substring(open + 1, close);
            if (!self && !comm.equals("postgres")) {
                return 0;
            }
            // after the command: state is field 3, utime and stime are fields 14 and 15
            String[] f = stat.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
