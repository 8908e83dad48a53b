package coffer.app.concurrent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Closing the app while work is under way drops what has nowhere to go, instead of throwing on some thread. */
class FxBackgroundExecutorTest {

    @Test
    void aResultThatArrivesAfterTheResultThreadStoppedIsDroppedQuietly() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        ExecutorService results = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try (FxBackgroundExecutor executor = new FxBackgroundExecutor(results)) {
            executor.submit(() -> {
                started.countDown();
                release.await();
                finished.countDown();
                return "late";
            }, r -> { }, e -> { });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            results.shutdownNow();
            release.countDown();
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void workSubmittedOrScheduledAfterCloseIsDropped() {
        FxBackgroundExecutor executor = new FxBackgroundExecutor(Runnable::run);
        executor.close();
        assertThatNoException().isThrownBy(() -> executor.submit(() -> "x", r -> { }, e -> { }));
        assertThatNoException().isThrownBy(() -> executor.schedule(Duration.ofMillis(1), () -> { }));
    }
}
