package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.CofferServer;
import coffer.server.gateway.PaymentProvider.PayoutRequest;
import coffer.server.gateway.PaymentProvider.PayoutStatus;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents.Recorder;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator, top-ups and saved cards on PostgreSQL: the same flows as on SQLite, over the other dialect's migration. */
class PostgresProviderTest {

    @Test
    void aTopupASavedCardChargeARefundAndAPendingPayoutWorkOnPostgres() throws Exception {
        try (CofferServer server = CofferServer.start(new CofferServer.Options(0, TestDatabases.postgres(), true)
                .withSettings(TestServer.settings()))) {
            String base = server.baseUrl();
            String token = Caller.json(Http.post(base + "/api/v1/auth/login",
                    "{\"email\":\"alice@example.com\",\"password\":\"demo-password\"}")).get("access_token").getAsString();
            String wallet = Caller.json(get(base, token, "/api/v1/accounts")).getAsJsonArray("accounts").get(0).getAsJsonObject()
                    .get("id").getAsString();

            JsonObject topup = Caller.json(post(base, token, "/api/v1/topups", "{\"wallet_id\":\"" + wallet
                    + "\",\"amount\":\"10.00\",\"currency\":\"USD\",\"save_card\":true}"));
            String checkout = topup.get("checkout_url").getAsString();
            HttpResponse<String> paid = Http.post(base + "/provider/test-helpers/checkout/"
                    + checkout.substring(checkout.lastIndexOf('/') + 1) + "/pay", "{\"card_number\":\"4242424242424242\",\"save_card\":true}");
            assertThat(paid.body()).contains("\"outcome\":\"paid\"");
            String id = topup.get("topup_id").getAsString();
            JsonObject done = Poll.until(() -> Caller.json(get(base, token, "/api/v1/topups/" + id)),
                    t -> t.get("status").getAsString().equals("completed"));
            assertThat(done.get("status").getAsString()).isEqualTo("completed");

            var cards = Poll.until(() -> Caller.json(get(base, token, "/api/v1/cards")).getAsJsonArray("cards"), c -> !c.isEmpty());
            String card = cards.get(0).getAsJsonObject().get("card_id").getAsString();
            HttpResponse<String> charged = post(base, token, "/api/v1/cards/" + card + "/charges",
                    "{\"wallet_id\":\"" + wallet + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}");
            assertThat(Caller.json(charged).get("status").getAsString()).isEqualTo("completed");
            HttpResponse<String> refund = post(base, token, "/api/v1/topups/" + id + "/refunds", "{\"amount\":\"3.00\"}");
            assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
            assertThat(Caller.json(get(base, token, "/api/v1/accounts/" + wallet)).getAsJsonObject("account").get("balance")
                    .getAsString()).isEqualTo("1012.00");

            Recorder payouts = new Recorder("payout.succeeded");
            server.providerEvents().add(payouts);
            String reference = "pg_" + System.nanoTime();
            assertThat(server.paymentProvider().createPayout(new PayoutRequest(reference, Money.parse("2.00", "USD"), "044",
                    "0123452222", null)).orThrow().status()).isEqualTo(PayoutStatus.PENDING);
            assertThat(Poll.until(() -> payouts.about(reference), list -> !list.isEmpty())).hasSize(1);
            assertThat(server.ledger().verifyInvariants().violations()).isEmpty();
        }
    }

    private static HttpResponse<String> get(String base, String token, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> post(String base, String token, String path, String json) {
        return Http.postJson(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token), json);
    }
}
