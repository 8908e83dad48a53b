package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.gateway.PaymentProvider.PayoutRequest;
import coffer.server.gateway.ProviderEvent;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents.Recorder;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's webhook outbox outlives the process: what Coffer had not acknowledged is delivered after a restart. */
class ProviderRestartTest {
    @TempDir
    Path data;

    @Test
    void aWebhookNotYetAcknowledgedIsDeliveredAfterARestart() throws Exception {
        String reference = "restart_" + System.nanoTime();
        try (TestServer first = TestServer.start(data)) {
            Recorder refusing = new Recorder("payout.succeeded").refusing(e -> true);
            first.server().providerEvents().add(refusing);
            first.server().paymentProvider().createPayout(new PayoutRequest(reference, Money.parse("3.00", "USD"), "044",
                    "0123456789", null)).orThrow();
            List<ProviderEvent> tried = Poll.until(() -> refusing.seen().stream()
                    .filter(e -> reference.equals(e.string("reference"))).toList(), list -> !list.isEmpty());
            assertThat(tried).isNotEmpty();
            assertThat(refusing.applied()).isEmpty();
        }
        try (TestServer second = TestServer.start(data)) {
            Recorder accepting = new Recorder("payout.succeeded");
            second.server().providerEvents().add(accepting);
            List<ProviderEvent> delivered = Poll.until(() -> accepting.about(reference), list -> !list.isEmpty());
            assertThat(delivered).hasSize(1);
            assertThat(second.verify().violations()).isEmpty();
        }
    }
}
