package coffer.server.card;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents.Recorder;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved cards: saved at a checkout when the user asks, charged again without a page, removed. */
class CardRoutesTest extends DemoServerTest {

    /** A user with a USD wallet and one card saved at a paid checkout of 10.00. */
    private static User withSavedCard(String name) {
        User user = TestUsers.funded(server, name, "0.00");
        HttpResponse<String> opened = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId()
                + "\",\"amount\":\"10.00\",\"currency\":\"USD\",\"save_card\":true}");
        String url = Caller.json(opened).get("checkout_url").getAsString();
        HttpResponse<String> paid = Http.send(HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card_number=4242+4242+4242+4242&expiry=12%2F"
                        + (java.time.Year.now().getValue() + 3) % 100 + "&cvc=123&name=Ada+Eze&save_card=on")));
        assertThat(paid.statusCode()).isEqualTo(303);
        Poll.until(() -> cards(user), list -> !list.isEmpty());
        return user;
    }

    private static JsonArray cards(User user) {
        return Caller.json(user.caller().get("/api/v1/cards")).getAsJsonArray("cards");
    }

    private static String balance(User user) {
        return Caller.json(user.caller().get("/api/v1/accounts/" + user.walletId())).getAsJsonObject("account")
                .get("balance").getAsString();
    }

    private static String charge(User user, String amount) {
        return "{\"wallet_id\":\"" + user.walletId() + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
    }

    @Test
    void aCardSavedAtCheckoutIsChargedAgainWithoutAPageAndCreditedOnce() throws Exception {
        User ada = withSavedCard("saved");
        JsonArray cards = cards(ada);
        assertThat(cards).hasSize(1);
        JsonObject card = cards.get(0).getAsJsonObject();
        assertThat(card.get("brand").getAsString()).isEqualTo("visa");
        assertThat(card.get("last4").getAsString()).isEqualTo("4242");
        assertThat(cards.toString()).doesNotContain("4242424242424242").doesNotContain("auth_");
        Poll.until(() -> balance(ada), "10.00"::equals);

        Recorder charges = new Recorder("charge.succeeded");
        try (AutoCloseable registered = server.server().providerEvents().add(charges)) {
            String path = "/api/v1/cards/" + card.get("card_id").getAsString() + "/charges";
            HttpResponse<String> first = ada.caller().post(path, charge(ada, "7.50"), "charge-1");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            JsonObject topup = Caller.json(first);
            assertThat(topup.get("status").getAsString()).isEqualTo("completed");
            assertThat(topup.get("card_id").getAsString()).isEqualTo(card.get("card_id").getAsString());
            assertThat(balance(ada)).isEqualTo("17.50");

            HttpResponse<String> replay = ada.caller().post(path, charge(ada, "7.50"), "charge-1");
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(Caller.json(replay).get("topup_id")).isEqualTo(topup.get("topup_id"));

            // the provider's webhook about the same charge arrives too, and changes nothing
            String id = topup.get("topup_id").getAsString();
            Poll.until(() -> charges.about(id), list -> !list.isEmpty());
            assertThat(balance(ada)).isEqualTo("17.50");
        }
    }

    @Test
    void aCardIsSavedOnlyWhenTheUserAsks() {
        User ada = TestUsers.funded(server, "nosave", "0.00");
        HttpResponse<String> opened = ada.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + ada.walletId()
                + "\",\"amount\":\"3.00\",\"currency\":\"USD\"}");
        String session = Caller.json(opened).get("checkout_url").getAsString().replaceAll(".*/", "");
        Http.post(server.url("/provider/test-helpers/checkout/" + session + "/pay"), "{\"card_number\":\"4242424242424242\",\"save_card\":true}");
        Poll.until(() -> balance(ada), "3.00"::equals);
        assertThat(cards(ada)).isEmpty();
    }

    @Test
    void aRemovedCardCannotBeChargedAndIsGone() {
        User ada = withSavedCard("removed");
        String id = cards(ada).get(0).getAsJsonObject().get("card_id").getAsString();
        HttpResponse<String> removed = Http.send(ada.caller().request("/api/v1/cards/" + id).DELETE());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(cards(ada)).isEmpty();
        HttpResponse<String> charged = ada.caller().post("/api/v1/cards/" + id + "/charges", charge(ada, "5.00"));
        assertThat(charged.statusCode()).isEqualTo(404);
        assertThat(Caller.errorCode(charged)).isEqualTo("NOT_FOUND");
        assertThat(Http.send(ada.caller().request("/api/v1/cards/" + id).DELETE()).statusCode()).isEqualTo(404);
        Poll.until(() -> balance(ada), "10.00"::equals);
        assertThat(balance(ada)).isEqualTo("10.00");
    }

    @Test
    void anotherUsersCardIsNotFound() {
        User ada = withSavedCard("cardowner");
        User eve = TestUsers.funded(server, "cardthief", "0.00");
        String id = cards(ada).get(0).getAsJsonObject().get("card_id").getAsString();
        HttpResponse<String> charged = eve.caller().post("/api/v1/cards/" + id + "/charges", charge(eve, "5.00"));
        assertThat(charged.statusCode()).isEqualTo(404);
        assertThat(Http.send(eve.caller().request("/api/v1/cards/" + id).DELETE()).statusCode()).isEqualTo(404);
        assertThat(cards(eve)).isEmpty();
        assertThat(cards(ada)).hasSize(1);
        // nor can a user charge their own card into someone else's wallet
        HttpResponse<String> intoOther = ada.caller().post("/api/v1/cards/" + id + "/charges", charge(eve, "5.00"));
        assertThat(Caller.errorCode(intoOther)).isEqualTo("WALLET_NOT_FOUND");
        assertThat(balance(eve)).isEqualTo("0.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no wallet         | {"amount":"5.00","currency":"USD"}                                  | INVALID_REQUEST
            zero              | {"wallet_id":"WALLET","amount":"0.00","currency":"USD"}             | INVALID_AMOUNT
            too precise       | {"wallet_id":"WALLET","amount":"1.005","currency":"USD"}            | INVALID_AMOUNT
            other currency    | {"wallet_id":"WALLET","amount":"5.00","currency":"EUR"}             | CURRENCY_MISMATCH
            unknown currency  | {"wallet_id":"WALLET","amount":"5.00","currency":"ZZZ"}             | UNKNOWN_CURRENCY
            over KYC maximum  | {"wallet_id":"WALLET","amount":"50000.00","currency":"USD"}         | KYC_REQUIRED
            unknown field     | {"wallet_id":"WALLET","amount":"5.00","currency":"USD","cvc":"1"}   | INVALID_REQUEST
            not JSON          | {"wallet_id":                                                       | INVALID_REQUEST
            """)
    void badChargesAreRefusedWithACodeAndMoveNothing(String what, String body, String code) throws Exception {
        User ada = withSavedCard("badcharge");
        Poll.until(() -> balance(ada), "10.00"::equals);
        String id = cards(ada).get(0).getAsJsonObject().get("card_id").getAsString();
        long movements = server.verify().movements();
        HttpResponse<String> r = ada.caller().post("/api/v1/cards/" + id + "/charges", body.replace("WALLET", ada.walletId()));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(Caller.errorCode(r)).isEqualTo(code);
        assertThat(server.verify().movements()).isEqualTo(movements);
        assertThat(balance(ada)).isEqualTo("10.00");
    }
}
