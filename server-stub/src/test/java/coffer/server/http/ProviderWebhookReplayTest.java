package coffer.server.http;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.core.signature.WebhookSigner;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.Concurrently;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other signed surface: webhooks the provider sends to Coffer ({@code Coffer-Signature} over t and
 * body, 300 s). A captured webhook that Coffer already applied, sent again as it was, one after another
 * or many at once, moves no money again: events are applied once by id.
 */
class ProviderWebhookReplayTest extends DemoServerTest {
    private static String wallet;

    @BeforeAll
    static void partnerWallet() {
        LedgerService ledger = server.server().ledger();
        wallet = ledger.wallets(DemoData.ENV_ID, new Tenants(ledger).userByExternalId(new EnvId(DemoData.ENV_ID), DemoData.PARTNER_USER_ID)
                .orElseThrow().id()).get(0).id();
    }

    @Test
    void aReplayedCheckoutPaidWebhookCreditsTheTopUpOnce() throws Exception {
        long before = posted();
        HttpResponse<String> topup = SignedRequest.now("POST", "/wallet/topup/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"wallet_id\":\""
                + wallet + "\",\"amount\":\"6.00\"}").send(server.server(), null);
        assertThat(topup.statusCode()).as(topup.body()).isEqualTo(200);
        String checkout = Caller.json(topup).get("url").getAsString();
        assertThat(Http.post(server.url("/provider/test-helpers/checkout/" + checkout.substring(checkout.lastIndexOf('/') + 1)
                + "/pay"), "{\"card_number\": \"4242 4242 4242 4242\"}").statusCode()).isEqualTo(200);

        replayDeliveredWebhook("checkout.paid", Caller.json(topup).get("topup_id").getAsString());

        assertThat(posted()).as("credited once").isEqualTo(before + 600);
    }

    @Test
    void aReplayedPayoutSucceededWebhookTakesTheWithdrawalOnce() throws Exception {
        long before = posted();
        HttpResponse<String> withdrawal = SignedRequest.now("POST", "/wallet/withdraw/", "{\"env_id\":\"123\",\"user_id\":\"123\","
                + "\"wallet_id\":\"" + wallet + "\",\"amount\":\"7.00\"}").send(server.server(), null);
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
        Http.send(HttpRequest.newBuilder(URI.create(Caller.json(withdrawal).get("url").getAsString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Demo+User&bank_code=044&account_number=0123456789")));

        replayDeliveredWebhook("payout.succeeded", Caller.json(withdrawal).get("withdrawal_id").getAsString());

        assertThat(posted()).as("paid out once").isEqualTo(before - 700);
        assertThat(available()).isEqualTo(posted());
    }

    /**
     * Waits until the provider's {@code type} webhook about {@code reference} was delivered and applied,
     * then sends it again exactly as captured (one signature over its bytes) three times, and six
     * times at once: every answer is a duplicate, and the ledger's movements stay as they were.
     */
    private static void replayDeliveredWebhook(String type, String reference) throws Exception {
        String body = Poll.until(() -> deliveredWebhook(type, reference), Optional::isPresent)
                .orElseThrow(() -> new AssertionError(type + " about " + reference + " was never delivered"));
        Poll.until(ProviderWebhookReplayTest::available, balance -> balance == posted());
        long posted = posted();
        long movements = server.verify().movements();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String captured = new WebhookSigner(List.of(server.providerWebhookSecret())).sign(bytes, Instant.now());

        for (int i = 0; i < 3; i++) {
            assertDuplicate(send(bytes, captured));
        }
        for (HttpResponse<String> r : Concurrently.run(6, i -> send(bytes, captured))) {
            assertDuplicate(r);
        }
        assertThat(posted()).isEqualTo(posted);
        assertThat(server.verify().movements()).isEqualTo(movements);
    }

    private static void assertDuplicate(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Caller.json(response).get("duplicate").getAsBoolean()).isTrue();
    }

    private static HttpResponse<String> send(byte[] body, String signature) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.url("/webhooks/provider")))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The body of the provider's delivered {@code type} webhook that names {@code reference}, as the provider sent it. */
    private static Optional<String> deliveredWebhook(String type, String reference) {
        try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT body FROM provider_webhook_outbox "
                     + "WHERE type = ? AND delivered_at IS NOT NULL AND body LIKE ?")) {
            ps.setString(1, type);
            ps.setString(2, "%\"" + reference + "\"%");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long posted() {
        return server.server().ledger().wallet(DemoData.ENV_ID, wallet).orElseThrow().balance().posted();
    }

    private static long available() {
        return server.server().ledger().wallet(DemoData.ENV_ID, wallet).orElseThrow().balance().available().minor();
    }
}
