package coffer.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * For {@code bench/startup.sh}: with {@value #ENV}{@code =1} in the environment, the app prints how long after
 * the JVM started its window was shown and its first frame drawn, then exits. The first frame counts as drawn at
 * the second pulse after the window was shown: the first pulse lays the scene out and hands it to the render
 * thread, and the next one starts only once that frame is rendered.
 */
public final class StartupProbe {
    public static final String ENV = "COFFER_STARTUP_PROBE";
    /** What the probe's line starts with, for the script that reads it. */
    static final String PREFIX = "coffer-startup-probe: ";
    /** Pulses after {@code WINDOW_SHOWN} until the first frame is on the screen. */
    static final int PULSES = 2;

    private final LongSupplier clock;
    private final PrintStream out;
    private final Runnable exit;
    /** When the application's {@code start} began: the toolkit is up, nothing of the app's own is built yet. */
    private final long startedAt;
    private long shownAt;

    StartupProbe(LongSupplier clock, PrintStream out, Runnable exit) {
        this.clock = clock;
        this.out = out;
        this.exit = exit;
        this.startedAt = clock.getAsLong();
    }

    /** True when the environment asks for the probe. */
    public static boolean requested() {
        return "1".equals(System.getenv(ENV));
    }

    /** Reports {@code stage}'s first frame on standard output, then ends the process; call first thing in {@code start}. */
    public static void watch(Stage stage) {
        new StartupProbe(System::currentTimeMillis, System.out, () -> System.exit(0)).attach(stage);
    }

    void attach(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            shownAt = clock.getAsLong();
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses == PULSES) {
                        stop();
                        firstFrame(clock.getAsLong());
                    }
                }
            }.start();
        });
    }

    /** Prints the times since the JVM started and ends the process. */
    void firstFrame(long at) {
        out.println(line(ManagementFactory.getRuntimeMXBean().getStartTime(), startedAt, shownAt, at));
        out.flush();
        exit.run();
    }

    static String line(long jvmStart, long startedAt, long shownAt, long frameAt) {
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        double cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        return PREFIX + String.format(Locale.ROOT,
                "first frame after %d ms; heap in use %d MB; CPU %.2f s; application start after %d ms; window shown after %d ms",
                frameAt - jvmStart, heapMb, cpu, startedAt - jvmStart, shownAt - jvmStart);
    }
}
