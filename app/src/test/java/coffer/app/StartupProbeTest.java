package coffer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The probe bench/startup.sh reads: one line once the window's first frame is drawn, then the exit. */
@ExtendWith(ApplicationExtension.class)
class StartupProbeTest {
    /** What bench/startup.py parses. */
    private static final Pattern LINE = Pattern.compile("coffer-startup-probe: first frame after (\\d+) ms; heap in use (\\d+) MB; "
            + "CPU ([\\d.]+) s; application start after (\\d+) ms; window shown after (\\d+) ms");

    @Test
    void aShownWindowIsReportedOnceAfterItsFirstFrameAndThenTheProbeExits() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch exited = new CountDownLatch(1);
        AtomicLong ticks = new AtomicLong(System.currentTimeMillis());
        StartupProbe probe = new StartupProbe(ticks::incrementAndGet, new PrintStream(out, true, StandardCharsets.UTF_8),
                exited::countDown);

        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            probe.attach(stage);
            stage.setScene(new Scene(new Pane(), 200, 100));
            stage.show();
        }).get();

        assertThat(exited.await(30, TimeUnit.SECONDS)).as("the probe ended the process").isTrue();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        Matcher m = LINE.matcher(printed.strip());
        assertThat(m.matches()).as(printed).isTrue();
        long frame = Long.parseLong(m.group(1));
        long started = Long.parseLong(m.group(4));
        long shown = Long.parseLong(m.group(5));
        assertThat(started).isLessThan(shown);
        assertThat(shown).isLessThan(frame);
    }

    @Test
    void withoutTheEnvironmentVariableTheAppIsNotProbed() {
        assertThat(System.getenv(StartupProbe.ENV)).isNull();
        assertThat(StartupProbe.requested()).isFalse();
    }
}
