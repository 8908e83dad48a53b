package coffer.server.webhook;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static coffer.server.webhook.LoopbackDns.loopback;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's webhook URL cannot make Coffer call into the network it runs in: loopback, private,
 * link-local and other non-public targets, in any spelling, are refused when the URL is set, and a
 * delivery never connects to one, even when the URL's name resolves to one only at delivery time
 * (DNS rebinding). Only with {@code --allow-private-webhooks} does a loopback receiver get deliveries.
 * Every name here resolves through {@link LoopbackDns}, and the only receiver listens on loopback, so
 * nothing a test does can reach another machine.
 */
class PrivateWebhookTargetsTest {
    static final String SECRET = "secret_PrivateWebhookTargetsTestSecret00";
    static final String REBINDING_NAME = "rebind.test";
    static final String PUBLIC_LOOKING_NAME = "partner.test";

    @TempDir
    static Path refusingData;
    @TempDir
    static Path allowingData;
    static Receiver receiver;
    static TestServer refusing;
    static TestServer allowing;

    @BeforeAll
    static void start() {
        receiver = new Receiver();
        LoopbackDns dns = new LoopbackDns(Map.of(
                "localhost", List.of(loopback("127.0.0.1"), loopback("::1")),
                REBINDING_NAME, List.of(loopback(Receiver.HOST))));
        WebhookSettings fast = new WebhookSettings(Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofMillis(100),
                Duration.ofMillis(400), 3).resolvingWith(dns);
        refusing = TestServer.start(refusingData, TestServer.settings().withWebhooks(fast));
        allowing = TestServer.start(allowingData, TestServer.settings().withWebhooks(fast.allowingPrivateTargets()));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            refusing.close();
            allowing.close();
        } finally {
            receiver.close();
        }
    }

    @Test
    void nonPublicTargetsAreRefusedWhenTheUrlIsSet() {
        String env = environment(refusing, "ssrf-config", null);
        PartnerClient partner = new PartnerClient(refusing, SECRET);
        int port = receiver.port();
        List<String> refused = List.of(
                "http://127.0.0.1:" + port + "/hook", "http://127.9.9.9:" + port + "/hook", "http://localhost:" + port + "/hook",
                "http://LocalHost:" + port + "/hook", "http://[::1]:" + port + "/hook", "http://" + REBINDING_NAME + ":" + port + "/hook",
                "http://10.0.0.1/hook", "http://172.16.5.4/hook", "http://192.168.1.1/hook", "http://100.64.0.1/hook",
                "http://169.254.169.254/latest/meta-data", "http://0.0.0.0:" + port + "/", "http://[::]:" + port + "/",
                "http://224.0.0.1/", "http://255.255.255.255/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[ff02::1]/",
                // IPv6 spellings of IPv4 addresses
                "http://[::ffff:127.0.0.1]:" + port + "/", "http://[::ffff:a9fe:a9fe]/latest/meta-data", "http://[::127.0.0.1]/",
                "http://[64:ff9b::7f00:1]/", "http://[2002:a9fe:a9fe::]/",
                // other spellings of IPv4 addresses
                "http://2130706433:" + port + "/", "http://0x7f.1:" + port + "/", "http://127.1:" + port + "/",
                "http://0177.0.0.1:" + port + "/", "http://017700000001/", "http://127.0.0.1.:" + port + "/",
                // a public-looking host on a system service's port
                "http://" + PUBLIC_LOOKING_NAME + ":22/hook");
        List<String> problems = new ArrayList<>();
        for (String url : refused) {
            HttpResponse<String> r = partner.put("/api/v1/partner/webhook", "{\"env_id\":\"" + env + "\",\"url\":\"" + url + "\"}");
            if (r.statusCode() != 400 || !Caller.errorCode(r).equals("INVALID_REQUEST")
                    || !Caller.json(r).getAsJsonObject("error").get("message").getAsString().startsWith("'url'")) {
                problems.add(url + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(new Tenants(refusing.server().ledger()).environment(new EnvId(env)).orElseThrow().webhookUrl()).as("nothing was set").isNull();
        assertThat(receiver.received()).as("a refusal sends nothing").isEmpty();

        // a name that does not resolve (yet) is accepted: every delivery checks it again
        HttpResponse<String> later = partner.put("/api/v1/partner/webhook",
                "{\"env_id\":\"" + env + "\",\"url\":\"https://" + PUBLIC_LOOKING_NAME + "/hook\"}");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(partner.put("/api/v1/partner/webhook", "{\"env_id\":\"" + env + "\",\"url\":null}").statusCode()).isEqualTo(200);
    }

    @Test
    void withTheFlagALoopbackReceiverGetsTheDelivery() throws Exception {
        String env = environment(allowing, "ssrf-allowed", null);
        PartnerClient partner = new PartnerClient(allowing, SECRET);
        HttpResponse<String> literal = partner.put("/api/v1/partner/webhook",
                "{\"env_id\":\"" + env + "\",\"url\":\"http://127.0.0.1:" + receiver.port() + "/hook\"}");
        assertThat(literal.statusCode()).as(literal.body()).isEqualTo(200);
        // the name resolves through the test's resolver: what the refusing server is given below
        String url = "http://" + REBINDING_NAME + ":" + receiver.port() + "/hook";
        HttpResponse<String> named = partner.put("/api/v1/partner/webhook", "{\"env_id\":\"" + env + "\",\"url\":\"" + url + "\"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);

        String deposit = deposit(allowing, env);
        Receiver.Received got = receiver.awaitAcknowledged(Receiver.about("topup.completed", deposit));
        assertThat(got.json().get("env_id").getAsString()).isEqualTo(env);
    }

    @Test
    void aNameThatResolvesToLoopbackAtDeliveryTimeIsNotContacted() throws Exception {
        // stored as if it had been set while the name still resolved to a public address
        String env = environment(refusing, "ssrf-rebind", "http://" + REBINDING_NAME + ":" + receiver.port() + "/hook");
        String deposit = deposit(refusing, env);

        JsonObject failed = awaitFinished(env, deposit);
        assertThat(failed.get("status").getAsString()).as("a receiver on loopback was not contacted").isEqualTo("failed");
        assertThat(failed.get("attempt_count").getAsInt()).as("refused at once, not retried").isEqualTo(1);
        assertThat(failed.getAsJsonArray("attempts").get(0).getAsJsonObject().get("error").getAsString())
                .contains("non-public", "--allow-private-webhooks");
        assertThat(receiver.received()).noneMatch(r -> r.json().get("env_id").getAsString().equals(env));
    }

    @Test
    void aStoredLoopbackAddressIsNotContactedEither() throws Exception {
        String env = environment(refusing, "ssrf-stored", "http://127.0.0.1:" + receiver.port() + "/hook");
        String deposit = deposit(refusing, env);

        JsonObject failed = awaitFinished(env, deposit);
        assertThat(failed.get("status").getAsString()).as("a receiver on loopback was not contacted").isEqualTo("failed");
        assertThat(failed.getAsJsonArray("attempts").get(0).getAsJsonObject().get("error").getAsString())
                .contains("non-public", "--allow-private-webhooks");
        assertThat(receiver.received()).noneMatch(r -> r.json().get("env_id").getAsString().equals(env));
    }

    private static String environment(TestServer server, String id, String webhookUrl) {
        new Tenants(server.server().ledger()).ensureEnvironment(new EnvId(id), "Webhook targets", SECRET, webhookUrl, KycLimitTable.defaults());
        return id;
    }

    /** A completed top-up into a new wallet of the environment: one movement, so one webhook event. */
    private static String deposit(TestServer server, String env) {
        LedgerService ledger = server.server().ledger();
        String user = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(env), "webhook-user",
                "Webhook user").kyc(KycStatus.VERIFIED, KycTier.TIER_1))
                .orThrow().id();
        String wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(env), new UserId(user), Currencies.of("USD"))).orThrow().id();
        return ledger.deposit(SystemMoveCommand.of(new EnvId(env), new WalletId(wallet), Money.parse("5.00", "USD"),
                Memo.reference("webhook-test").withDescription("Webhook test")), null).orThrow().id();
    }

    /** Polls the refusing server's delivery log (up to 20 s) until the delivery of {@code transactionId} is delivered or failed. */
    private static JsonObject awaitFinished(String env, String transactionId) throws InterruptedException {
        PartnerClient partner = new PartnerClient(refusing, SECRET);
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = partner.get("/api/v1/partner/webhook-deliveries?env_id=" + env);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            for (var d : Caller.json(r).getAsJsonArray("deliveries")) {
                JsonObject delivery = d.getAsJsonObject();
                if (delivery.get("transaction_id").getAsString().equals(transactionId)
                        && !delivery.get("status").getAsString().equals("pending")) {
                    return delivery;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the delivery of " + transactionId + " was still pending after 20 s");
    }
}
