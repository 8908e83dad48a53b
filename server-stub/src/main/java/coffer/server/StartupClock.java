package coffer.server;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * How long each part of a server's start took, for the one log line that says so: an operator (and
 * {@code bench/startup.sh}) sees where a slow start spends its time without a profiler.
 */
final class StartupClock {
    private final long started = System.nanoTime();
    private long last = started;
    private final StringJoiner phases = new StringJoiner(", ");

    /** Ends the phase running since the previous mark (or the start) and names it. */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + millis(now - last) + " ms");
        last = now;
    }

    /** {@code "Started in 812 ms (…phases…); the JVM had run 420 ms before"}. */
    String summary() {
        String line = "Started in " + millis(last - started) + " ms (" + phases + ")";
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(null);
        if (jvmStart == null) {
            return line;
        }
        long sinceJvm = Duration.between(jvmStart, Instant.now()).toMillis();
        return line + "; " + sinceJvm + " ms since the process started";
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
