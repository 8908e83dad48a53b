package coffer.server.gateway;

import coffer.server.ProviderMode;
import coffer.server.testing.FakeStripe;
import coffer.server.testing.TestServer;
import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProviderContract} with the Stripe adapter against a stand-in of Stripe's API: paid by a signed
 * {@code checkout.session.completed} delivery, repeated by delivering it again; no bank payouts.
 */
class StripeContractTest extends ProviderContract {
    private final FakeStripe stripe = new FakeStripe();
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();

    @Override
    TestServer start(Path dir) {
        return TestServer.start(dir, TestServer.settings().withStripe(
                new StripeSettings(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.apiBase())), ProviderMode.STRIPE);
    }

    @Override
    void pay(String topupId) {
        JsonObject paid = stripe.pay(stripe.sessionFor(topupId).get("id").getAsString(), "paid");
        String event = FakeStripe.event("evt_paid_" + topupId, "checkout.session.completed", paid);
        deliveries.put(topupId, event);
        HttpResponse<String> r = FakeStripe.deliver(server, event);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Override
    void payAgain(String topupId) {
        HttpResponse<String> r = FakeStripe.deliver(server, deliveries.get(topupId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Override
    void assertRefundReachedProvider(String topupId, String amount, JsonObject answer) {
        String intent = stripe.sessionFor(topupId).get("payment_intent").getAsString();
        List<FakeStripe.Call> refunds = stripe.calls("POST", "/v1/refunds");
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).params()).containsEntry("payment_intent", intent)
                .containsEntry("amount", new BigDecimal(amount).movePointRight(2).toPlainString());
        assertThat(answer.get("provider_refund_id").getAsString()).startsWith("re_test_");
    }

    @Override
    boolean paysOut() {
        return false;
    }

    @Override
    void afterEach() throws Exception {
        assertThat(stripe.calls()).as("no payout was asked of Stripe")
                .noneMatch(c -> c.path().startsWith("/v1/payouts") || c.path().startsWith("/v1/transfers"));
        stripe.close();
    }
}
