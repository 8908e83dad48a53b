package coffer.server.webhook;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher between passes: with a poll interval of an hour, only this process's commits and the
 * due times of retries can bring a pass, so events arriving within the test's deadline show both do.
 */
class WebhookWakeTest {
    static final WebhookSettings HOURLY = new WebhookSettings(Duration.ofHours(1), Duration.ofSeconds(2),
            Duration.ofMillis(200), Duration.ofMillis(400), 5).allowingPrivateTargets();

    @TempDir
    Path data;

    @Test
    void aCommitWakesTheDispatcherAndAFailedAttemptIsRetriedWhenDue() throws Exception {
        try (Receiver receiver = new Receiver();
             TestServer server = TestServer.start(data, TestServer.settings().withWebhooks(HOURLY))) {
            PartnerClient partner = new PartnerClient(server, DemoData.ENV_SECRET);
            assertThat(partner.put("/api/v1/partner/webhook", "{\"env_id\":\"123\",\"url\":\"" + receiver.url() + "\"}")
                    .statusCode()).isEqualTo(200);
            String wallet = server.login("bob@example.com").firstWalletId();

            receiver.script("topup.completed", 503);
            List<String> deposits = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                // each commit comes after the dispatcher's last pass went back to waiting for the hour
                String id = server.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                        new WalletId(wallet), Money.parse(i + ".00", "USD"), Memo.description("wake " + i)),
                        null).orThrow().id();
                deposits.add(id);
                Receiver.Received r = receiver.awaitAcknowledged(Receiver.about("topup.completed", id));
                assertThat(r.data().get("amount").getAsString()).isEqualTo(i + ".00");
                assertThat(receiver.received().stream().filter(x -> x.eventId().equals(r.eventId()))
                        .map(Receiver.Received::answeredWith)).as("refused once, then retried when due").containsExactly(503, 200);
            }
            assertThat(deposits).doesNotHaveDuplicates();
            assertThat(server.verify().violations()).isEmpty();
        }
    }
}
