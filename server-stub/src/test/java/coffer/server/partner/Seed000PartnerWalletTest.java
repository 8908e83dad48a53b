package coffer.server.partner;

import coffer.server.tenant.User;
import coffer.core.signature.PartnerRequestSigner;
import coffer.server.json.Json;
import coffer.server.tenant.DemoData;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's partner wallet API as the seed shows it (its top-up and withdrawal through the provider
 * are tested with the money-in and money-out features): create → get → payment → balance → orders →
 * status, with the seed's own request shapes, signatures, bad input, and one wallet across surfaces.
 */
class Seed000PartnerWalletTest extends DemoServerTest {

    @Test
    void theSeedsWholeFlowForANewUserCreateGetTopUpPayOrdersWithdrawLock() throws Exception {
        String user = "seed-flow-user";
        String walletId = Caller.json(signed("POST", "/wallet/", "{\"env_id\": 123, \"user_id\": \"" + user + "\"}")).get("id").getAsString();
        assertThat(onlyWallet("123", user).get("balance").getAsBigDecimal()).isEqualByComparingTo("0");

        String checkout = Caller.json(signed("POST", "/wallet/topup/", "{\"env_id\": 123, \"user_id\": \"" + user
                + "\", \"wallet_id\": \"" + walletId + "\", \"amount\": 100}")).get("url").getAsString();
        assertThat(Http.post(server.url("/provider/test-helpers/checkout/" + checkout.substring(checkout.lastIndexOf('/') + 1) + "/pay"),
                "{\"card_number\": \"4242 4242 4242 4242\"}").statusCode()).isEqualTo(200);
        Poll.until(() -> onlyWallet("123", user).get("balance").getAsBigDecimal(), b -> b.signum() > 0);
        assertThat(onlyWallet("123", user).get("balance").getAsBigDecimal()).isEqualByComparingTo("100");

        assertThat(signed("POST", "/wallet/payment/", "{\"env_id\": 123, \"user_id\": \"" + user + "\", \"wallet_id\": \""
                + walletId + "\", \"amount\": 60, \"product_id\": \"asd123\"}").statusCode()).isEqualTo(200);
        assertThat(onlyWallet("123", user).get("balance").getAsBigDecimal()).isEqualByComparingTo("40");
        assertThat(Caller.json(signed("GET", "/wallet/123/orders/" + user, "")).getAsJsonArray("orders")).hasSize(1);

        String payoutPage = Caller.json(signed("POST", "/wallet/withdraw/", "{\"env_id\": 123, \"user_id\": \"" + user
                + "\", \"wallet_id\": \"" + walletId + "\", \"amount\": 40}")).get("url").getAsString();
        Http.send(HttpRequest.newBuilder(URI.create(payoutPage)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Seed+User&bank_code=044&account_number=0123456789")));
        Poll.until(() -> onlyWallet("123", user).get("balance").getAsBigDecimal(), b -> b.signum() == 0);

        HttpResponse<String> locked = signed("PATCH", "/wallet/" + walletId + "/status/",
                "{\"env_id\": 123, \"user_id\": \"" + user + "\", \"status\": \"locked\"}");
        assertThat(Caller.json(locked).get("status").getAsString()).isEqualTo("locked");
        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void theSeedsPaymentFlowForDemoUser123() throws Exception {
        // the seed sends json=json.dumps({...}): a JSON string holding the object, with numeric ids
        HttpResponse<String> created = signed("POST", "/wallet/", "\"{\\\"env_id\\\": 123, \\\"user_id\\\": 123}\"");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        JsonObject wallet = onlyWallet("123", "123");
        assertThat(wallet.get("user_id").getAsString()).isEqualTo("123");
        assertThat(wallet.get("env_id").getAsString()).isEqualTo("123");
        assertThat(wallet.get("currency").getAsString()).isEqualTo("USD");
        assertThat(wallet.get("status").getAsString()).isEqualTo("active");
        assertThat(wallet.get("balance").getAsJsonPrimitive().isNumber()).as("a JSON number, as in the seed").isTrue();
        BigDecimal before = wallet.get("balance").getAsBigDecimal();
        assertThat(Caller.json(created).get("id")).isEqualTo(wallet.get("id"));

        String walletId = wallet.get("id").getAsString();
        HttpResponse<String> paid = signed("POST", "/wallet/payment/", "{\"env_id\": 123, \"user_id\": \"123\", \"wallet_id\": \""
                + walletId + "\", \"amount\": 100, \"product_id\": \"asd123\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(Caller.json(paid).get("status").getAsString()).isEqualTo("paid");

        assertThat(onlyWallet("123", "123").get("balance").getAsBigDecimal()).isEqualByComparingTo(before.subtract(new BigDecimal("100")));

        HttpResponse<String> orders = signed("GET", "/wallet/" + wallet.get("env_id").getAsString() + "/orders/"
                + wallet.get("user_id").getAsString(), "");
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        JsonArray list = Caller.json(orders).getAsJsonArray("orders");
        assertThat(list).hasSize(1);
        JsonObject order = list.get(0).getAsJsonObject();
        assertThat(order.get("product_id").getAsString()).isEqualTo("asd123");
        assertThat(order.get("amount").getAsBigDecimal()).isEqualByComparingTo("100");
        assertThat(order.get("status").getAsString()).isEqualTo("paid");
        assertThat(order.get("order_id")).isEqualTo(Caller.json(paid).get("order_id"));

        HttpResponse<String> locked = signed("PATCH", "/wallet/" + walletId + "/status/",
                "{\"env_id\": \"123\", \"user_id\": \"123\", \"status\": \"locked\"}");
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
        assertThat(Caller.json(locked).get("status").getAsString()).isEqualTo("locked");
        HttpResponse<String> refused = signed("POST", "/wallet/payment/", "{\"env_id\": 123, \"user_id\": 123, \"wallet_id\": \""
                + walletId + "\", \"amount\": 1, \"product_id\": \"p2\"}");
        assertThat(Caller.errorCode(refused)).isEqualTo("WALLET_LOCKED");
        // the seed's own PATCH example sends an amount and no status: it changes nothing
        HttpResponse<String> seedPatch = signed("PATCH", "/wallet/" + walletId + "/status/",
                "{\"env_id\": \"123\", \"user_id\": \"123\", \"amount\": 12.12}");
        assertThat(seedPatch.statusCode()).isEqualTo(200);
        assertThat(Caller.json(seedPatch).get("status").getAsString()).isEqualTo("locked");
        assertThat(signed("PATCH", "/wallet/" + walletId + "/status/",
                "{\"env_id\": \"123\", \"user_id\": \"123\", \"status\": \"active\"}").statusCode()).isEqualTo(200);
        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void theSeedsTopUpOpensTheProvidersPageAndTheBalanceRisesOnlyOnceTheProviderConfirms() throws Exception {
        JsonObject wallet = onlyWallet("123", "123");
        BigDecimal before = wallet.get("balance").getAsBigDecimal();
        HttpResponse<String> topup = signed("POST", "/wallet/topup/", "{\"env_id\": 123, \"user_id\": \"123\", \"wallet_id\": \""
                + wallet.get("id").getAsString() + "\", \"amount\": 100}");
        assertThat(topup.statusCode()).as(topup.body()).isEqualTo(200);
        String url = Caller.json(topup).get("url").getAsString();
        assertThat(url).startsWith(server.url("/provider/checkout/"));
        assertThat(Caller.json(topup).get("status").getAsString()).isEqualTo("pending");
        assertThat(onlyWallet("123", "123").get("balance").getAsBigDecimal()).as("nothing yet").isEqualByComparingTo(before);

        // the user fills in the provider's hosted page, as a browser would
        assertThat(Http.get(url).body()).contains("card_number");
        HttpResponse<String> paid = Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card_number=4242+4242+4242+4242&expiry=12%2F"
                        + (java.time.Year.now().getValue() + 3) % 100 + "&cvc=123&name=Demo+User")));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);

        BigDecimal after = Poll.until(() -> onlyWallet("123", "123").get("balance").getAsBigDecimal(),
                b -> b.compareTo(before) != 0);
        assertThat(after).isEqualByComparingTo(before.add(new BigDecimal("100")));
        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void theSeedsWithdrawalSetsTheMoneyAsideAndPaysItOutOnceTheUserFillsInTheProvidersPage() throws Exception {
        JsonObject wallet = onlyWallet("123", "123");
        BigDecimal before = wallet.get("balance").getAsBigDecimal();
        HttpResponse<String> withdrawal = signed("POST", "/wallet/withdraw/", "{\"env_id\": 123, \"user_id\": 123, \"wallet_id\": \""
                + wallet.get("id").getAsString() + "\", \"amount\": 123.12}");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
        String url = Caller.json(withdrawal).get("url").getAsString();
        assertThat(url).startsWith(server.url("/provider/payout/"));
        JsonObject held = onlyWallet("123", "123");
        assertThat(held.get("balance").getAsBigDecimal()).isEqualByComparingTo(before);
        assertThat(held.get("available_balance").getAsBigDecimal()).as("set aside at once")
                .isEqualByComparingTo(before.subtract(new BigDecimal("123.12")));

        // the user enters the bank account on the provider's page, as a browser would
        assertThat(Http.get(url).body()).contains("account_number");
        HttpResponse<String> submitted = Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Demo+User&bank_code=044&account_number=0123456789")));
        assertThat(submitted.statusCode()).as(submitted.body()).isLessThan(400);

        BigDecimal after = Poll.until(() -> onlyWallet("123", "123").get("balance").getAsBigDecimal(), b -> b.compareTo(before) != 0);
        assertThat(after).isEqualByComparingTo(before.subtract(new BigDecimal("123.12")));
        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void aWalletCreatedHereIsUsableOnEverySurface() throws Exception {
        HttpResponse<String> created = signed("POST", "/wallet/", "{\"env_id\": \"123\", \"user_id\": \"shop-user-7\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String walletId = Caller.json(created).get("id").getAsString();
        assertThat(signed("POST", "/wallet/", "{\"env_id\": \"123\", \"user_id\": \"shop-user-7\"}").body())
                .as("creating again answers the same wallet").contains(walletId);

        // seed 004's pay-in into it, then alice (user API) pays it by wallet id
        byte[] payIn = ("{\"walletIdTo\":\"" + walletId + "\",\"amount\":2000,\"currency\":\"USD\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> in = Http.send(HttpRequest.newBuilder(URI.create(server.url("/v1/payIns")))
                .header("X-Env-Id", "123")
                .header(PartnerRequestSigner.HEADER, new PartnerRequestSigner(DemoData.ENV_SECRET).sign("POST", "/v1/payIns", payIn, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payIn)));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
        Caller alice = server.login("alice@example.com");
        HttpResponse<String> p2p = alice.post("/api/v1/payments", "{\"amount\":\"5.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + alice.firstWalletId() + "\",\"destination\":\"" + walletId + "\"}");
        assertThat(p2p.statusCode()).as(p2p.body()).isEqualTo(201);
        String paymentId = Caller.json(p2p).get("payment_id").getAsString();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Caller.json(alice.get("/api/v1/payments/" + paymentId)).get("status").getAsString().equals("completed")) {
            assertThat(Instant.now()).as("the payment completes").isBefore(deadline);
            Thread.sleep(10);
        }

        assertThat(onlyWallet("123", "shop-user-7").get("balance").getAsBigDecimal()).isEqualByComparingTo("25.00");
        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void anotherUsersWalletIsNotFoundAndAnUnknownUserHasNoWallets() throws Exception {
        String demoWallet = onlyWallet("123", "123").get("id").getAsString();
        signed("POST", "/wallet/", "{\"env_id\": \"123\", \"user_id\": \"intruder\"}");
        String before = String.valueOf(server.verify().movements());
        HttpResponse<String> pay = signed("POST", "/wallet/payment/", "{\"env_id\": 123, \"user_id\": \"intruder\", \"wallet_id\": \""
                + demoWallet + "\", \"amount\": 1, \"product_id\": \"x\"}");
        assertThat(pay.statusCode()).isEqualTo(404);
        assertThat(Caller.errorCode(pay)).isEqualTo("WALLET_NOT_FOUND");
        HttpResponse<String> patch = signed("PATCH", "/wallet/" + demoWallet + "/status/",
                "{\"env_id\": \"123\", \"user_id\": \"intruder\", \"status\": \"locked\"}");
        assertThat(patch.statusCode()).isEqualTo(404);
        assertThat(Caller.json(signed("GET", "/wallet/?env_id=123&user_id=nobody-here", "")).getAsJsonArray("wallets")).isEmpty();
        assertThat(Caller.json(signed("GET", "/wallet/123/orders/nobody-here", "")).getAsJsonArray("orders")).isEmpty();
        assertThat(String.valueOf(server.verify().movements())).isEqualTo(before);
        assertThat(onlyWallet("123", "123").get("status").getAsString()).isEqualTo("active");
    }

    @Test
    void missingForgedStaleOrRawSecretSignaturesAre401() {
        String body = "{\"env_id\": \"123\", \"user_id\": \"123\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> headers = java.util.Arrays.asList(null,
                DemoData.ENV_SECRET,
                new PartnerRequestSigner("secret_SomeoneElsesSecret").sign("POST", "/wallet/", bytes, Instant.now()),
                new PartnerRequestSigner(DemoData.ENV_SECRET).sign("POST", "/wallet/", bytes, Instant.now().minusSeconds(400)),
                new PartnerRequestSigner(DemoData.ENV_SECRET).sign("POST", "/wallet/", "{}".getBytes(StandardCharsets.UTF_8), Instant.now()));
        for (String header : headers) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url("/wallet/"))).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (header != null) {
                r.header(PartnerRequestSigner.HEADER, header);
            }
            HttpResponse<String> answer = Http.send(r);
            assertThat(answer.statusCode()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(Caller.errorCode(answer)).isEqualTo("INVALID_SIGNATURE");
        }
        HttpResponse<String> get = Http.get(server.url("/wallet/?env_id=123&user_id=123"));
        assertThat(get.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON        | {"env_id": 123,                                                           | INVALID_REQUEST
            unknown field         | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 1, "product_id": "p", "x": 1} | INVALID_REQUEST
            missing amount        | {"env_id": 123, "user_id": 123, "wallet_id": "W", "product_id": "p"}      | INVALID_REQUEST
            missing product       | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 1}            | INVALID_REQUEST
            zero                  | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 0, "product_id": "p"}   | INVALID_AMOUNT
            negative              | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": -1, "product_id": "p"}  | INVALID_AMOUNT
            too many decimals     | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 1.001, "product_id": "p"} | INVALID_AMOUNT
            past the long range   | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 92233720368547758.08, "product_id": "p"} | INVALID_AMOUNT
            amount not a number   | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": true, "product_id": "p"} | INVALID_AMOUNT
            fractional user id    | {"env_id": 123, "user_id": 1.5, "wallet_id": "W", "amount": 1, "product_id": "p"}  | INVALID_REQUEST
            unknown wallet        | {"env_id": 123, "user_id": 123, "wallet_id": "wal_nope", "amount": 1, "product_id": "p"} | WALLET_NOT_FOUND
            env id 1e100000       | {"env_id": 1e100000, "user_id": 123, "wallet_id": "W", "amount": 1, "product_id": "p"} | INVALID_REQUEST
            user id 1E+2147483647 | {"env_id": 123, "user_id": 1E+2147483647, "wallet_id": "W", "amount": 1, "product_id": "p"} | INVALID_REQUEST
            user id 1e-2147483648 | {"env_id": 123, "user_id": 1e-2147483648, "wallet_id": "W", "amount": 1, "product_id": "p"} | INVALID_REQUEST
            user id of 300 digits | {"env_id": 123, "user_id": 1e299, "wallet_id": "W", "amount": 1, "product_id": "p"} | INVALID_REQUEST
            amount 1e100000       | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 1e100000, "product_id": "p"} | INVALID_REQUEST
            amount 1e-400         | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 1e-400, "product_id": "p"} | INVALID_AMOUNT
            Arabic-Indic digits   | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": "١٠٠", "product_id": "p"} | INVALID_AMOUNT
            amount given twice    | {"env_id": 123, "user_id": 123, "wallet_id": "W", "amount": 1, "amount": 900, "product_id": "p"} | INVALID_REQUEST
            a comment             | {"env_id": 123, "user_id": 123, "wallet_id": "W", /* x */ "amount": 1, "product_id": "p"} | INVALID_REQUEST
            """)
    void badPaymentsAreRefusedWithTheirCodeAndMoveNothing(String name, String body, String code) throws Exception {
        String walletId = onlyWallet("123", "123").get("id").getAsString();
        String before = String.valueOf(server.verify().movements());
        HttpResponse<String> r = signed("POST", "/wallet/payment/", body.replace("\"W\"", "\"" + walletId + "\""));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(Caller.errorCode(r)).isEqualTo(code);
        assertThat(String.valueOf(server.verify().movements())).isEqualTo(before);
    }

    @Test
    void aDoubleEncodedBodyIsReadAsStrictlyAsAnyOther() throws Exception {
        String walletId = onlyWallet("123", "123").get("id").getAsString();
        long before = server.verify().movements();
        String object = "{\"env_id\": 123, \"user_id\": 123, \"wallet_id\": \"" + walletId + "\", \"product_id\": \"p\", ";
        for (String inner : List.of(object + "\"amount\": 1, \"amount\": 900}", object + "'amount': 1}",
                object + "\"amount\": 1} // more", object.replace("\"env_id\": 123", "\"env_id\": 1e100000") + "\"amount\": 1}")) {
            HttpResponse<String> r = signed("POST", "/wallet/payment/", Json.gson().toJson(inner));
            assertThat(r.statusCode()).as(inner + ": " + r.body()).isEqualTo(400);
            assertThat(Caller.errorCode(r)).isEqualTo("INVALID_REQUEST");
        }
        HttpResponse<String> paid = signed("POST", "/wallet/payment/", Json.gson().toJson(object + "\"amount\": 1}"));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(server.verify().movements()).isEqualTo(before + 1);
    }

    @Test
    void aPartnersIdIsAtMostTwoHundredCharactersWithoutControlCharacters() {
        for (String userId : List.of("u".repeat(201), "user\u0000one", "line\nbreak")) {
            HttpResponse<String> r = signed("POST", "/wallet/", "{\"env_id\": \"123\", \"user_id\": " + Json.gson().toJson(userId) + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(Caller.errorCode(r)).isEqualTo("INVALID_REQUEST");
        }
        HttpResponse<String> longest = signed("POST", "/wallet/", "{\"env_id\": \"123\", \"user_id\": \"" + "u".repeat(200) + "\"}");
        assertThat(longest.statusCode()).as(longest.body()).isEqualTo(200);
    }

    @Test
    void anOrdersCursorIsClientDataAndAnAlteredOneIsRefusedWithACode() {
        String walletId = onlyWallet("123", "123").get("id").getAsString();
        String query = "{\"query\":{\"wallet_ids\":[\"" + walletId + "\"],\"kinds\":[],\"statuses\":[],\"limit\":1,\"from\":";
        String after = "},\"created_at\":" + System.currentTimeMillis() + ",\"id\":\"txn_x\"}";
        for (String altered : List.of(
                // an instant this far out overflows epoch milliseconds
                query + "\"+999999999-12-31T23:59:59Z\"" + after,
                query + "null,\"limit\":500" + after,
                query + "null},\"created_at\":1e100000,\"id\":\"txn_x\"}")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = signed("GET", "/wallet/123/orders/123?cursor=" + cursor, "");
            assertThat(r.statusCode()).as(altered + ": " + r.body()).isEqualTo(400);
            assertThat(Caller.errorCode(r)).isEqualTo("INVALID_REQUEST");
        }
    }

    private static JsonObject onlyWallet(String env, String user) {
        HttpResponse<String> got = signed("GET", "/wallet/?env_id=" + env + "&user_id=" + user, "");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        JsonArray wallets = Caller.json(got).getAsJsonArray("wallets");
        assertThat(wallets).hasSize(1);
        return wallets.get(0).getAsJsonObject();
    }

    static HttpResponse<String> signed(String method, String pathWithQuery, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url(pathWithQuery)))
                .header("Content-Type", "application/json")
                .header(PartnerRequestSigner.HEADER, PartnerSigning.fresh(DemoData.ENV_SECRET, method, pathWithQuery, bytes))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return Http.send(r);
    }
}
