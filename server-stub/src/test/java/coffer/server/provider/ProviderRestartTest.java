package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.db.DatabaseConfig;
import coffer.server.gateway.PaymentProvider.PayoutRequest;
import coffer.server.gateway.ProviderEvent;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents.Recorder;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            // the second server may deliver it before a handler of the test could be added: its outbox says so
            Delivery delivery = Poll.until(() -> delivery(reference), d -> d.delivered());
            assertThat(delivery.delivered()).as("delivered after the restart").isTrue();
            assertThat(delivery.attempts()).as("refused before the restart, then delivered").isGreaterThanOrEqualTo(2);
            assertThat(second.verify().violations()).isEmpty();
        }
    }

    private record Delivery(boolean delivered, int attempts) {
    }

    /** The simulator's outbox row of the {@code payout.succeeded} event about {@code reference}. */
    private Delivery delivery(String reference) {
        try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT delivered_at IS NOT NULL, attempts FROM provider_webhook_outbox "
                     + "WHERE type = 'payout.succeeded' AND body LIKE ?")) {
            ps.setString(1, "%\"" + reference + "\"%");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the outbox has the event").isTrue();
                return new Delivery(rs.getBoolean(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
