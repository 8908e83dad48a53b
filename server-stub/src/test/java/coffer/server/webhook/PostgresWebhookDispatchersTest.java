package coffer.server.webhook;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.money.Money;
import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.Concurrently;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one PostgreSQL database, each with its own dispatcher racing the other for
 * the same change feed while both commit money: every movement becomes exactly one event, and each
 * event reaches the receiver exactly once.
 */
class PostgresWebhookDispatchersTest {
    static final WebhookSettings EAGER = new WebhookSettings(Duration.ofMillis(20), Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofMillis(400), 5).allowingPrivateTargets();
    static final int DEPOSITS_EACH = 60;

    @Test
    @Timeout(180)
    void twoDispatchersCreateAndSendEachEventOnce() throws Exception {
        DatabaseConfig db = TestDatabases.postgres();
        CofferServer.Options options = new CofferServer.Options(0, db, true).withSettings(TestServer.settings().withWebhooks(EAGER));
        try (Receiver receiver = new Receiver();
             CofferServer a = CofferServer.start(options);
             CofferServer b = CofferServer.start(options)) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE environments SET webhook_url = '" + receiver.url() + "' WHERE id = '" + DemoData.ENV_ID + "'");
            }
            String alice = new Tenants(a.ledger()).userByEmail(new EnvId(DemoData.ENV_ID), DemoData.EMAILS.get(0)).orElseThrow().id();
            String wallet = a.ledger().wallets(DemoData.ENV_ID, alice).get(0).id();
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            List<CofferServer> servers = List.of(a, b);
            Concurrently.run(2, i -> deposit(servers.get(i).ledger(), wallet, ids));
            assertThat(ids).hasSize(2 * DEPOSITS_EACH);

            Instant deadline = Instant.now().plusSeconds(60);
            while (acknowledged(receiver, ids).size() < ids.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            Map<String, List<String>> eventsByMovement = acknowledged(receiver, ids);
            assertThat(eventsByMovement).hasSize(ids.size());
            assertThat(eventsByMovement.values()).allSatisfy(events -> assertThat(events).as("one event, sent once").hasSize(1));
            // and the database agrees: one delivery per movement, all delivered with one attempt (a dispatcher
            // records "delivered" just after the receiver answered, so the last ones may take a moment)
            while (deliveredCount(db, ids) < ids.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            try (Connection c = connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT transaction_id), SUM(attempts) "
                         + "FROM webhook_deliveries WHERE event_type = 'topup.completed' AND status = 'delivered' "
                         + "AND transaction_id IN ('" + String.join("','", ids) + "')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(ids.size());
                assertThat(rs.getInt(2)).isEqualTo(ids.size());
                assertThat(rs.getInt(3)).isEqualTo(ids.size());
            }
            assertThat(a.ledger().verifyInvariants().violations()).isEmpty();
        }
    }

    private static int deliveredCount(DatabaseConfig db, List<String> ids) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE event_type = 'topup.completed' "
                     + "AND status = 'delivered' AND transaction_id IN ('" + String.join("','", ids) + "')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Void deposit(LedgerService ledger, String wallet, List<String> ids) {
        for (int i = 0; i < DEPOSITS_EACH; i++) {
            ids.add(ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet),
                    Money.parse("1.00", "USD"), Memo.description("top-up " + i)), null).orThrow().id());
        }
        return null;
    }

    /** The event ids each of {@code ids} was acknowledged with, by movement id (every request was answered 200). */
    private static Map<String, List<String>> acknowledged(Receiver receiver, List<String> ids) {
        List<String> wanted = List.copyOf(ids);
        return receiver.received().stream()
                .filter(r -> r.type().equals("topup.completed") && wanted.contains(r.data().get("transaction_id").getAsString()))
                .collect(Collectors.groupingBy(r -> r.data().get("transaction_id").getAsString(),
                        Collectors.mapping(Receiver.Received::eventId, Collectors.toList())));
    }

    private static Connection connect(DatabaseConfig db) throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
