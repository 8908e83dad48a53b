package coffer.app.offline;

import coffer.app.StepExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineBannerViewModelTest {
    private static final Instant AT_14_02 = Instant.parse("2026-11-23T14:02:31Z");

    private final StepExecutor executor = new StepExecutor();
    private final AtomicBoolean serverUp = new AtomicBoolean();
    private final AtomicInteger probes = new AtomicInteger();
    private final Connectivity connectivity = new Connectivity(executor, () -> {
        probes.incrementAndGet();
        if (!serverUp.get()) {
            throw new java.io.IOException("connection refused");
        }
        return Boolean.TRUE;
    }, Clock.fixed(AT_14_02, ZoneOffset.UTC));

    @Test
    void aFailedCallShowsSinceWhenTheAppIsOfflineAndWhatThatMeans() {
        OfflineBannerViewModel banner = new OfflineBannerViewModel(connectivity, ZoneId.of("UTC"));
        assertThat(banner.offline.get()).isFalse();
        assertThat(banner.text.get()).isEmpty();

        connectivity.unreachable();

        assertThat(banner.offline.get()).isTrue();
        assertThat(banner.text.get())
                .isEqualTo("Offline since 2:02:31 PM — showing your last synced data; operations are queued");
    }

    @Test
    void theTimeIsTheUsersLocalTime() {
        OfflineBannerViewModel banner = new OfflineBannerViewModel(connectivity, ZoneId.of("Europe/Paris"));

        connectivity.unreachable();

        assertThat(banner.text.get()).startsWith("Offline since 3:02:31 PM — ");
    }

    @Test
    void whileOfflineTheServerIsProbedWithGrowingPausesUntilItAnswersThenTheBannerGoes() {
        OfflineBannerViewModel banner = new OfflineBannerViewModel(connectivity, ZoneId.of("UTC"));
        List<Optional<Instant>> told = new ArrayList<>();
        connectivity.addListener(told::add);
        connectivity.unreachable();
        connectivity.unreachable();     // more failures while offline change nothing

        executor.runScheduled();
        executor.runScheduled();
        assertThat(probes.get()).isEqualTo(2);
        assertThat(banner.offline.get()).isTrue();
        assertThat(executor.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

        serverUp.set(true);
        executor.runScheduled();

        assertThat(banner.offline.get()).isFalse();
        assertThat(banner.text.get()).isEmpty();
        assertThat(told).containsExactly(Optional.of(AT_14_02), Optional.empty());
        assertThat(executor.pending()).as("no probing while online").isZero();
    }

    @Test
    void anAnsweredCallEndsTheOfflineSpellWithoutWaitingForAProbe() {
        OfflineBannerViewModel banner = new OfflineBannerViewModel(connectivity, ZoneId.of("UTC"));
        connectivity.unreachable();

        connectivity.reachable();

        assertThat(banner.offline.get()).isFalse();
        assertThat(connectivity.online()).isTrue();
    }

    @Test
    void onceStoppedNoProbeRunsAndNothingIsTold() {
        OfflineBannerViewModel banner = new OfflineBannerViewModel(connectivity, ZoneId.of("UTC"));
        connectivity.unreachable();

        connectivity.stop();
        executor.runScheduled();

        assertThat(probes.get()).isZero();
        assertThat(executor.pending()).isZero();
        assertThat(banner.offline.get()).as("as it last was").isTrue();
    }
}
