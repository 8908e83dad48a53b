package coffer.server.gateway;

import coffer.server.testing.Http;
import coffer.server.testing.ProviderEvents;
import coffer.server.testing.TestServer;
import com.google.gson.JsonObject;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ProviderContract} with the bundled simulator: paid through its test helper, repeated as a signed event. */
class SimulatorContractTest extends ProviderContract {
    @Override
    TestServer start(Path dir) {
        return TestServer.start(dir);
    }

    private String session(String topupId) {
        String url = server.server().services().topups().find(topupId).orElseThrow().checkoutUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    void pay(String topupId) {
        HttpResponse<String> r = Http.post(server.url("/provider/test-helpers/checkout/" + session(topupId) + "/pay"),
                "{\"card_number\":\"4242424242424242\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Override
    void payAgain(String topupId) {
        var topup = server.server().services().topups().find(topupId).orElseThrow();
        JsonObject data = new JsonObject();
        data.addProperty("session_id", session(topupId));
        data.addProperty("reference", topupId);
        data.addProperty("amount", topup.amount().toDecimalString());
        data.addProperty("currency", topup.amount().currencyCode());
        data.addProperty("charge_id", topup.chargeId());
        HttpResponse<String> r = ProviderEvents.send(server, ProviderEvents.event("evt_again_" + topupId, "checkout.paid", data),
                server.providerWebhookSecret(), Instant.now());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Override
    void assertRefundReachedProvider(String topupId, String amount, JsonObject answer) {
        assertThat(answer.get("provider_refund_id").getAsString()).startsWith("re_");
    }

    @Override
    boolean paysOut() {
        return true;
    }
}
