package coffer.server.webhook;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.core.signature.WebhookVerifier;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner webhooks end to end: money moves through the real server, a local receiver that fails the
 * first attempts gets every event once acknowledged, signed so that it verifies with the
 * environment's secret, and the partner can read the delivery log and replay from it.
 */
class WebhookDeliveryTest {
    static final String SECRET = DemoData.ENV_SECRET;
    /** Short timeouts and waits, so retries happen within a test. */
    static final WebhookSettings FAST = new WebhookSettings(Duration.ofMillis(100), Duration.ofMillis(700),
            Duration.ofMillis(100), Duration.ofMillis(400), 4).allowingPrivateTargets();

    @TempDir
    static Path data;
    static TestServer server;
    static Receiver receiver;
    static PartnerClient partner;
    static Caller alice;
    static Caller bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, TestServer.settings().withWebhooks(FAST));
        receiver = new Receiver();
        partner = new PartnerClient(server, SECRET);
        HttpResponse<String> set = partner.put("/api/v1/partner/webhook",
                "{\"env_id\":\"" + DemoData.ENV_ID + "\",\"url\":\"" + receiver.url() + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Caller.json(set).get("url").getAsString()).isEqualTo(receiver.url());
        alice = server.login("alice@example.com");
        bob = server.login("bob@example.com");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        receiver.close();
    }

    @AfterEach
    void ledgerStaysConsistent() throws Exception {
        receiver.clearScripts();
        assertThat(server.verify().violations()).isEmpty();
    }

    @Test
    void aP2pPaymentReachesTheReceiverOnceAcknowledgedAfterAnErrorATimeoutAndACutConnection() throws Exception {
        receiver.script("p2p.completed", 500, Receiver.NO_ANSWER, Receiver.CUT_OFF);
        String transaction = completedPayment(alice, "bob@example.com", "12.34");

        Receiver.Received ok = receiver.awaitAcknowledged(Receiver.about("p2p.completed", transaction));
        List<Receiver.Received> attempts = receiver.received().stream()
                .filter(r -> r.eventId().equals(ok.eventId())).toList();
        assertThat(attempts).extracting(Receiver.Received::answeredWith)
                .containsExactly(500, Receiver.NO_ANSWER, Receiver.CUT_OFF, 200);
        for (Receiver.Received r : attempts) {
            assertThat(r.body()).as("the same event every time").isEqualTo(ok.body());
            assertThat(new WebhookVerifier(List.of(SECRET)).verify(r.signature(), r.body(), Instant.now()).isOk()).isTrue();
        }
        assertThat(new WebhookVerifier(List.of("secret_not_the_environments_one")).verify(ok.signature(), ok.body(),
                Instant.now()).isOk()).isFalse();

        JsonObject event = ok.json();
        assertThat(event.get("id").getAsString()).isEqualTo(ok.eventId()).startsWith("evt_");
        assertThat(event.get("env_id").getAsString()).isEqualTo(DemoData.ENV_ID);
        JsonObject d = ok.data();
        assertThat(d.get("kind").getAsString()).isEqualTo("p2p");
        assertThat(d.get("status").getAsString()).isEqualTo("completed");
        assertThat(d.get("amount").getAsString()).isEqualTo("12.34");
        assertThat(d.get("currency").getAsString()).isEqualTo("USD");
        assertThat(d.get("from_wallet_id").getAsString()).isEqualTo(alice.firstWalletId());
        assertThat(d.get("to_wallet_id").getAsString()).isEqualTo(bob.firstWalletId());

        JsonObject logged = awaitLogged(ok.eventId(), "delivered");
        assertThat(logged.get("attempt_count").getAsInt()).isEqualTo(4);
        JsonArray log = logged.getAsJsonArray("attempts");
        assertThat(log).hasSize(4);
        assertThat(log.get(0).getAsJsonObject().get("http_status").getAsInt()).isEqualTo(500);
        assertThat(log.get(1).getAsJsonObject().has("http_status")).as("a timeout has no status").isFalse();
        assertThat(log.get(1).getAsJsonObject().get("error").getAsString()).contains("No answer");
        assertThat(log.get(2).getAsJsonObject().has("error")).isTrue();
        assertThat(log.get(3).getAsJsonObject().get("http_status").getAsInt()).isEqualTo(200);
        assertThat(log.get(3).getAsJsonObject().get("duration_ms").getAsLong()).isNotNegative();
        assertThat(logged.getAsJsonObject("event").get("id").getAsString()).isEqualTo(ok.eventId());
        assertThat(receiver.received().stream().filter(r -> r.type().equals("p2p.completed")
                && r.data().get("transaction_id").getAsString().equals(transaction)).map(Receiver.Received::eventId).distinct())
                .as("one event for the payment's completion").hasSize(1);
    }

    @Test
    void aRefundIsAnEventOfItsOwnPointingBackAtThePayment() throws Exception {
        String payment = completedPayment(bob, "alice@example.com", "20.00");
        HttpResponse<String> refunded = alice.post("/api/v1/refunds",
                "{\"transaction_id\":\"" + payment + "\",\"amount\":\"7.50\",\"reason\":\"returned\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
        String refund = Caller.json(refunded).get("transaction_id").getAsString();

        JsonObject d = receiver.awaitAcknowledged(Receiver.about("refund.completed", refund)).data();
        assertThat(d.get("amount").getAsString()).isEqualTo("7.50");
        assertThat(d.get("original_transaction_id").getAsString()).isEqualTo(payment);
        assertThat(d.get("from_wallet_id").getAsString()).isEqualTo(alice.firstWalletId());
        assertThat(d.get("to_wallet_id").getAsString()).isEqualTo(bob.firstWalletId());
        assertThat(d.get("description").getAsString()).isEqualTo("returned");
    }

    @Test
    void aDeliveryOutOfAttemptsFailsAndAReplaySendsTheSameEventAgain() throws Exception {
        receiver.script("topup.completed", 503, 503, 503, 503);
        String wallet = alice.firstWalletId();
        String topup = server.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                new WalletId(wallet), Money.parse("3.00", "USD"), Memo.description("card top-up")),
                null).orThrow().id();
        JsonObject failed = awaitLogged(d -> d.get("transaction_id").getAsString().equals(topup), "failed");
        assertThat(failed.get("attempt_count").getAsInt()).isEqualTo(FAST.maxAttempts());
        String eventId = failed.get("event_id").getAsString();

        HttpResponse<String> replay = partner.post("/api/v1/partner/webhook-deliveries/" + failed.get("id").getAsString()
                + "/replay", "{\"env_id\":\"" + DemoData.ENV_ID + "\"}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        assertThat(Caller.json(replay).get("event_id").getAsString()).isEqualTo(eventId);

        // another environment cannot replay it, nor learn that it exists
        String stranger = "replay-stranger";
        new Tenants(server.server().ledger()).ensureEnvironment(new EnvId(stranger), "Stranger", "secret_ReplayStrangerEnvironment000000", null,
                KycLimitTable.defaults());
        HttpResponse<String> foreign = new PartnerClient(server, "secret_ReplayStrangerEnvironment000000").post(
                "/api/v1/partner/webhook-deliveries/" + failed.get("id").getAsString() + "/replay", "{\"env_id\":\"" + stranger + "\"}");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);

        Receiver.Received again = receiver.awaitAcknowledged(r -> r.eventId().equals(eventId));
        assertThat(again.json().get("id").getAsString()).isEqualTo(eventId);
        assertThat(again.data().get("amount").getAsString()).isEqualTo("3.00");
        JsonObject delivered = awaitLogged(eventId, "delivered");
        assertThat(delivered.getAsJsonArray("attempts")).hasSize(FAST.maxAttempts() + 1);

        // a delivered event can be replayed too: same event id, one more attempt
        partner.post("/api/v1/partner/webhook-deliveries/" + delivered.get("id").getAsString() + "/replay",
                "{\"env_id\":\"" + DemoData.ENV_ID + "\"}");
        assertThat(awaitLogged(d -> d.get("event_id").getAsString().equals(eventId) && d.get("attempt_count").getAsInt()
                == FAST.maxAttempts() + 2, "delivered").get("event_id").getAsString()).isEqualTo(eventId);
    }

    @Test
    void duringRotationEverySignatureVerifiesWithEitherSecret() throws Exception {
        String newSecret = "secret_RotatedInDuringTheTest0000000001";
        try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
             PreparedStatement ps = c.prepareStatement("INSERT INTO environment_secrets (env_id, secret, active, created_at) "
                     + "VALUES (?, ?, 1, ?)")) {
            ps.setString(1, DemoData.ENV_ID);
            ps.setString(2, newSecret);
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
        try {
            String topup = server.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                    new WalletId(bob.firstWalletId()), Money.parse("1.00", "USD"), Memo.description("rotation")),
                    null).orThrow().id();
            Receiver.Received r = receiver.awaitAcknowledged(Receiver.about("topup.completed", topup));
            assertThat(r.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
            for (String secret : List.of(SECRET, newSecret)) {
                assertThat(new WebhookVerifier(List.of(secret)).verify(r.signature(), r.body(), Instant.now()).isOk())
                        .as("verifies with %s", secret.equals(SECRET) ? "the old secret" : "the new secret").isTrue();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
                 PreparedStatement ps = c.prepareStatement("DELETE FROM environment_secrets WHERE secret = ?")) {
                ps.setString(1, newSecret);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void anEnvironmentWithoutAUrlGetsNothing() throws Exception {
        String quiet = "quiet-env";
        String quietSecret = "secret_QuietEnvironmentHasNoWebhookUrl0";
        LedgerService ledger = server.server().ledger();
        String wallet = walletInNewEnvironment(quiet, quietSecret);
        String quietTopup = ledger.deposit(SystemMoveCommand.of(new EnvId(quiet), new WalletId(wallet),
                Money.parse("9.00",
                "USD"), Memo.description("funds")), null).orThrow().id();
        // committed after the quiet one: once it is delivered, the dispatcher has passed the quiet commit
        String later = ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                new WalletId(alice.firstWalletId()),
                Money.parse("2.00", "USD"), Memo.description("later")), null)
                .orThrow().id();
        receiver.awaitAcknowledged(Receiver.about("topup.completed", later));

        assertThat(receiver.received()).noneMatch(r -> r.data().get("transaction_id").getAsString().equals(quietTopup));
        HttpResponse<String> log = new PartnerClient(server, quietSecret).get("/api/v1/partner/webhook-deliveries?env_id=" + quiet);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(Caller.json(log).getAsJsonArray("deliveries")).isEmpty();
    }

    @Test
    void theLogsCursorWalksEveryDeliveryOnceAndIsItsEnvironmentsOnly() throws Exception {
        String otherEnv = "cursor-other-env";
        String otherSecret = "secret_CursorOtherEnvironmentWithAHook0";
        LedgerService ledger = server.server().ledger();
        String otherWallet = walletInNewEnvironment(otherEnv, otherSecret);
        PartnerClient other = new PartnerClient(server, otherSecret);
        assertThat(other.put("/api/v1/partner/webhook", "{\"env_id\":\"" + otherEnv + "\",\"url\":\"" + receiver.url() + "\"}")
                .statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            String mine = ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                    new WalletId(bob.firstWalletId()),
                    Money.parse("2.0" + i, "USD"), Memo.description("cursor " + i)), null).orThrow().id();
            String theirs = ledger.deposit(SystemMoveCommand.of(new EnvId(otherEnv), new WalletId(otherWallet),
                    Money.parse("2.0" + i, "USD"), Memo.description("cursor " + i)), null)
                    .orThrow().id();
            awaitLogged(d -> d.get("transaction_id").getAsString().equals(mine), "delivered");
            Receiver.Received r = receiver.awaitAcknowledged(Receiver.about("topup.completed", theirs));
            assertThat(r.json().get("env_id").getAsString()).isEqualTo(otherEnv);
        }
        String log = "/api/v1/partner/webhook-deliveries?env_id=" + DemoData.ENV_ID + "&status=delivered";
        List<String> all = new java.util.ArrayList<>();
        List<String> walked = new java.util.ArrayList<>();
        for (int limit : new int[] {100, 2}) {
            List<String> into = limit == 100 ? all : walked;
            String cursor = null;
            do {
                JsonObject page = Caller.json(partner.get(log + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)));
                page.getAsJsonArray("deliveries").forEach(d -> into.add(d.getAsJsonObject().get("id").getAsString()));
                cursor = page.has("next_cursor") ? page.get("next_cursor").getAsString() : null;
            } while (cursor != null);
        }
        assertThat(walked).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates().containsExactlyElementsOf(all);

        String cursor = Caller.json(partner.get(log + "&limit=1")).get("next_cursor").getAsString();
        HttpResponse<String> foreign = other.get("/api/v1/partner/webhook-deliveries?env_id=" + otherEnv + "&cursor=" + cursor);
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
        assertThat(Caller.errorCode(foreign)).isEqualTo("INVALID_REQUEST");
        String theirs = Caller.json(other.get("/api/v1/partner/webhook-deliveries?env_id=" + otherEnv + "&limit=1"))
                .get("next_cursor").getAsString();
        HttpResponse<String> borrowed = partner.get(log + "&cursor=" + theirs);
        assertThat(borrowed.statusCode()).as(borrowed.body()).isEqualTo(400);
        int dot = cursor.lastIndexOf('.');
        // the delivery id the cursor names, changed to one a little older
        String bent = cursor.substring(0, dot - 1) + (cursor.charAt(dot - 1) == '0' ? '1' : '0') + cursor.substring(dot);
        HttpResponse<String> altered = partner.get(log + "&cursor=" + bent);
        assertThat(altered.statusCode()).as(altered.body()).isEqualTo(400);
        assertThat(Caller.errorCode(altered)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void theLogPagesNewestFirstAndFiltersByStatus() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = server.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                    new WalletId(bob.firstWalletId()), Money.parse("1.0" + i, "USD"), Memo.description("page " + i)),
                    null).orThrow().id();
            awaitLogged(d -> d.get("transaction_id").getAsString().equals(id), "delivered");
        }
        JsonObject first = Caller.json(partner.get("/api/v1/partner/webhook-deliveries?env_id=" + DemoData.ENV_ID
                + "&status=delivered&limit=2"));
        JsonArray page = first.getAsJsonArray("deliveries");
        assertThat(page).hasSize(2);
        assertThat(page.get(0).getAsJsonObject().get("id").getAsString())
                .isGreaterThan(page.get(1).getAsJsonObject().get("id").getAsString());
        String cursor = first.get("next_cursor").getAsString();
        JsonArray second = Caller.json(partner.get("/api/v1/partner/webhook-deliveries?env_id=" + DemoData.ENV_ID
                + "&status=delivered&limit=2&cursor=" + cursor)).getAsJsonArray("deliveries");
        assertThat(second).isNotEmpty();
        assertThat(second.get(0).getAsJsonObject().get("id").getAsString()).isLessThan(cursor);
        for (var d : second) {
            assertThat(d.getAsJsonObject().get("status").getAsString()).isEqualTo("delivered");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Pays through the user API, waits until the payment completed, and answers its movement's id. */
    static String completedPayment(Caller payer, String destination, String amount) throws InterruptedException {
        HttpResponse<String> r = payer.post("/api/v1/payments", "{\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                + "\"source_wallet_id\":\"" + payer.firstWalletId() + "\",\"destination\":\"" + destination + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String paymentId = Caller.json(r).get("payment_id").getAsString();
        Instant deadline = Instant.now().plusSeconds(20);
        JsonObject payment = Caller.json(payer.get("/api/v1/payments/" + paymentId));
        while (!payment.get("status").getAsString().equals("completed") && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            payment = Caller.json(payer.get("/api/v1/payments/" + paymentId));
        }
        assertThat(payment.get("status").getAsString()).isEqualTo("completed");
        return payment.get("transaction_id").getAsString();
    }

    private static JsonObject awaitLogged(String eventId, String status) throws InterruptedException {
        return awaitLogged(d -> d.get("event_id").getAsString().equals(eventId), status);
    }

    /** A new environment with {@code secret} and one verified user's USD wallet; answers the wallet's id. */
    private static String walletInNewEnvironment(String envId, String secret) {
        LedgerService ledger = server.server().ledger();
        new Tenants(ledger).ensureEnvironment(new EnvId(envId), "Partner " + envId, secret, null, KycLimitTable.defaults());
        String user = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(envId), envId + "-user",
                "User").kyc(KycStatus.VERIFIED, KycTier.TIER_1))
                .orThrow().id();
        return ledger.openWallet(NewWallet.inCurrency(new EnvId(envId), new UserId(user), Currency.getInstance("USD"))).orThrow().id();
    }

    /** Polls the delivery log (up to 20 s) for a delivery matching {@code which} in {@code status}. */
    private static JsonObject awaitLogged(java.util.function.Predicate<JsonObject> which, String status)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = partner.get("/api/v1/partner/webhook-deliveries?env_id=" + DemoData.ENV_ID
                    + "&status=" + status + "&limit=100");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            for (var d : Caller.json(r).getAsJsonArray("deliveries")) {
                if (which.test(d.getAsJsonObject())) {
                    return d.getAsJsonObject();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + status + " delivery matched within 20 s");
    }
}
