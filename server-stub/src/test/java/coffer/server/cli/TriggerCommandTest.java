package coffer.server.cli;

import coffer.core.kyc.KycLimitTable;
import coffer.core.signature.WebhookVerifier;
import coffer.server.Main;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.tenant.Tenants;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trigger}: a tester sends one signed test event to an environment's webhook URL, here a receiver
 * on this machine's loopback, and sees what the receiver answered; the event verifies with the partner's
 * secrets exactly as a real delivery does, says it is a test, and leaves the ledger as it was.
 */
class TriggerCommandTest {
    private static final String SECRET = "secret_TriggerCommandTestFirstSecret0000";
    private static final String SECOND = "secret_TriggerCommandTestSecondSecret000";
    private static final String QUIET_SECRET = "secret_TriggerCommandTestQuietSecret0000";

    @TempDir
    Path data;
    private MockWebServer receiver;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        receiver = new MockWebServer();
        receiver.start(InetAddress.getByName("127.0.0.1"), 0);
        try (Database database = Database.open(DatabaseConfig.sqlite(data));
             LedgerService ledger = new LedgerService(database, Clock.systemUTC(), LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            Tenants tenants = new Tenants(ledger);
            tenants.ensureEnvironment(new EnvId("shop-1"), "Shop", SECRET, receiver.url("/coffer-hooks").toString(), KycLimitTable.defaults());
            // a rotation under way: both secrets are active, so the event carries a signature for each
            tenants.addSecret(new EnvId("shop-1"), SECOND, "test").orThrow();
            tenants.ensureEnvironment(new EnvId("quiet-1"), "No webhooks", QUIET_SECRET, null, KycLimitTable.defaults());
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        receiver.shutdown();
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aTestEventReachesTheReceiverSignedAsEveryDeliveryIs() throws Exception {
        receiver.enqueue(new MockResponse().setResponseCode(204));
        String before = ledgerContents();

        Run r = run("trigger", "topup.completed", "--env", "shop-1", "--allow-private-webhooks");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("HTTP 204", "topup.completed", "evt_test_");
        RecordedRequest request = receiver.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/coffer-hooks");
        byte[] body = request.getBody().readByteArray();
        String signature = request.getHeader("Coffer-Signature");
        // the partner verifies it with either active secret, as shared-core's verifier does for real deliveries
        assertThat(new WebhookVerifier(List.of(SECRET)).verify(signature, body, Instant.now()).isOk()).as(signature).isTrue();
        assertThat(new WebhookVerifier(List.of(SECOND)).verify(signature, body, Instant.now()).isOk()).isTrue();
        assertThat(new WebhookVerifier(List.of(QUIET_SECRET)).verify(signature, body, Instant.now()).isOk()).isFalse();

        JsonObject event = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(event.get("type").getAsString()).isEqualTo("topup.completed");
        assertThat(event.get("test").getAsBoolean()).isTrue();
        assertThat(event.get("id").getAsString()).startsWith("evt_test_").isEqualTo(request.getHeader("Coffer-Event-Id"));
        assertThat(r.out()).contains(event.get("id").getAsString());
        assertThat(event.get("env_id").getAsString()).isEqualTo("shop-1");
        JsonObject movement = event.getAsJsonObject("data");
        assertThat(movement.get("kind").getAsString()).isEqualTo("topup");
        assertThat(movement.get("status").getAsString()).isEqualTo("completed");
        assertThat(movement.get("transaction_id").getAsString()).startsWith("txn_test_");

        assertThat(ledgerContents()).as("no movement, no delivery, no audit entry").isEqualTo(before);
    }

    @Test
    void aReceiverThatDoesNotAcknowledgeFailsTheCommand() throws Exception {
        receiver.enqueue(new MockResponse().setResponseCode(500));
        String before = ledgerContents();

        Run r = run("trigger", "p2p.failed", "--env", "shop-1", "--allow-private-webhooks");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("HTTP 500", "p2p.failed");
        JsonObject movement = JsonParser.parseString(receiver.takeRequest(10, TimeUnit.SECONDS).getBody().readUtf8()).getAsJsonObject()
                .getAsJsonObject("data");
        assertThat(movement.get("failure_reason").getAsString()).isNotBlank();
        assertThat(ledgerContents()).as("a failed test event is not retried: nothing waits in the delivery log").isEqualTo(before);
    }

    @Test
    void anUnknownEventIsBadUsageAndListsTheKnownOnes() {
        Run r = run("trigger", "topup.exploded", "--env", "shop-1", "--allow-private-webhooks");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown event type 'topup.exploded'", "topup.completed", "p2p.failed", "withdrawal.pending",
                        "refund.completed")
                .doesNotContain("p2p.pending", "hold.");
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void anEnvironmentWithoutAWebhookUrlSaysSo() {
        Run r = run("trigger", "topup.completed", "--env", "quiet-1", "--allow-private-webhooks");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("quiet-1 has no webhook URL", "PUT /api/v1/partner/webhook");
        assertThat(run("trigger", "topup.completed", "--env", "nobody", "--allow-private-webhooks").err()).contains("nobody was not found");
        assertThat(receiver.getRequestCount()).isZero();
    }

    /** A loopback receiver is a non-public address: the same check as every delivery refuses it unless the tester opts in. */
    @Test
    void aReceiverOnLoopbackNeedsTheOptIn() throws Exception {
        String before = ledgerContents();

        Run r = run("trigger", "topup.completed", "--env", "shop-1");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("non-public address", "The trigger command takes --allow-private-webhooks");
        assertThat(receiver.getRequestCount()).isZero();
        assertThat(ledgerContents()).isEqualTo(before);
    }

    /** Every row of every table of the SQLite ledger, in a stable order. */
    private String ledgerContents() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("transactions", "webhook_deliveries", "environments");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        all.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            all.append(rs.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
