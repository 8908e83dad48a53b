package coffer.server.webhook;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.testing.TestServer;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery the receiver could not take before the server stopped is sent after the next start:
 * deliveries live in the database, not in the process.
 */
class WebhookRestartTest {
    static final WebhookSettings PATIENT = new WebhookSettings(Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofMillis(50), Duration.ofMillis(200), 1000).allowingPrivateTargets();

    @TempDir
    Path data;

    @Test
    void aPendingDeliveryIsSentAfterARestart() throws Exception {
        int port;
        String url;
        try (Receiver probe = new Receiver()) {
            port = probe.port();
            url = probe.url();
        }
        String topup;
        String eventId;
        try (TestServer first = TestServer.start(data, TestServer.settings().withWebhooks(PATIENT))) {
            PartnerClient partner = new PartnerClient(first, DemoData.ENV_SECRET);
            assertThat(partner.put("/api/v1/partner/webhook", "{\"env_id\":\"123\",\"url\":\"" + url + "\"}").statusCode())
                    .isEqualTo(200);
            String wallet = first.login("bob@example.com").firstWalletId();
            topup = first.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                    new WalletId(wallet),
                    Money.parse("4.20", "USD"), Memo.description("before the stop")), null).orThrow().id();
            JsonObject pending = awaitFailedAttempt(partner, topup);
            assertThat(pending.get("status").getAsString()).isEqualTo("pending");
            eventId = pending.get("event_id").getAsString();
            assertThat(first.verify().violations()).isEmpty();
        }
        try (Receiver receiver = new Receiver(port);
             TestServer second = TestServer.start(data, TestServer.settings().withWebhooks(PATIENT))) {
            Receiver.Received r = receiver.awaitAcknowledged(Receiver.about("topup.completed", topup));
            assertThat(r.eventId()).isEqualTo(eventId);
            assertThat(r.data().get("amount").getAsString()).isEqualTo("4.20");
            assertThat(second.verify().violations()).isEmpty();
        }
    }

    /** Polls the log until the movement's delivery has at least one failed attempt (the receiver is down). */
    private static JsonObject awaitFailedAttempt(PartnerClient partner, String transactionId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = partner.get("/api/v1/partner/webhook-deliveries?env_id=123&limit=100");
            for (var d : TestServer.Caller.json(r).getAsJsonArray("deliveries")) {
                JsonObject delivery = d.getAsJsonObject();
                if (delivery.get("transaction_id").getAsString().equals(transactionId) && delivery.get("attempt_count").getAsInt() > 0) {
                    return delivery;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no failed attempt within 20 s");
    }
}
