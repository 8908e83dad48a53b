package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.gateway.PaymentProvider;
import coffer.server.gateway.PaymentProvider.Payout;
import coffer.server.gateway.PaymentProvider.PayoutLink;
import coffer.server.gateway.PaymentProvider.PayoutLinkRequest;
import coffer.server.gateway.PaymentProvider.PayoutRequest;
import coffer.server.gateway.PaymentProvider.PayoutStatus;
import coffer.server.gateway.ProviderEvent;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents;
import coffer.server.testing.ProviderEvents.Recorder;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled payment-provider simulator through Coffer's {@link PaymentProvider} client (over HTTP,
 * as a real provider), its hosted payout page, and the signed webhooks it sends to Coffer's
 * {@code /webhooks/provider}, as a feature's {@code ProviderEventHandler} receives them.
 */
class ProviderSimulatorTest extends DemoServerTest {
    private static final Money AMOUNT = Money.parse("12.50", "USD");

    private static PaymentProvider provider() {
        return server.server().paymentProvider();
    }

    private static String reference(String kind) {
        return kind + "_" + System.nanoTime();
    }

    @Test
    void payoutsSucceedFailOrStayPendingThenSucceedAndEachOutcomeArrivesAsAWebhook() throws Exception {
        Recorder handler = new Recorder("payout.succeeded", "payout.failed");
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            String ok = reference("ok");
            String refused = reference("refused");
            String later = reference("later");
            Payout succeeded = provider().createPayout(new PayoutRequest(ok, AMOUNT, "044", "0123456789", "Ada Eze")).orThrow();
            Payout failed = provider().createPayout(new PayoutRequest(refused, AMOUNT, "044", "0123451111", null)).orThrow();
            Payout pending = provider().createPayout(new PayoutRequest(later, AMOUNT, "058", "0123452222", null)).orThrow();

            assertThat(succeeded.status()).isEqualTo(PayoutStatus.SUCCEEDED);
            assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
            assertThat(failed.failureReason()).isEqualTo("payout_rejected");
            assertThat(pending.status()).isEqualTo(PayoutStatus.PENDING);

            assertThat(only(handler, ok).type()).isEqualTo("payout.succeeded");
            ProviderEvent refusal = only(handler, refused);
            assertThat(refusal.type()).isEqualTo("payout.failed");
            assertThat(refusal.string("reason")).isEqualTo("payout_rejected");
            ProviderEvent finished = only(handler, later);
            assertThat(finished.type()).isEqualTo("payout.succeeded");
            assertThat(finished.string("payout_id")).isEqualTo(pending.id());
            assertThat(finished.string("amount")).isEqualTo("12.50");
            assertThat(finished.string("account_number_last4")).isEqualTo("2222");
            assertThat(finished.data().toString()).doesNotContain("0123452222");

            // asking again for the same reference answers the same payout and pays nothing twice
            Payout again = provider().createPayout(new PayoutRequest(ok, AMOUNT, "044", "0123456789", "Ada Eze")).orThrow();
            assertThat(again.id()).isEqualTo(succeeded.id());
            Thread.sleep(300);
            assertThat(handler.about(ok)).hasSize(1);
        }
    }

    @Test
    void accountNamesResolveTheSameWayEveryTimeAndUnknownAccountsDoNot() {
        String name = provider().resolveAccountName("044", "0123456789").orThrow().orElseThrow();
        assertThat(name).isNotBlank();
        assertThat(provider().resolveAccountName("044", "0123456789").orThrow()).contains(name);
        assertThat(provider().resolveAccountName("044", "0123450000").orThrow()).isEmpty();
        assertThat(provider().resolveAccountName("44", "0123456789").isOk()).isFalse();
    }

    @Test
    void aPayoutLinkPaysOutToTheAccountEnteredOnItsPage() {
        Recorder handler = new Recorder("payout.succeeded", "payout.failed");
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            String ref = reference("link");
            PayoutLink link = provider().createPayoutLink(new PayoutLinkRequest(ref, AMOUNT, null, Duration.ofHours(1))).orThrow();
            HttpResponse<String> page = Http.get(link.url().toString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("name=\"holder_name\"", "name=\"bank_code\"", "name=\"account_number\"", "12.50 USD")
                    .doesNotContain("<script", "http://", "https://");

            HttpResponse<String> unknown = form(link.url(), "holder_name=Ada+Eze&bank_code=044&account_number=0123450000");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("No account with this number");

            HttpResponse<String> paid = form(link.url(), "holder_name=Ada+%3Cb%3EEze&bank_code=044&account_number=0123456789");
            assertThat(paid.statusCode()).isEqualTo(200);
            assertThat(paid.body()).contains("on its way").doesNotContain("<b>Eze");
            ProviderEvent event = only(handler, ref);
            assertThat(event.type()).isEqualTo("payout.succeeded");
            assertThat(event.string("holder_name")).isEqualTo("Ada <b>Eze");

            assertThat(form(link.url(), "holder_name=Ada&bank_code=044&account_number=0123456789").body())
                    .contains("already been used");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPayoutLinkWithAReturnUrlSendsTheUserBackWithTheOutcome() {
        String ref = reference("back");
        PayoutLink link = provider().createPayoutLink(new PayoutLinkRequest(ref, AMOUNT,
                URI.create("https://shop.example/withdrawn?w=1"), Duration.ofHours(1))).orThrow();
        HttpResponse<String> sent = form(link.url(), "holder_name=Ada&bank_code=044&account_number=0123452222");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow())
                .startsWith("https://shop.example/withdrawn?w=1&payout_id=po_").endsWith("&status=pending");
    }

    @Test
    void anUnusedPayoutLinkExpiresAsAFailedPayout() throws Exception {
        Recorder handler = new Recorder("payout.failed");
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            String ref = reference("expiring");
            PayoutLink link = provider().createPayoutLink(new PayoutLinkRequest(ref, AMOUNT, null, Duration.ofSeconds(1))).orThrow();
            ProviderEvent event = only(handler, ref);
            assertThat(event.string("reason")).isEqualTo("expired");
            assertThat(Http.get(link.url().toString()).body()).contains("expired");
        }
    }

    @Test
    void forgedStaleAndRepeatedWebhooksChangeNothing() throws Exception {
        Recorder handler = new Recorder("test.ping");
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            String secret = server.providerWebhookSecret();
            JsonObject data = new JsonObject();
            data.addProperty("reference", "ping");
            String body = ProviderEvents.event("evt_test_" + System.nanoTime(), "test.ping", data);

            for (HttpResponse<String> refused : List.of(
                    ProviderEvents.send(server, body, null, Instant.now()),
                    ProviderEvents.send(server, body, "whsec_forged", Instant.now()),
                    ProviderEvents.send(server, body, secret, Instant.now().minusSeconds(301)),
                    // a minute ahead: the server reads its clock a moment later, which would bring 301 s back within 300
                    ProviderEvents.send(server, body, secret, Instant.now().plusSeconds(360)))) {
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(Caller.errorCode(refused)).isEqualTo("INVALID_SIGNATURE");
            }
            assertThat(handler.seen()).isEmpty();

            HttpResponse<String> first = ProviderEvents.send(server, body, secret, Instant.now());
            HttpResponse<String> again = ProviderEvents.send(server, body, secret, Instant.now());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(Caller.json(first).get("duplicate").getAsBoolean()).isFalse();
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(Caller.json(again).get("duplicate").getAsBoolean()).isTrue();
            assertThat(handler.applied()).hasSize(1);

            HttpResponse<String> tampered = ProviderEvents.send(server, "{\"id\":\"x\"}", secret, Instant.now());
            assertThat(Caller.errorCode(tampered)).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void aWebhookIsSentAgainUntilCofferAcknowledgesItAndAppliedOnce() throws Exception {
        String ref = reference("retried");
        AtomicBoolean refusedOnce = new AtomicBoolean();
        Recorder handler = new Recorder("payout.succeeded")
                .refusing(e -> ref.equals(e.string("reference")) && refusedOnce.compareAndSet(false, true));
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            provider().createPayout(new PayoutRequest(ref, AMOUNT, "044", "0123456789", null)).orThrow();
            ProviderEvent applied = only(handler, ref);
            List<ProviderEvent> deliveries = handler.seen().stream().filter(e -> ref.equals(e.string("reference"))).toList();
            assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e.id()).isEqualTo(applied.id()));
            Thread.sleep(300);
            assertThat(handler.about(ref)).hasSize(1);
        }
    }

    @Test
    void aCheckoutPaidThroughTheTestHelperIsReportedAsPaidWithItsSavedCard() throws Exception {
        Recorder handler = new Recorder("checkout.paid");
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            String ref = reference("checkout");
            PaymentProvider.CheckoutSession session = provider().createCheckout(new PaymentProvider.CheckoutRequest(ref, AMOUNT,
                    "alice@example.com", URI.create("http://localhost/done"), true, null)).orThrow();
            assertThat(session.status()).isEqualTo(PaymentProvider.CheckoutStatus.OPEN);
            HttpResponse<String> paid = Http.post(server.url("/provider/test-helpers/checkout/" + session.id() + "/pay"),
                    "{\"card_number\":\"4242 4242 4242 4242\",\"save_card\":true}");
            assertThat(Caller.json(paid).get("outcome").getAsString()).isEqualTo("paid");
            ProviderEvent event = only(handler, ref);
            assertThat(event.string("session_id")).isEqualTo(session.id());
            assertThat(event.data().getAsJsonObject("card").get("last4").getAsString()).isEqualTo("4242");
            PaymentProvider.CheckoutSession now = provider().checkout(session.id()).orThrow();
            assertThat(now.status()).isEqualTo(PaymentProvider.CheckoutStatus.PAID);
            assertThat(now.card().authorizationCode()).isEqualTo(event.data().getAsJsonObject("card")
                    .get("authorization_code").getAsString());
            assertThat(now.chargeId()).isEqualTo(event.string("charge_id"));
        }
    }

    @Test
    void theProviderApiNeedsItsKey() {
        String body = "{\"reference\":\"x\",\"amount\":\"1.00\",\"currency\":\"USD\",\"bank_code\":\"044\",\"account_number\":\"0123456789\"}";
        HttpResponse<String> anonymous = Http.post(server.url("/provider/v1/payouts"), body);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongKey = Http.postJson(HttpRequest.newBuilder(URI.create(server.url("/provider/v1/payouts")))
                .header("Authorization", "Bearer sk_test_wrong"), body);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedWebhookIsReadStrictlyAndOnlyAStrictEventIsApplied() throws Exception {
        Recorder handler = new Recorder("test.strict");
        try (AutoCloseable registered = server.server().providerEvents().add(handler)) {
            String secret = server.providerWebhookSecret();
            String id = "evt_strict_" + System.nanoTime();
            String created = "\"created\":\"" + Instant.now() + "\",\"data\":{\"reference\":\"r\"}";
            for (String body : List.of(
                    "{\"id\":\"" + id + "\",\"type\":\"test.other\",\"type\":\"test.strict\"," + created + "}",
                    "{'id':'" + id + "','type':'test.strict'," + created + "}",
                    "{\"id\":\"" + id + "\",/* c */\"type\":\"test.strict\"," + created + "}")) {
                HttpResponse<String> refused = ProviderEvents.send(server, body, secret, Instant.now());
                assertThat(refused.statusCode()).as(body).isEqualTo(400);
                assertThat(Caller.errorCode(refused)).isEqualTo("INVALID_REQUEST");
            }
            // a field of the data that is not plain would make the handler fail, and a 500 have the event sent forever
            HttpResponse<String> nested = ProviderEvents.send(server, "{\"id\":\"" + id + "\",\"type\":\"payout.succeeded\","
                    + "\"created\":\"" + Instant.now() + "\",\"data\":{\"reference\":{\"id\":\"x\"}}}", secret, Instant.now());
            assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
            assertThat(Caller.errorCode(nested)).isEqualTo("INVALID_REQUEST");
            assertThat(handler.seen()).isEmpty();
            HttpResponse<String> strict = ProviderEvents.send(server,
                    "{\"id\":\"" + id + "\",\"type\":\"test.strict\"," + created + "}", secret, Instant.now());
            assertThat(strict.statusCode()).as(strict.body()).isEqualTo(200);
            assertThat(handler.applied()).hasSize(1);
        }
    }

    @Test
    void theProviderApiTakesAWholeNumberOfSecondsOnlyAsAJsonNumber() {
        String link = "{\"reference\":\"" + reference("link") + "\",\"amount\":\"1.00\",\"currency\":\"USD\",\"expires_in_seconds\":";
        for (String seconds : List.of("\"60\"", "\"\u0666\u0660\"", "60.5", "1e20", "true", "[60]")) {
            HttpResponse<String> r = Http.postJson(HttpRequest.newBuilder(URI.create(server.url("/provider/v1/payout-links")))
                    .header("Authorization", "Bearer " + server.providerApiKey()), link + seconds + "}");
            assertThat(r.statusCode()).as(seconds + ": " + r.body()).isEqualTo(400);
            assertThat(Caller.errorCode(r)).isEqualTo("INVALID_REQUEST");
        }
        HttpResponse<String> ok = Http.postJson(HttpRequest.newBuilder(URI.create(server.url("/provider/v1/payout-links")))
                .header("Authorization", "Bearer " + server.providerApiKey()), link + "60}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    /** The one event the handler applied about {@code reference}, waiting for it. */
    static ProviderEvent only(Recorder handler, String reference) {
        List<ProviderEvent> events = Poll.until(() -> handler.about(reference), list -> !list.isEmpty());
        assertThat(events).as("events about %s", reference).hasSize(1);
        return events.get(0);
    }

    static HttpResponse<String> form(URI url, String fields) {
        return Http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
    }
}
