package coffer.server.gateway;

import coffer.server.ProviderMode;
import coffer.server.testing.FakeStripe;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/stripe} on a server run with the Stripe provider against a stand-in of Stripe's API:
 * signed deliveries as Stripe makes them (duplicated, out of order, forged, stale, about sessions Coffer
 * never opened, of types Coffer does not read), and what each does to the user's top-up and balance.
 */
class StripeWebhookTest {
    @TempDir
    static Path dir;
    static FakeStripe stripe;
    static TestServer server;
    private static final AtomicInteger EVENTS = new AtomicInteger();

    @BeforeAll
    static void start() {
        stripe = new FakeStripe();
        server = TestServer.start(dir, TestServer.settings().withStripe(
                new StripeSettings(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.apiBase())), ProviderMode.STRIPE);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            assertThat(server.verify().ok()).as("ledger invariants: %s", server.verify().violations()).isTrue();
            server.close();
        } finally {
            stripe.close();
        }
    }

    private static String eventId() {
        return "evt_test_" + EVENTS.incrementAndGet();
    }

    /** Opens a top-up of {@code amount} USD through the API; answers its id. */
    private static String topup(User user, String amount, boolean saveCard) {
        HttpResponse<String> r = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId()
                + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"" + (saveCard ? ",\"save_card\":true" : "") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject topup = Caller.json(r);
        assertThat(topup.get("checkout_url").getAsString()).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
        return topup.get("topup_id").getAsString();
    }

    private static JsonObject topupNow(User user, String id) {
        return Caller.json(user.caller().get("/api/v1/topups/" + id));
    }

    private static String status(User user, String id) {
        return topupNow(user, id).get("status").getAsString();
    }

    private static String balance(User user) {
        return Caller.json(user.caller().get("/api/v1/accounts/" + user.walletId())).getAsJsonObject("account")
                .get("balance").getAsString();
    }

    /** Asserts the top-up's status and the user's balance. */
    private static void assertTopup(User user, String id, String status, String balance) {
        assertThat(status(user, id)).as("top-up status").isEqualTo(status);
        assertThat(balance(user)).as("balance").isEqualTo(balance);
    }

    /** A top-up and its Checkout Session at Stripe. */
    private record Opened(String id, String session) {
    }

    private static Opened open(User user, String amount, boolean saveCard) {
        String id = topup(user, amount, saveCard);
        return new Opened(id, stripe.sessionFor(id).get("id").getAsString());
    }

    /** Delivers a new event of {@code type} about {@code session}, signed now; expects 200. */
    private static HttpResponse<String> send(String type, JsonObject session) {
        return deliverOk(FakeStripe.event(eventId(), type, session));
    }

    private static HttpResponse<String> deliverOk(String payload) {
        HttpResponse<String> r = FakeStripe.deliver(server, payload);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void aPaidCompletedSessionCreditsTheTopupOnceHoweverOftenItIsDelivered() {
        User ada = TestUsers.funded(server, "ada", "0.00");
        Opened opened = open(ada, "25.00", false);
        String id = opened.id();
        String session = opened.session();
        String completed = FakeStripe.event(eventId(), "checkout.session.completed", stripe.pay(session, "paid"));

        HttpResponse<String> first = deliverOk(completed);
        HttpResponse<String> again = deliverOk(completed);

        assertThat(Caller.json(first).get("duplicate").getAsBoolean()).isFalse();
        assertThat(Caller.json(again).get("duplicate").getAsBoolean()).isTrue();
        assertTopup(ada, id, "completed", "25.00");
    }

    @Test
    void anExpiredEventAfterTheCompletedOneChangesNothing() {
        User ben = TestUsers.funded(server, "ben", "0.00");
        Opened opened = open(ben, "10.00", false);
        String id = opened.id();
        String session = opened.session();
        send("checkout.session.completed", stripe.pay(session, "paid"));

        JsonObject late = stripe.session(session);
        late.addProperty("status", "expired");
        send("checkout.session.expired", late);

        assertTopup(ben, id, "completed", "10.00");
    }

    @Test
    void anAsyncPaymentIsCreditedWhenItSucceedsAndOnceWhateverFollows() {
        User cai = TestUsers.funded(server, "cai", "0.00");
        Opened opened = open(cai, "40.00", false);
        String id = opened.id();
        String session = opened.session();

        send("checkout.session.completed", stripe.pay(session, "unpaid"));
        assertThat(status(cai, id)).as("completed but not paid yet: the money is on its way").isEqualTo("pending");
        assertThat(balance(cai)).isEqualTo("0.00");

        JsonObject paid = stripe.session(session);
        paid.addProperty("payment_status", "paid");
        send("checkout.session.async_payment_succeeded", paid);
        send("checkout.session.completed", paid);

        assertTopup(cai, id, "completed", "40.00");
    }

    @Test
    void aFailedAsyncPaymentOrAnExpiredSessionFailsTheTopupAndCreditsNothing() {
        User dee = TestUsers.funded(server, "dee", "0.00");
        String failing = topup(dee, "5.00", false);
        String failingSession = stripe.sessionFor(failing).get("id").getAsString();
        send("checkout.session.completed", stripe.pay(failingSession, "unpaid"));
        send("checkout.session.async_payment_failed", stripe.session(failingSession));
        String expiring = topup(dee, "6.00", false);
        deliverOk(FakeStripe.event(eventId(), "checkout.session.expired",
                stripe.expire(stripe.sessionFor(expiring).get("id").getAsString())));

        assertThat(status(dee, failing)).isEqualTo("failed");
        assertThat(status(dee, expiring)).isEqualTo("failed");
        assertThat(topupNow(dee, expiring).get("failure_reason").getAsString()).isEqualTo("expired");
        assertThat(balance(dee)).isEqualTo("0.00");
    }

    @Test
    void aForgedOrStaleDeliveryIsRefusedAndAppliesNothing() {
        User eve = TestUsers.funded(server, "eve", "0.00");
        Opened opened = open(eve, "30.00", false);
        String id = opened.id();
        String session = opened.session();
        String completed = FakeStripe.event(eventId(), "checkout.session.completed", stripe.pay(session, "paid"));

        HttpResponse<String> wrongSecret = FakeStripe.deliver(server, completed,
                FakeStripe.signature(completed, "whsec_somebody_else", Instant.now()));
        HttpResponse<String> tampered = FakeStripe.deliver(server, completed.replace("3000", "9000"),
                FakeStripe.signature(completed, FakeStripe.WEBHOOK_SECRET, Instant.now()));
        HttpResponse<String> unsigned = FakeStripe.deliver(server, completed, null);
        HttpResponse<String> stale = FakeStripe.deliver(server, completed,
                FakeStripe.signature(completed, FakeStripe.WEBHOOK_SECRET, Instant.now().minusSeconds(301)));

        for (HttpResponse<String> refused : new HttpResponse[] {wrongSecret, tampered, unsigned, stale}) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(Caller.errorCode(refused)).isEqualTo("INVALID_SIGNATURE");
        }
        assertTopup(eve, id, "pending", "0.00");

        deliverOk(completed);
        assertThat(balance(eve)).as("the refused deliveries did not use up the event").isEqualTo("30.00");
    }

    @Test
    void anEventAboutASessionCofferNeverOpenedOrOfATypeItDoesNotReadIsAcknowledgedAndMovesNothing() {
        User fay = TestUsers.funded(server, "fay", "0.00");
        String id = topup(fay, "12.00", false);
        JsonObject stranger = stripe.pay(stripe.sessionFor(id).get("id").getAsString(), "paid");
        stranger.addProperty("id", "cs_test_elsewhere");
        stranger.addProperty("client_reference_id", "top_never_opened");
        stranger.getAsJsonObject("metadata").addProperty("coffer_reference", "top_never_opened");
        JsonObject customer = new JsonObject();
        customer.addProperty("id", "cus_test_other");
        customer.addProperty("object", "customer");

        HttpResponse<String> unknownSession = send("checkout.session.completed", stranger);
        HttpResponse<String> unknownType = send("customer.created", customer);

        assertThat(Caller.json(unknownSession).get("received").getAsBoolean()).isTrue();
        assertThat(Caller.json(unknownType).get("received").getAsBoolean()).isTrue();
        assertTopup(fay, id, "pending", "0.00");
    }

    @Test
    void aCardTheUserAskedToSaveIsSavedFromThePaymentIntentAndChargedAgainOffSession() {
        User gus = TestUsers.funded(server, "gus", "0.00");
        String id = topup(gus, "15.00", true);
        JsonObject paid = stripe.pay(stripe.sessionFor(id).get("id").getAsString(), "paid");
        send("checkout.session.completed", paid);

        JsonArray cards = Caller.json(gus.caller().get("/api/v1/cards")).getAsJsonArray("cards");
        assertThat(cards).hasSize(1);
        JsonObject card = cards.get(0).getAsJsonObject();
        assertThat(card.get("last4").getAsString()).isEqualTo("4242");
        assertThat(card.get("brand").getAsString()).isEqualTo("visa");

        HttpResponse<String> charged = gus.caller().post("/api/v1/cards/" + card.get("card_id").getAsString() + "/charges",
                "{\"wallet_id\":\"" + gus.walletId() + "\",\"amount\":\"9.99\",\"currency\":\"USD\"}");

        assertThat(charged.statusCode()).as(charged.body()).isEqualTo(201);
        assertThat(Caller.json(charged).get("status").getAsString()).isEqualTo("completed");
        FakeStripe.Call call = stripe.calls("POST", "/v1/payment_intents").stream()
                .filter(c -> Caller.json(charged).get("topup_id").getAsString().equals(c.params().get("metadata[coffer_reference]")))
                .findFirst().orElseThrow();
        assertThat(call.params()).containsEntry("amount", "999").containsEntry("currency", "usd")
                .containsEntry("customer", paid.get("customer").getAsString())
                .containsEntry("off_session", "true").containsEntry("confirm", "true");
        assertThat(balance(gus)).isEqualTo("24.99");
    }

    /**
     * An off-session charge Stripe is still processing is not a failure (the user paying again could be charged twice):
     * the top-up stays pending until Stripe's payment_intent event, which credits once or fails it.
     */
    @Test
    void aSavedCardChargeStripeIsStillProcessingWaitsForItsEventThenCreditsOnceOrFails() {
        User ivy = TestUsers.funded(server, "ivy", "0.00");
        String first = topup(ivy, "5.00", true);
        send("checkout.session.completed", stripe.pay(stripe.sessionFor(first).get("id").getAsString(), "paid"));
        String cardId = Caller.json(ivy.caller().get("/api/v1/cards")).getAsJsonArray("cards").get(0).getAsJsonObject()
                .get("card_id").getAsString();
        stripe.processCharges(true);
        String later;
        String refused;
        try {
            later = chargeCard(ivy, cardId, "7.00");
            refused = chargeCard(ivy, cardId, "3.00");
        } finally {
            stripe.processCharges(false);
        }
        assertTopup(ivy, later, "pending", "5.00");
        JsonObject succeeded = stripe.finishCharge(later, "succeeded");
        String event = FakeStripe.event(eventId(), "payment_intent.succeeded", succeeded);
        deliverOk(event);
        deliverOk(event);
        send("payment_intent.succeeded", succeeded);
        assertTopup(ivy, later, "completed", "12.00");
        assertTopup(ivy, refused, "pending", "12.00");
        send("payment_intent.payment_failed", stripe.finishCharge(refused, "requires_payment_method"));
        assertTopup(ivy, refused, "failed", "12.00");
        assertThat(topupNow(ivy, refused).get("failure_reason").getAsString()).isEqualTo("card_declined");
    }

    private static String chargeCard(User user, String cardId, String amount) {
        HttpResponse<String> charged = user.caller().post("/api/v1/cards/" + cardId + "/charges",
                "{\"wallet_id\":\"" + user.walletId() + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}");
        assertThat(charged.statusCode()).as(charged.body()).isEqualTo(201);
        return Caller.json(charged).get("topup_id").getAsString();
    }

    @Test
    void anEventThatCannotBeAppliedYetIsAnsweredWithA5xxAndAppliedWhenSentAgain() {
        User hal = TestUsers.funded(server, "hal", "0.00");
        String id = topup(hal, "8.00", true);
        String completed = FakeStripe.event(eventId(), "checkout.session.completed",
                stripe.pay(stripe.sessionFor(id).get("id").getAsString(), "paid"));
        stripe.failWhen(c -> c.method().equals("GET") && c.path().startsWith("/v1/payment_intents/"));
        try {
            HttpResponse<String> refused = FakeStripe.deliver(server, completed);
            assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(500);
            assertThat(status(hal, id)).isEqualTo("pending");
        } finally {
            stripe.failWhen(c -> false);
        }

        HttpResponse<String> retried = deliverOk(completed);

        assertThat(Caller.json(retried).get("duplicate").getAsBoolean()).isFalse();
        assertTopup(hal, id, "completed", "8.00");
    }
}
