package coffer.server.payment;

import coffer.core.ledger.AccountKind;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Currency;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input of every kind on every payment and transfer route: each is a 4xx with its code, never a
 * 500, and leaves the ledger exactly as it was.
 */
class PaymentBadInputTest extends DemoServerTest {
    static Caller alice;
    static String own;
    static String own2;
    static String eur;
    static String foreign;

    @BeforeAll
    static void callers() {
        alice = server.login("alice@example.com");
        own = alice.firstWalletId();
        eur = Caller.json(alice.post("/api/v1/accounts", "{\"currency\":\"EUR\"}")).getAsJsonObject("account").get("id").getAsString();
        own2 = Payers.secondWallet(server, "alice@example.com");
        foreign = server.login("bob@example.com").firstWalletId();
    }

    @AfterEach
    void nothingMoved() throws Exception {
        assertThat(Payers.balance(alice)).isEqualTo("1000.00");
        assertThat(Caller.json(alice.get("/api/v1/payments")).getAsJsonArray("payments")).isEmpty();
        assertThat(server.verify().movements()).as("only the demo opening balances").isEqualTo(3);
    }

    static Stream<Arguments> payments() {
        String ok = "\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"";
        return Stream.of(
                arguments("malformed JSON", "{\"amount\": ", 400, "INVALID_REQUEST"),
                arguments("empty body", "", 400, "INVALID_REQUEST"),
                arguments("JSON null", "null", 400, "INVALID_REQUEST"),
                arguments("an array", "[{\"amount\":1}]", 400, "INVALID_REQUEST"),
                arguments("unknown field", "{\"amount\":1," + ok + ",\"tip\":1}", 400, "INVALID_REQUEST"),
                arguments("amount missing", "{" + ok + "}", 400, "INVALID_REQUEST"),
                arguments("amount null", "{\"amount\":null," + ok + "}", 400, "INVALID_REQUEST"),
                arguments("amount an object", "{\"amount\":{\"value\":1}," + ok + "}", 400, "INVALID_REQUEST"),
                arguments("amount an array", "{\"amount\":[1]," + ok + "}", 400, "INVALID_REQUEST"),
                arguments("amount a boolean", "{\"amount\":true," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("amount text", "{\"amount\":\"ten\"," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("amount zero", "{\"amount\":0," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("amount zero text", "{\"amount\":\"0.00\"," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("amount negative", "{\"amount\":-5," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("too many decimals", "{\"amount\":1.001," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("too many decimals as text", "{\"amount\":\"0.001\"," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("past the long range", "{\"amount\":92233720368547758.08," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("far past the long range", "{\"amount\":1e400," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("an exponent past the int range", "{\"amount\":\"1E+2147483647\"," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("an exponent no request needs", "{\"amount\":1e100000," + ok + "}", 400, "INVALID_REQUEST"),
                arguments("Arabic-Indic digits", "{\"amount\":\"\u0661\u0660\"," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("full-width digits", "{\"amount\":\"\uFF11\uFF10\"," + ok + "}", 400, "INVALID_AMOUNT"),
                arguments("amount given twice", "{\"amount\":\"1.00\",\"amount\":\"900.00\"," + ok + "}", 400, "INVALID_REQUEST"),
                arguments("single quotes", "{'amount':'1.00'," + ok + "}", 400, "INVALID_REQUEST"),
                arguments("a comment", "{\"amount\":\"1.00\", /* tip */ " + ok + "}", 400, "INVALID_REQUEST"),
                arguments("currency unknown", "{\"amount\":1,\"currency\":\"XYZ\",\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"}", 400, "UNKNOWN_CURRENCY"),
                arguments("currency lower case", "{\"amount\":1,\"currency\":\"usd\",\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"}", 400, "UNKNOWN_CURRENCY"),
                arguments("currency a number", "{\"amount\":1,\"currency\":840,\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"}", 400, "UNKNOWN_CURRENCY"),
                arguments("currency missing", "{\"amount\":1,\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"}", 400, "INVALID_REQUEST"),
                arguments("source missing", "{\"amount\":1,\"currency\":\"USD\",\"destination\":\"bob@example.com\"}", 400, "INVALID_REQUEST"),
                arguments("source an object", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":{},\"destination\":\"bob@example.com\"}", 400, "INVALID_REQUEST"),
                arguments("destination missing", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\"}", 400, "INVALID_REQUEST"),
                arguments("destination blank", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\" \"}", 400, "INVALID_REQUEST"),
                arguments("metadata not an object", "{\"amount\":1," + ok + ",\"metadata\":\"x\"}", 400, "INVALID_REQUEST"),
                arguments("metadata too large", "{\"amount\":1," + ok + ",\"metadata\":{\"k\":\"" + "m".repeat(5_000) + "\"}}", 400, "INVALID_REQUEST"),
                arguments("description too long", "{\"amount\":1," + ok + ",\"description\":\"" + "d".repeat(501) + "\"}", 400, "INVALID_REQUEST"),
                arguments("source unknown", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"wal_nope\",\"destination\":\"bob@example.com\"}", 404, "WALLET_NOT_FOUND"),
                arguments("source someone else's", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{foreign}\",\"destination\":\"bob@example.com\"}", 404, "WALLET_NOT_FOUND"),
                arguments("source someone else's, to a wallet id", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{foreign}\",\"destination\":\"{own}\"}", 404, "WALLET_NOT_FOUND"),
                arguments("destination an unknown wallet", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"wal_nope\"}", 404, "WALLET_NOT_FOUND"),
                arguments("destination an unknown email", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"charlie@example.com\"}", 404, "WALLET_NOT_FOUND"),
                arguments("destination a system account", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"{merchant}\"}", 404, "WALLET_NOT_FOUND"),
                arguments("destination the source itself", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"{own}\"}", 400, "INVALID_REQUEST"),
                arguments("destination the payer's own email", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"alice@example.com\"}", 400, "INVALID_REQUEST"),
                arguments("currency not the wallet's, to an email", "{\"amount\":1,\"currency\":\"EUR\",\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"}", 422, "CURRENCY_MISMATCH"),
                arguments("currency not the wallet's, to a wallet id", "{\"amount\":1,\"currency\":\"EUR\",\"source_wallet_id\":\"{own}\",\"destination\":\"{foreign}\"}", 422, "CURRENCY_MISMATCH"),
                arguments("to an email with no wallet in the currency", "{\"amount\":1,\"currency\":\"EUR\",\"source_wallet_id\":\"{eur}\",\"destination\":\"bob@example.com\"}", 404, "WALLET_NOT_FOUND"),
                arguments("more than the balance", "{\"amount\":1000.01," + ok + "}", 422, "INSUFFICIENT_BALANCE"),
                arguments("more than tier 1 allows at once", "{\"amount\":2000.01," + ok + "}", 403, "KYC_REQUIRED"));
    }

    @ParameterizedTest(name = "POST /api/v1/payments: {0}")
    @MethodSource("payments")
    void paymentRefusals(String name, String body, int status, String code) {
        assertRefused(alice.post("/api/v1/payments", fill(body)), status, code);
    }

    @ParameterizedTest(name = "POST /api/v1/payments/batch: {0}")
    @MethodSource("batches")
    void batchRefusals(String name, String body, int status, String code) {
        assertRefused(alice.post("/api/v1/payments/batch", fill(body)), status, code);
    }

    static Stream<Arguments> batches() {
        String item = "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"{own}\",\"destination\":\"bob@example.com\"}";
        return Stream.of(
                arguments("malformed JSON", "{\"payments\": [", 400, "INVALID_REQUEST"),
                arguments("no payments field", "{}", 400, "INVALID_REQUEST"),
                arguments("payments null", "{\"payments\":null}", 400, "INVALID_REQUEST"),
                arguments("payments an object", "{\"payments\":{}}", 400, "INVALID_REQUEST"),
                arguments("payments empty", "{\"payments\":[]}", 400, "INVALID_REQUEST"),
                arguments("more than 100 payments", "{\"payments\":[" + String.join(",", java.util.Collections.nCopies(101, item)) + "]}", 400, "INVALID_REQUEST"),
                arguments("unknown field", "{\"payments\":[" + item + "],\"mode\":\"all\"}", 400, "INVALID_REQUEST"));
    }

    static Stream<Arguments> transfers() {
        String to = "\"from_wallet_id\":\"{own}\",\"to_wallet_id\":\"{own2}\"";
        return Stream.of(
                arguments("malformed JSON", "{\"amount\"", 400, "INVALID_REQUEST"),
                arguments("unknown field", "{\"amount\":1,\"currency\":\"USD\"," + to + ",\"fee\":1}", 400, "INVALID_REQUEST"),
                arguments("amount missing", "{\"currency\":\"USD\"," + to + "}", 400, "INVALID_REQUEST"),
                arguments("amount an object", "{\"amount\":{},\"currency\":\"USD\"," + to + "}", 400, "INVALID_REQUEST"),
                arguments("amount zero", "{\"amount\":0,\"currency\":\"USD\"," + to + "}", 400, "INVALID_AMOUNT"),
                arguments("amount negative", "{\"amount\":\"-1.00\",\"currency\":\"USD\"," + to + "}", 400, "INVALID_AMOUNT"),
                arguments("too many decimals", "{\"amount\":0.125,\"currency\":\"USD\"," + to + "}", 400, "INVALID_AMOUNT"),
                arguments("past the long range", "{\"amount\":\"99999999999999999999\",\"currency\":\"USD\"," + to + "}", 400, "INVALID_AMOUNT"),
                arguments("currency unknown", "{\"amount\":1,\"currency\":\"ABC\"," + to + "}", 400, "UNKNOWN_CURRENCY"),
                arguments("from missing", "{\"amount\":1,\"currency\":\"USD\",\"to_wallet_id\":\"{own2}\"}", 400, "INVALID_REQUEST"),
                arguments("to missing", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{own}\"}", 400, "INVALID_REQUEST"),
                arguments("from someone else's", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{foreign}\",\"to_wallet_id\":\"{own}\"}", 404, "WALLET_NOT_FOUND"),
                arguments("to someone else's", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{own}\",\"to_wallet_id\":\"{foreign}\"}", 404, "WALLET_NOT_FOUND"),
                arguments("to unknown", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{own}\",\"to_wallet_id\":\"wal_nope\"}", 404, "WALLET_NOT_FOUND"),
                arguments("to a system account", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{own}\",\"to_wallet_id\":\"{merchant}\"}", 404, "WALLET_NOT_FOUND"),
                arguments("to itself", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{own}\",\"to_wallet_id\":\"{own}\"}", 400, "INVALID_REQUEST"),
                arguments("to a wallet of another currency", "{\"amount\":1,\"currency\":\"USD\",\"from_wallet_id\":\"{own}\",\"to_wallet_id\":\"{eur}\"}", 422, "CURRENCY_MISMATCH"),
                arguments("more than the balance", "{\"amount\":\"1000.01\",\"currency\":\"USD\"," + to + "}", 422, "INSUFFICIENT_BALANCE"));
    }

    @ParameterizedTest(name = "POST /api/v1/transfers: {0}")
    @MethodSource("transfers")
    void transferRefusals(String name, String body, int status, String code) {
        assertRefused(alice.post("/api/v1/transfers", fill(body)), status, code);
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                arguments("/api/v1/payments/pmt_nope", 404, "NOT_FOUND"),
                arguments("/api/v1/payments?limit=0", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?limit=101", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?limit=ten", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?limit=99999999999999999999", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?limit=%D9%A1%D9%A0", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?limit=%2B10", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?cursor=2aHZp9mg2aDZoNmg2aDZoNmg2aDZoNmg2aAucG10X3g", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?limit=10&limit=20", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?cursor=not-a-cursor", 400, "INVALID_REQUEST"),
                arguments("/api/v1/payments?cursor=%21%21", 400, "INVALID_REQUEST"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("reads")
    void readRefusals(String path, int status, String code) {
        assertRefused(alice.get(path), status, code);
    }

    @Test
    void anOversizedBodyIs413OnEveryPost() {
        String huge = "{\"description\":\"" + "x".repeat(300 * 1024) + "\"}";
        for (String path : new String[] {"/api/v1/payments", "/api/v1/payments/batch", "/api/v1/transfers"}) {
            assertRefused(alice.post(path, huge), 413, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        for (String path : new String[] {"/api/v1/payments", "/api/v1/payments/batch", "/api/v1/transfers"}) {
            HttpResponse<String> r = new Caller(server, "not-a-token").post(path, Payers.payment(own, "bob@example.com", "1"));
            assertRefused(r, 401, "UNAUTHORIZED");
        }
        assertRefused(new Caller(server, "not-a-token").get("/api/v1/payments"), 401, "UNAUTHORIZED");
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        String body = Payers.payment(own, "bob@example.com", "1");
        assertRefused(alice.post("/api/v1/payments", body, "k".repeat(256)), 400, "INVALID_REQUEST");
        assertRefused(alice.post("/api/v1/transfers", body, "has space"), 400, "INVALID_REQUEST");
    }

    @Test
    void aBatchOfOnlyBadItemsAnswersEachWithItsCodeAndMovesNothing() {
        HttpResponse<String> r = alice.post("/api/v1/payments/batch", fill("""
                {"payments": [
                  7,
                  {"amount": 1, "currency": "USD", "source_wallet_id": "{own}", "destination": "bob@example.com", "tip": 1},
                  {"amount": -1, "currency": "USD", "source_wallet_id": "{own}", "destination": "bob@example.com"},
                  {"amount": 1, "currency": "USD", "source_wallet_id": "{foreign}", "destination": "bob@example.com"},
                  {"amount": 1, "currency": "USD", "source_wallet_id": "{own}", "destination": "charlie@example.com"},
                  {"amount": 5000, "currency": "USD", "source_wallet_id": "{own}", "destination": "bob@example.com"}
                ]}"""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var results = Caller.json(r).getAsJsonArray("results");
        assertThat(results).hasSize(6);
        String[] codes = {"INVALID_REQUEST", "INVALID_REQUEST", "INVALID_AMOUNT", "WALLET_NOT_FOUND", "WALLET_NOT_FOUND", "KYC_REQUIRED"};
        for (int i = 0; i < codes.length; i++) {
            var result = results.get(i).getAsJsonObject();
            assertThat(result.get("index").getAsInt()).isEqualTo(i);
            assertThat(result.getAsJsonObject("error").get("code").getAsString()).as("item " + i).isEqualTo(codes[i]);
            assertThat(result.has("payment")).isFalse();
        }
        assertThat(Caller.json(r).get("failed").getAsInt()).isEqualTo(6);
    }

    private static String fill(String body) {
        return body.replace("{own2}", own2).replace("{own}", own).replace("{eur}", eur).replace("{foreign}", foreign)
                .replace("{merchant}", LedgerService.systemAccount(DemoData.ENV_ID, AccountKind.MERCHANT, Currency.getInstance("USD")));
    }

    private static void assertRefused(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Payers.code(r)).isEqualTo(code);
    }
}
