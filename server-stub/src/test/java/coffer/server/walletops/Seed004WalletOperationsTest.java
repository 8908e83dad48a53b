package coffer.server.walletops;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.signature.PartnerRequestSigner;
import coffer.server.tenant.DemoData;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's wallet operations API as the seed documents it: pay-in → GET → transfer → pay-out, its
 * three refusals in its problem shape, signatures, bad input, and one wallet used across surfaces.
 */
class Seed004WalletOperationsTest extends DemoServerTest {
    static Caller alice;
    static Caller bob;
    static String aliceWallet;
    static String bobWallet;

    @BeforeAll
    static void signIn() {
        alice = server.login("alice@example.com");
        bob = server.login("bob@example.com");
        aliceWallet = alice.firstWalletId();
        bobWallet = bob.firstWalletId();
    }

    @Test
    void theSeedsFlowPayInGetTransferPayOutMovesMoneyOnTheOneLedger() throws Exception {
        String aliceBefore = balance(alice, aliceWallet);
        HttpResponse<String> payIn = signed("POST", "/v1/payIns",
                "{\"walletIdTo\":\"" + aliceWallet + "\",\"amount\":5000,\"currency\":\"USD\",\"statement\":\"Recarga\"}");
        assertThat(payIn.statusCode()).as(payIn.body()).isEqualTo(201);
        JsonObject in = Caller.json(payIn);
        assertThat(in.get("walletIdTo").getAsString()).isEqualTo(aliceWallet);
        assertThat(in.get("amount").getAsLong()).isEqualTo(5000);
        assertThat(in.get("currency").getAsString()).isEqualTo("USD");
        assertThat(in.get("statement").getAsString()).isEqualTo("Recarga");
        assertThat(Instant.parse(in.get("creationDate").getAsString())).isBeforeOrEqualTo(Instant.now());
        // the wallet is the user API's wallet: the app sees the pay-in at once
        assertThat(balance(alice, aliceWallet)).isEqualTo(plus(aliceBefore, "50.00"));

        HttpResponse<String> got = signed("GET", "/v1/payIns/" + in.get("id").getAsString(), "");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        assertThat(Caller.json(got).getAsJsonArray("data")).hasSize(1);
        assertThat(Caller.json(got).getAsJsonArray("data").get(0)).isEqualTo(in);

        HttpResponse<String> transfer = signed("POST", "/v1/transfers", "{\"walletIdFrom\":\"" + aliceWallet
                + "\",\"walletIdTo\":\"" + bobWallet + "\",\"amount\":2500,\"currency\":\"USD\",\"statement\":\"Cena\"}");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);
        JsonObject t = Caller.json(transfer);
        assertThat(t.get("walletIdFrom").getAsString()).isEqualTo(aliceWallet);
        assertThat(t.get("walletIdTo").getAsString()).isEqualTo(bobWallet);
        assertThat(Caller.json(signed("GET", "/v1/transfers/" + t.get("id").getAsString(), "")).getAsJsonArray("data").get(0))
                .isEqualTo(t);

        String bobBefore = balance(bob, bobWallet);
        HttpResponse<String> payOut = signed("POST", "/v1/payOuts",
                "{\"walletIdFrom\":\"" + bobWallet + "\",\"amount\":1000,\"currency\":\"USD\",\"statement\":\"Retiro\"}");
        assertThat(payOut.statusCode()).as(payOut.body()).isEqualTo(201);
        JsonObject out = Caller.json(payOut);
        assertThat(out.get("walletIdFrom").getAsString()).isEqualTo(bobWallet);
        assertThat(balance(bob, bobWallet)).isEqualTo(plus(bobBefore, "-10.00"));
        JsonObject outGot = Caller.json(signed("GET", "/v1/payOuts/" + out.get("id").getAsString(), "")).getAsJsonArray("data")
                .get(0).getAsJsonObject();
        assertThat(outGot.get("amount").getAsLong()).isEqualTo(1000);
        assertThat(outGot.get("walletIdTo").getAsString()).as("the seed's GET names the wallet walletIdTo").isEqualTo(bobWallet);

        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void theSeedsThreeRefusalsKeepItsShapeAndAddTheCode() throws Exception {
        String before = movements();
        HttpResponse<String> noWallet = signed("POST", "/v1/payIns",
                "{\"walletIdTo\":\"wal_doesnotexist\",\"amount\":100,\"currency\":\"USD\",\"statement\":\"x\"}");
        assertThat(noWallet.statusCode()).isEqualTo(400);
        JsonObject p = Caller.json(noWallet);
        assertThat(p.get("type").getAsString()).isEqualTo("Decoding body");
        assertThat(p.get("title").getAsString()).isEqualTo("Error");
        assertThat(p.get("detail").getAsString()).isEqualTo("Wallet not found");
        assertThat(p.has("instance")).isTrue();
        assertThat(p.get("code").getAsString()).isEqualTo("WALLET_NOT_FOUND");

        HttpResponse<String> currency = signed("POST", "/v1/payIns",
                "{\"walletIdTo\":\"" + aliceWallet + "\",\"amount\":100,\"currency\":\"EUR\",\"statement\":\"x\"}");
        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(Caller.json(currency).get("title").getAsString()).isEqualTo("currency code does not match target walletId");
        assertThat(Caller.json(currency).get("code").getAsString()).isEqualTo("CURRENCY_MISMATCH");

        HttpResponse<String> poor = signed("POST", "/v1/payOuts",
                "{\"walletIdFrom\":\"" + bobWallet + "\",\"amount\":150000,\"currency\":\"USD\",\"statement\":\"x\"}");
        assertThat(poor.statusCode()).isEqualTo(400);
        assertThat(Caller.json(poor).get("title").getAsString()).isEqualTo("Wallet does not have sufficient funds");
        assertThat(Caller.json(poor).get("code").getAsString()).isEqualTo("INSUFFICIENT_BALANCE");

        HttpResponse<String> unknownId = signed("GET", "/v1/payIns/txn_doesnotexist", "");
        assertThat(unknownId.statusCode()).isEqualTo(400);
        assertThat(Caller.json(unknownId).get("code").getAsString()).isEqualTo("NOT_FOUND");
        assertThat(movements()).isEqualTo(before);
    }

    @Test
    void anOperationIsOnlyFoundUnderItsOwnKindAndEnvironment() {
        String id = Caller.json(signed("POST", "/v1/payIns",
                "{\"walletIdTo\":\"" + aliceWallet + "\",\"amount\":100,\"currency\":\"USD\"}")).get("id").getAsString();
        assertThat(signed("GET", "/v1/transfers/" + id, "").statusCode()).isEqualTo(400);
        assertThat(signed("GET", "/v1/payOuts/" + id, "").statusCode()).isEqualTo(400);

        String otherSecret = "secret_AnotherPartnersSecretValue000000";
        new Tenants(server.server().ledger()).ensureEnvironment(new EnvId("other-partner"), "Other", otherSecret, null, KycLimitTable.defaults());
        HttpResponse<String> foreign = send("GET", "/v1/payIns/" + id, "", "other-partner", otherSecret, Instant.now());
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(Caller.json(foreign).get("code").getAsString()).isEqualTo("NOT_FOUND");
        HttpResponse<String> intoForeign = send("POST", "/v1/payIns", "{\"walletIdTo\":\"" + aliceWallet
                + "\",\"amount\":100,\"currency\":\"USD\"}", "other-partner", otherSecret, Instant.now());
        assertThat(Caller.json(intoForeign).get("code").getAsString()).isEqualTo("WALLET_NOT_FOUND");
    }

    @Test
    void missingForgedOrStaleSignaturesAre401AndMoveNothing() throws Exception {
        String before = movements();
        String body = "{\"walletIdTo\":\"" + aliceWallet + "\",\"amount\":100,\"currency\":\"USD\"}";
        HttpResponse<String> unsigned = send("POST", "/v1/payIns", body, DemoData.ENV_ID, null, Instant.now());
        HttpResponse<String> forged = send("POST", "/v1/payIns", body, DemoData.ENV_ID, "secret_NotTheEnvironmentsSecret", Instant.now());
        HttpResponse<String> stale = send("POST", "/v1/payIns", body, DemoData.ENV_ID, DemoData.ENV_SECRET,
                Instant.now().minusSeconds(301));
        HttpResponse<String> noEnv = send("POST", "/v1/payIns", body, null, DemoData.ENV_SECRET, Instant.now());
        for (HttpResponse<String> r : java.util.List.of(unsigned, forged, stale, noEnv)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(Caller.json(r).get("code").getAsString()).isEqualTo("INVALID_SIGNATURE");
            assertThat(Caller.json(r).has("title")).isTrue();
        }
        assertThat(movements()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"walletIdTo":                                              | INVALID_REQUEST
            not an object           | [1,2]                                                       | INVALID_REQUEST
            empty body              |                                                             | INVALID_REQUEST
            unknown field           | {"walletIdTo":"W","amount":100,"currency":"USD","x":1}      | INVALID_REQUEST
            missing wallet          | {"amount":100,"currency":"USD"}                             | INVALID_REQUEST
            wallet not a string     | {"walletIdTo":7,"amount":100,"currency":"USD"}              | INVALID_REQUEST
            missing amount          | {"walletIdTo":"W","currency":"USD"}                         | INVALID_REQUEST
            amount as text          | {"walletIdTo":"W","amount":"100","currency":"USD"}          | INVALID_AMOUNT
            fraction of a cent      | {"walletIdTo":"W","amount":10.5,"currency":"USD"}           | INVALID_AMOUNT
            zero                    | {"walletIdTo":"W","amount":0,"currency":"USD"}              | INVALID_AMOUNT
            negative                | {"walletIdTo":"W","amount":-5,"currency":"USD"}             | INVALID_AMOUNT
            past the long range     | {"walletIdTo":"W","amount":9223372036854775808,"currency":"USD"} | INVALID_AMOUNT
            unknown currency        | {"walletIdTo":"W","amount":100,"currency":"XYZ"}            | UNKNOWN_CURRENCY
            missing currency        | {"walletIdTo":"W","amount":100}                             | INVALID_REQUEST
            amount 1e100000         | {"walletIdTo":"W","amount":1e100000,"currency":"USD"}       | INVALID_REQUEST
            amount 1E+2147483647    | {"walletIdTo":"W","amount":1E+2147483647,"currency":"USD"}  | INVALID_REQUEST
            amount 1e-400           | {"walletIdTo":"W","amount":1e-400,"currency":"USD"}         | INVALID_AMOUNT
            amount given twice      | {"walletIdTo":"W","amount":100,"amount":900000,"currency":"USD"} | INVALID_REQUEST
            a comment               | {"walletIdTo":"W",/* x */"amount":100,"currency":"USD"}     | INVALID_REQUEST
            """)
    void badInputIsA400WithItsCodeAndLeavesNoTrace(String name, String body, String code) throws Exception {
        String before = movements();
        HttpResponse<String> r = signed("POST", "/v1/payIns", body == null ? "" : body.replace("\"W\"", "\"" + aliceWallet + "\""));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(Caller.json(r).get("code").getAsString()).isEqualTo(code);
        assertThat(movements()).isEqualTo(before);
        assertThat(server.verify().ok()).isTrue();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMovesMoneyOnce() {
        String before = balance(alice, aliceWallet);
        String body = "{\"walletIdTo\":\"" + aliceWallet + "\",\"amount\":700,\"currency\":\"USD\"}";
        HttpResponse<String> first = Http.send(request("POST", "/v1/payIns", body, DemoData.ENV_ID, DemoData.ENV_SECRET,
                Instant.now()).header("Idempotency-Key", "payin-7"));
        HttpResponse<String> again = Http.send(request("POST", "/v1/payIns", body, DemoData.ENV_ID, DemoData.ENV_SECRET,
                Instant.now()).header("Idempotency-Key", "payin-7"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Caller.json(again).get("id")).isEqualTo(Caller.json(first).get("id"));
        assertThat(balance(alice, aliceWallet)).isEqualTo(plus(before, "7.00"));
    }

    @Test
    void noStatementAndTheStatementNullAreTwoTransfersUnderOneKey() {
        String aliceBefore = balance(alice, aliceWallet);
        String bobBefore = balance(bob, bobWallet);
        String without = "{\"walletIdFrom\":\"" + aliceWallet + "\",\"walletIdTo\":\"" + bobWallet
                + "\",\"amount\":300,\"currency\":\"USD\"}";
        HttpResponse<String> first = Http.send(request("POST", "/v1/transfers", without, DemoData.ENV_ID, DemoData.ENV_SECRET,
                Instant.now()).header("Idempotency-Key", "transfer-null"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        String with = without.replace("}", ",\"statement\":\"null\"}");
        HttpResponse<String> other = Http.send(request("POST", "/v1/transfers", with, DemoData.ENV_ID, DemoData.ENV_SECRET,
                Instant.now()).header("Idempotency-Key", "transfer-null"));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(Caller.json(other).get("code").getAsString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(alice, aliceWallet)).isEqualTo(plus(aliceBefore, "-3.00"));
        assertThat(balance(bob, bobWallet)).isEqualTo(plus(bobBefore, "3.00"));
    }

    private static String movements() throws Exception {
        return String.valueOf(server.verify().movements());
    }

    private static String balance(Caller who, String wallet) {
        return Caller.json(who.get("/api/v1/accounts/" + wallet)).getAsJsonObject("account").get("balance").getAsString();
    }

    private static String plus(String amount, String delta) {
        return new java.math.BigDecimal(amount).add(new java.math.BigDecimal(delta)).toPlainString();
    }

    private static HttpResponse<String> signed(String method, String path, String body) {
        return send(method, path, body, DemoData.ENV_ID, DemoData.ENV_SECRET, null);
    }

    private static HttpResponse<String> send(String method, String path, String body, String env, String secret, Instant at) {
        return Http.send(request(method, path, body, env, secret, at));
    }

    /** Signed at {@code at}, or afresh when it is null. */
    private static HttpRequest.Builder request(String method, String path, String body, String env, String secret, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (env != null) {
            r.header("X-Env-Id", env);
        }
        if (secret != null) {
            r.header(PartnerRequestSigner.HEADER, at == null ? PartnerSigning.fresh(secret, method, path, bytes)
                    : new PartnerRequestSigner(secret).sign(method, path, bytes, at));
        }
        return r;
    }
}
