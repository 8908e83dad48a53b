package coffer.server.topup;

import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import com.google.gson.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;

import static org.assertj.core.api.Assertions.assertThat;

/** Top-ups the way a user makes them in tests: open one, pay it on the hosted page like a browser or through the test helper. */
final class Topups {
    static final String GOOD_CARD = "4242 4242 4242 4242";
    static final String DECLINED_CARD = "4000 0000 0000 0002";
    static final String POOR_CARD = "4000 0000 0000 9995";
    static final String CONFIRM_CARD = "4000 0025 0000 3155";

    private Topups() {
    }

    /** Opens a top-up of {@code amount} USD into the user's wallet; {@code extra} adds fields (",\"save_card\":true"). */
    static JsonObject open(TestUsers.User user, String amount, String extra) {
        HttpResponse<String> r = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId() + "\",\"amount\":\""
                + amount + "\",\"currency\":\"USD\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject topup = Caller.json(r);
        assertThat(topup.get("status").getAsString()).isEqualTo("pending");
        return topup;
    }

    static String sessionId(JsonObject topup) {
        String url = topup.get("checkout_url").getAsString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Submits the checkout page's form as a browser would (no redirect followed). */
    static HttpResponse<String> submit(JsonObject topup, String fields) {
        return Http.send(HttpRequest.newBuilder(URI.create(topup.get("checkout_url").getAsString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
    }

    /** The form's fields for a card, with a future expiry, a CVC and a name. */
    static String card(String number) {
        return "card_number=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&expiry=12%2F"
                + (Year.now().getValue() + 3) % 100 + "&cvc=123&name=Ada+Eze";
    }

    /** Pays through the provider's test helper. */
    static JsonObject helperPay(TestServer server, JsonObject topup, String body) {
        HttpResponse<String> r = Http.post(server.url("/provider/test-helpers/checkout/" + sessionId(topup) + "/pay"), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Caller.json(r);
    }

    static JsonObject get(TestUsers.User user, JsonObject topup) {
        return Caller.json(user.caller().get("/api/v1/topups/" + topup.get("topup_id").getAsString()));
    }

    /** The top-up once it has left pending (or after the deadline). */
    static JsonObject settled(TestUsers.User user, JsonObject topup) {
        return Poll.until(() -> get(user, topup), t -> !t.get("status").getAsString().equals("pending"));
    }

    static String balance(TestUsers.User user) {
        return Caller.json(user.caller().get("/api/v1/accounts/" + user.walletId())).getAsJsonObject("account")
                .get("balance").getAsString();
    }
}
