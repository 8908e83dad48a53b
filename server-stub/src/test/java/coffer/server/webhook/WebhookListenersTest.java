package coffer.server.webhook;

import coffer.core.money.Money;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.WalletId;
import coffer.server.tenant.DemoData;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While no environment listens for webhooks the dispatcher writes nothing (on SQLite each write was an fsync'd
 * commit holding the ledger's write lock, many a second under load); the first environment to listen hears of
 * what is committed from then on, not of what came before.
 */
class WebhookListenersTest {
    @TempDir
    Path data;

    @Test
    void nobodyListeningCostsNoWritesAndTheFirstListenerHearsOnlyWhatComesAfter() throws Exception {
        try (Receiver receiver = new Receiver();
             TestServer server = TestServer.start(data, TestServer.settings().withWebhooks(WebhookWakeTest.HOURLY))) {
            String wallet = server.login("bob@example.com").firstWalletId();
            String before = cursor();
            String unheard = deposit(server, wallet, "1.00", "nobody listens");
            // each commit wakes the dispatcher within 50 ms; give it ten times that
            Thread.sleep(500);
            assertThat(cursor()).as("the webhook cursor row (seq, updated_at) is not written").isEqualTo(before);

            PartnerClient partner = new PartnerClient(server, DemoData.ENV_SECRET);
            assertThat(partner.put("/api/v1/partner/webhook", "{\"env_id\":\"123\",\"url\":\"" + receiver.url() + "\"}")
                    .statusCode()).isEqualTo(200);
            String heard = deposit(server, wallet, "2.00", "a partner listens");

            Receiver.Received r = receiver.awaitAcknowledged(Receiver.about("topup.completed", heard));
            assertThat(r.data().get("amount").getAsString()).isEqualTo("2.00");
            assertThat(receiver.received()).as("the movement from before the URL was set is not sent")
                    .noneMatch(x -> x.data().get("transaction_id").getAsString().equals(unheard));
            assertThat(server.verify().violations()).isEmpty();
        }
    }

    private static String deposit(TestServer server, String wallet, String amount, String memo) {
        return server.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet),
                Money.parse(amount, "USD"), Memo.description(memo)), null).orThrow().id();
    }

    private String cursor() throws SQLException {
        try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, updated_at FROM webhook_cursor WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) + " " + rs.getString(2) : "none";
        }
    }
}
