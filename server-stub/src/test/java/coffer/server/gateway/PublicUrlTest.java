package coffer.server.gateway;

import coffer.server.ProviderMode;
import coffer.server.testing.FakeStripe;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that users reach at a public URL ({@code serve --public-url}, behind a proxy or on every address) sends
 * them back there: Stripe's success and cancel URLs, and the origin a user's own {@code return_url} may name, start
 * with it rather than with the address the server listens on.
 */
class PublicUrlTest {
    @TempDir
    Path dir;

    @Test
    void stripeReturnsUsersToThePublicUrlAndAReturnUrlThereIsCofferSOwn() throws Exception {
        try (FakeStripe stripe = new FakeStripe();
             TestServer server = TestServer.start(dir, TestServer.settings()
                     .withStripe(new StripeSettings(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.apiBase()))
                     .withPublicUrl(URI.create("https://wallet.example.com")), ProviderMode.STRIPE)) {
            TestUsers.User user = TestUsers.funded(server, "public-url", "0.00");
            HttpResponse<String> r = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId()
                    + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String id = TestServer.Caller.json(r).get("topup_id").getAsString();
            Map<String, String> session = stripe.calls("POST", "/v1/checkout/sessions").get(0).params();
            assertThat(session.get("success_url")).startsWith("https://wallet.example.com/topups/" + id + "/done?");
            assertThat(session.get("cancel_url")).startsWith("https://wallet.example.com/topups/" + id + "/done?");

            HttpResponse<String> own = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId()
                    + "\",\"amount\":\"5.00\",\"currency\":\"USD\",\"return_url\":\"https://wallet.example.com/back\"}");
            assertThat(own.statusCode()).as("the public origin is the server's own: %s", own.body()).isEqualTo(201);
            HttpResponse<String> local = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId()
                    + "\",\"amount\":\"5.00\",\"currency\":\"USD\",\"return_url\":\"" + server.url("/back") + "\"}");
            assertThat(local.statusCode()).as("the listening address is not where users are: %s", local.body()).isEqualTo(400);
        }
    }
}
