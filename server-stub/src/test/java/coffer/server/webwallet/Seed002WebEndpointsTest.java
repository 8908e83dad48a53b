package coffer.server.webwallet;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser endpoints of seed 002's JavaScript, for a signed-in user: deposit → the provider's
 * authorization URL → paid → verify says success and the balance rose once; transfer; and refusals.
 */
class Seed002WebEndpointsTest extends DemoServerTest {

    @Test
    void aDepositIsPaidAtTheProviderThenVerifiedByItsReference() {
        Caller alice = server.login("alice@example.com");
        BigDecimal before = balance(alice);
        HttpResponse<String> deposit = alice.post("/wallet/api/wallets/default/deposit/",
                "{\"amount\": 50, \"email\": \"alice@example.com\", \"callback_url\": \"http://localhost:8000/payment/callback/\"}");
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);
        String url = Caller.json(deposit).get("authorization_url").getAsString();
        String reference = Caller.json(deposit).get("reference").getAsString();
        assertThat(url).startsWith(server.url("/provider/checkout/"));
        assertThat(verify(alice, reference).get("status").getAsString()).isEqualTo("pending");

        HttpResponse<String> paid = Http.post(server.url("/provider/test-helpers/checkout/" + url.substring(url.lastIndexOf('/') + 1)
                + "/pay"), "{\"card_number\": \"4242 4242 4242 4242\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

        JsonObject verified = Poll.until(() -> verify(alice, reference), v -> !v.get("status").getAsString().equals("pending"));
        assertThat(verified.get("status").getAsString()).isEqualTo("success");
        assertThat(verified.get("amount").getAsString()).isEqualTo("50.00");
        assertThat(verified.get("transaction_id").isJsonNull()).isFalse();
        assertThat(balance(alice)).isEqualByComparingTo(before.add(new BigDecimal("50")));
        assertThat(verify(alice, reference).get("status").getAsString()).as("verifying again changes nothing").isEqualTo("success");
        assertThat(balance(alice)).isEqualByComparingTo(before.add(new BigDecimal("50")));

        Caller bob = server.login("bob@example.com");
        HttpResponse<String> foreign = bob.post("/wallet/api/transactions/verify/", "{\"reference\": \"" + reference + "\"}");
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void aTransferFromTheDefaultWalletToAnotherUsersWallet() {
        Caller alice = server.login("alice@example.com");
        Caller bob = server.login("bob@example.com");
        BigDecimal aliceBefore = balance(alice);
        BigDecimal bobBefore = balance(bob);
        HttpResponse<String> sent = alice.post("/wallet/api/wallets/default/transfer/", "{\"destination_wallet_id\": \""
                + bob.firstWalletId() + "\", \"amount\": \"12.50\", \"description\": \"Concert ticket\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(Caller.json(sent).get("status").getAsString()).isEqualTo("completed");
        assertThat(Caller.json(sent).get("amount").getAsString()).isEqualTo("12.50");
        assertThat(balance(alice)).isEqualByComparingTo(aliceBefore.subtract(new BigDecimal("12.50")));
        assertThat(balance(bob)).isEqualByComparingTo(bobBefore.add(new BigDecimal("12.50")));
    }

    @Test
    void noDescriptionAndTheDescriptionNullAreTwoTransfersUnderOneKey() {
        Caller alice = server.login("alice@example.com");
        Caller bob = server.login("bob@example.com");
        BigDecimal aliceBefore = balance(alice);
        String without = "{\"destination_wallet_id\": \"" + bob.firstWalletId() + "\", \"amount\": \"2.00\"}";
        HttpResponse<String> first = alice.post("/wallet/api/wallets/default/transfer/", without, "web-null");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        HttpResponse<String> other = alice.post("/wallet/api/wallets/default/transfer/",
                without.replace("}", ", \"description\": \"null\"}"), "web-null");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(Caller.errorCode(other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(alice)).isEqualByComparingTo(aliceBefore.subtract(new BigDecimal("2.00")));
    }

    @Test
    void refusalsCarryTheSharedCodesAndMoveNothing() throws Exception {
        Caller alice = server.login("alice@example.com");
        String bobWallet = server.login("bob@example.com").firstWalletId();
        long movements = server.verify().movements();
        assertThat(Http.post(server.url("/wallet/api/wallets/default/transfer/"), "{}").statusCode()).as("no token").isEqualTo(401);
        assertThat(Caller.errorCode(alice.post("/wallet/api/wallets/default/transfer/", "{\"destination_wallet_id\": \""
                + bobWallet + "\", \"amount\": 1500}"))).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(Caller.errorCode(alice.post("/wallet/api/wallets/default/transfer/", "{\"destination_wallet_id\": \""
                + bobWallet + "\", \"amount\": 1.005}"))).isEqualTo("INVALID_AMOUNT");
        assertThat(Caller.errorCode(alice.post("/wallet/api/wallets/default/transfer/", "{\"destination_wallet_id\": \"wal_nope\", "
                + "\"amount\": 1}"))).isEqualTo("WALLET_NOT_FOUND");
        assertThat(Caller.errorCode(alice.post("/wallet/api/wallets/default/deposit/", "{\"amount\": -5}"))).isEqualTo("INVALID_AMOUNT");
        assertThat(Caller.errorCode(alice.post("/wallet/api/wallets/default/deposit/", "{\"amount\": 5, \"x\": 1}")))
                .isEqualTo("INVALID_REQUEST");
        assertThat(Caller.errorCode(alice.post("/wallet/api/transactions/verify/", "{\"reference\": \"top_nope\"}")))
                .isEqualTo("NOT_FOUND");
        assertThat(server.verify().movements()).isEqualTo(movements);
    }

    @Test
    void extremeAmountsAndLenientJsonAreRefusedWithACodeAndMoveNothing() throws Exception {
        Caller alice = server.login("alice@example.com");
        String bobWallet = server.login("bob@example.com").firstWalletId();
        BigDecimal before = balance(alice);
        long movements = server.verify().movements();
        String to = "\"destination_wallet_id\": \"" + bobWallet + "\", ";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"amount\": 1e100000}", "INVALID_REQUEST");
        refused.put("{\"amount\": 1E+2147483647}", "INVALID_REQUEST");
        refused.put("{\"amount\": \"1E+2147483647\"}", "INVALID_AMOUNT");
        refused.put("{\"amount\": \"\u0661\u0660\u0660\"}", "INVALID_AMOUNT");
        refused.put("{\"amount\": 1, \"amount\": 900}", "INVALID_REQUEST");
        refused.put("{'amount': 1}", "INVALID_REQUEST");
        refused.forEach((body, code) -> {
            for (String route : List.of("deposit", "transfer")) {
                String json = route.equals("transfer") ? "{" + to + body.substring(1) : body;
                HttpResponse<String> r = alice.post("/wallet/api/wallets/default/" + route + "/", json);
                assertThat(r.statusCode()).as(route + " " + json + ": " + r.body()).isEqualTo(400);
                assertThat(Caller.errorCode(r)).as(route + " " + json).isEqualTo(code);
            }
        });
        assertThat(balance(alice)).isEqualByComparingTo(before);
        assertThat(server.verify().movements()).isEqualTo(movements);
    }

    private static JsonObject verify(Caller caller, String reference) {
        HttpResponse<String> r = caller.post("/wallet/api/transactions/verify/", "{\"reference\": \"" + reference + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Caller.json(r);
    }

    private static BigDecimal balance(Caller caller) {
        return Caller.json(caller.get("/api/v1/accounts/" + caller.firstWalletId())).getAsJsonObject("account")
                .get("balance").getAsBigDecimal();
    }
}
