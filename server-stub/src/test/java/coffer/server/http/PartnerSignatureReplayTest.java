package coffer.server.http;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.signature.PartnerRequestVerifier;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.Concurrently;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner signature is good for one request (SPEC.md "Signatures"): a captured signed request sent
 * again is 401 INVALID_SIGNATURE whatever its {@code Idempotency-Key}, except on a money route with
 * the same key as its first use, which answers the stored response and moves no money again.
 */
class PartnerSignatureReplayTest extends DemoServerTest {
    private static final String ENV = DemoData.ENV_ID;
    private static String wallet;
    private static String bobWallet;

    @BeforeAll
    static void wallets() {
        LedgerService ledger = server.server().ledger();
        wallet = ledger.wallets(ENV, new Tenants(ledger).userByExternalId(new EnvId(ENV), DemoData.PARTNER_USER_ID).orElseThrow().id()).get(0).id();
        bobWallet = ledger.wallets(ENV, new Tenants(ledger).userByEmail(new EnvId(ENV), "bob@example.com").orElseThrow().id()).get(0).id();
    }

    @Test
    void aCapturedTransferSentAgainWithAnotherKeyOrNoneIsRefusedAndWithItsOwnKeyReplaysTheAnswer() {
        long mine = posted(wallet);
        long bobs = posted(bobWallet);
        SignedRequest transfer = SignedRequest.now("POST", "/v1/transfers", "{\"walletIdFrom\":\"" + wallet + "\",\"walletIdTo\":\""
                + bobWallet + "\",\"amount\":1234,\"currency\":\"USD\"}");

        HttpResponse<String> first = transfer.send(server.server(), "transfer-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertRefused(transfer.send(server.server(), "transfer-2"));
        assertRefused(transfer.send(server.server(), null));
        HttpResponse<String> retried = transfer.send(server.server(), "transfer-1");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(retried.headers().firstValue(Requests.REPLAYED)).contains("true");
        assertThat(Caller.json(retried).get("id")).isEqualTo(Caller.json(first).get("id"));

        assertThat(posted(wallet)).as("moved once").isEqualTo(mine - 1234);
        assertThat(posted(bobWallet)).isEqualTo(bobs + 1234);
    }

    @Test
    void everySignedMoneyRouteReplaysItsStoredAnswerForTheSameKeyAndMovesMoneyOnce() {
        spentOnce(SignedRequest.now("POST", "/v1/payIns", "{\"walletIdTo\":\"" + wallet + "\",\"amount\":150,\"currency\":\"USD\"}"),
                "id", () -> posted(wallet), 150);
        spentOnce(SignedRequest.now("POST", "/v1/payOuts", "{\"walletIdFrom\":\"" + wallet + "\",\"amount\":70,\"currency\":\"USD\"}"),
                "id", () -> posted(wallet), -70);
        spentOnce(SignedRequest.now("POST", "/wallet/payment/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"wallet_id\":\"" + wallet
                + "\",\"amount\":\"2.50\",\"product_id\":\"replayed-order\"}"), "order_id", () -> posted(wallet), -250);
        spentOnce(SignedRequest.now("POST", "/wallet/withdraw/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"wallet_id\":\"" + wallet
                + "\",\"amount\":\"3.00\"}"), "withdrawal_id", () -> available(wallet), -300);
        // a top-up moves money only once the provider confirms it: one checkout, whatever is replayed
        spentOnce(SignedRequest.now("POST", "/wallet/topup/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"wallet_id\":\"" + wallet
                + "\",\"amount\":\"4.00\"}"), "topup_id", () -> available(wallet), 0);

        String order = Caller.json(SignedRequest.now("POST", "/wallet/payment/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"wallet_id\":\""
                + wallet + "\",\"amount\":\"5.00\",\"product_id\":\"to-refund\"}").send(server.server(), null)).get("order_id").getAsString();
        spentOnce(SignedRequest.now("POST", "/api/v1/partner/refunds", "{\"env_id\":\"123\",\"transaction_id\":\"" + order
                + "\",\"amount\":\"1.00\"}"), "transaction_id", () -> posted(wallet), 100);
    }

    @Test
    void aRequestRefusedAfterItsSignatureWasAcceptedHasSpentIt() {
        SignedRequest zero = SignedRequest.now("POST", "/v1/payIns", "{\"walletIdTo\":\"" + wallet + "\",\"amount\":0,\"currency\":\"USD\"}");
        HttpResponse<String> first = zero.send(server.server(), "zero-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(400);
        assertThat(code(first)).isEqualTo("INVALID_AMOUNT");
        assertRefused(zero.send(server.server(), "zero-2"));
        assertRefused(zero.send(server.server(), null));

        SignedRequest tooPrecise = SignedRequest.now("POST", "/wallet/payment/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"wallet_id\":\""
                + wallet + "\",\"amount\":\"1.001\",\"product_id\":\"p\"}");
        assertThat(code(tooPrecise.send(server.server(), null))).isEqualTo("INVALID_AMOUNT");
        assertRefused(tooPrecise.send(server.server(), null));
    }

    @Test
    void aReplayedReadOrOtherSignedRequestIsRefusedEvenWithTheKeyOfItsFirstUse() {
        String payIn = Caller.json(SignedRequest.now("POST", "/v1/payIns", "{\"walletIdTo\":\"" + wallet
                + "\",\"amount\":1,\"currency\":\"USD\"}").send(server.server(), null)).get("id").getAsString();
        List<SignedRequest> requests = List.of(
                SignedRequest.now("GET", "/wallet/?env_id=123&user_id=123", ""),
                SignedRequest.now("GET", "/wallet/123/orders/123", ""),
                SignedRequest.now("GET", "/v1/payIns/" + payIn, ""),
                SignedRequest.now("GET", "/api/v1/partner/webhook-deliveries?env_id=123", ""),
                SignedRequest.now("POST", "/wallet/", "{\"env_id\":\"123\",\"user_id\":\"123\"}"),
                SignedRequest.now("PATCH", "/wallet/" + wallet + "/status/", "{\"env_id\":\"123\",\"user_id\":\"123\",\"status\":\"active\"}"),
                SignedRequest.now("POST", "/api/v1/auth/partner-token", "{\"env_id\":\"123\",\"user_id\":\"123\"}"),
                SignedRequest.now("PUT", "/api/v1/partner/webhook", "{\"env_id\":\"123\",\"url\":null}"),
                // an unknown delivery is 404, and still spends the signature
                SignedRequest.now("POST", "/api/v1/partner/webhook-deliveries/whd_00000000000000000000000000/replay", "{\"env_id\":\"123\"}"));
        for (SignedRequest request : requests) {
            HttpResponse<String> first = request.send(server.server(), "read-key");
            assertThat(first.statusCode()).as("%s %s: %s", request.method(), request.path(), first.body()).isNotEqualTo(401);
            HttpResponse<String> again = request.send(server.server(), "read-key");
            assertThat(again.statusCode()).as("%s %s sent again: %s", request.method(), request.path(), again.body()).isEqualTo(401);
            assertThat(code(again)).isEqualTo("INVALID_SIGNATURE");
        }
    }

    @Test
    void aNewSignatureOfTheSameBodyIsANewRequest() {
        long before = posted(wallet);
        String body = "{\"walletIdTo\":\"" + wallet + "\",\"amount\":11,\"currency\":\"USD\"}";
        Instant now = Instant.now();
        HttpResponse<String> first = SignedRequest.at("POST", "/v1/payIns", body, now.minusSeconds(1)).send(server.server(), null);
        HttpResponse<String> second = SignedRequest.at("POST", "/v1/payIns", body, now).send(server.server(), null);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(posted(wallet)).isEqualTo(before + 22);
    }

    @Test
    void respellingAUsedSignatureHeaderDoesNotMakeItNew() {
        long before = posted(wallet);
        SignedRequest payIn = SignedRequest.now("POST", "/v1/payIns", "{\"walletIdTo\":\"" + wallet + "\",\"amount\":13,\"currency\":\"USD\"}");
        assertThat(payIn.send(server.server(), null).statusCode()).isEqualTo(201);

        String t = payIn.header().substring(0, payIn.header().indexOf(','));
        String v1 = payIn.header().substring(payIn.header().indexOf(',') + 1);
        for (String header : List.of(v1 + "," + t, t + ", " + v1, t + "," + v1 + ",v1=" + "0".repeat(64),
                t + ",v1=" + "0".repeat(64) + "," + v1, t + ",v0=x," + v1)) {
            HttpResponse<String> again = payIn.withHeader(header).send(server.server(), null);
            assertThat(again.statusCode()).as(header).isEqualTo(401);
            assertThat(code(again)).isEqualTo("INVALID_SIGNATURE");
        }
        assertThat(posted(wallet)).isEqualTo(before + 13);
    }

    @Test
    void aUsedSignatureIsRememberedForAsLongAsItCanStillBeAccepted() {
        SignedRequest payIn = SignedRequest.now("POST", "/v1/payIns", "{\"walletIdTo\":\"" + wallet
                + "\",\"amount\":19,\"currency\":\"USD\"}");
        assertThat(payIn.send(server.server(), null).statusCode()).isEqualTo(201);

        // a purge on a process whose clock runs 4 minutes ahead, at the last second the signature verifies
        try (Database database = Database.open(DatabaseConfig.sqlite(data))) {
            new UsedSignatures(database).purgeExpired(Instant.now().plus(PartnerRequestVerifier.DEFAULT_TOLERANCE)
                    .plus(Duration.ofMinutes(4)));
        }
        assertRefused(payIn.send(server.server(), null));
    }

    @Test
    void ofOneSignatureSentManyTimesAtOnceExactlyOneIsServed() throws Exception {
        long before = posted(wallet);
        SignedRequest payIn = SignedRequest.now("POST", "/v1/payIns", "{\"walletIdTo\":\"" + wallet + "\",\"amount\":17,\"currency\":\"USD\"}");

        List<Integer> statuses = Concurrently.run(8, i -> payIn.send(server.server(), "burst-" + i).statusCode());

        assertThat(statuses).containsOnly(201, 401).filteredOn(s -> s == 201).hasSize(1);
        assertThat(posted(wallet)).isEqualTo(before + 17);
    }

    /**
     * Sends {@code request} with a key: {@code delta} moves once; the same key again answers the same
     * {@code idField} marked replayed and moves nothing; another key or none is 401 and moves nothing.
     */
    private static void spentOnce(SignedRequest request, String idField, LongSupplier money, long delta) {
        long before = money.getAsLong();
        String key = "key-" + request.path() + "-" + System.nanoTime();
        HttpResponse<String> first = request.send(server.server(), key);
        assertThat(first.statusCode()).as("%s: %s", request.path(), first.body()).isBetween(200, 201);
        long after = money.getAsLong();
        assertThat(after - before).as("%s moves its amount", request.path()).isEqualTo(delta);

        HttpResponse<String> retried = request.send(server.server(), key);
        assertThat(retried.statusCode()).as("%s with its key: %s", request.path(), retried.body()).isEqualTo(first.statusCode());
        assertThat(retried.headers().firstValue(Requests.REPLAYED)).as(request.path()).contains("true");
        assertThat(Caller.json(retried).get(idField)).as(request.path()).isEqualTo(Caller.json(first).get(idField));
        assertRefused(request.send(server.server(), key + "-other"));
        assertRefused(request.send(server.server(), null));
        assertThat(money.getAsLong()).as("%s moved money once", request.path()).isEqualTo(after);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("INVALID_SIGNATURE");
    }

    /** The error code in either shape: the partner API's {@code {"error": {"code"}}} or seed 004's problem. */
    private static String code(HttpResponse<String> response) {
        JsonObject body = Caller.json(response);
        return body.has("error") ? body.getAsJsonObject("error").get("code").getAsString() : body.get("code").getAsString();
    }

    private static long posted(String walletId) {
        return server.server().ledger().wallet(ENV, walletId).orElseThrow().balance().posted();
    }

    private static long available(String walletId) {
        return server.server().ledger().wallet(ENV, walletId).orElseThrow().balance().available().minor();
    }
}
