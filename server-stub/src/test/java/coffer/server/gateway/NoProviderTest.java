package coffer.server.gateway;

import coffer.server.CofferServer;
import coffer.server.ProviderMode;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestUsers;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static coffer.server.testing.TestServer.Caller.errorCode;
import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without a payment provider ({@code serve}, or {@code serve --demo --provider none}): nobody can
 * mint money through the simulator, card and bank operations answer 503 PROVIDER_UNAVAILABLE and leave
 * nothing behind, and identity submissions wait for the operator.
 */
class NoProviderTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, TestServer.settings(), ProviderMode.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSimulatorAndItsTestHelperAreNotMounted() {
        assertThat(server.server().routes()).noneMatch(r -> r.path().startsWith("/provider/")
                || r.path().startsWith("/webhooks/") && !r.path().equals(StripeWebhookRoutes.PATH));
        // Stripe's endpoint is on every server (one API description for all), and takes nothing unless Stripe is the provider
        HttpResponse<String> stripe = Http.post(server.url(StripeWebhookRoutes.PATH), "{\"id\":\"evt_1\",\"type\":\"x\"}");
        assertThat(stripe.statusCode()).isEqualTo(404);
        assertThat(errorCode(stripe)).isEqualTo("NOT_FOUND");
        HttpResponse<String> r = Http.post(server.url("/provider/test-helpers/checkout/cs_1/pay"),
                "{\"card_number\": \"4242424242424242\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.get(server.url("/provider/checkout/cs_1")).statusCode()).isEqualTo(404);
    }

    @Test
    void aTopUpIsRefusedBeforeAnythingIsStored() {
        TestUsers.User user = TestUsers.funded(server, "topup", "10.00");
        HttpResponse<String> r = user.caller().post("/api/v1/topups",
                "{\"wallet_id\": \"" + user.walletId() + "\", \"amount\": \"25.00\", \"currency\": \"USD\"}", "t-1");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(errorCode(r)).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(json(user.caller().get("/api/v1/topups")).getAsJsonArray("topups")).isEmpty();
        assertThat(balance(user)).isEqualTo("10.00");
    }

    @Test
    void aWithdrawalHoldsNothing() {
        TestUsers.User user = TestUsers.funded(server, "withdraw", "40.00");
        HttpResponse<String> r = user.caller().post("/api/v1/withdrawals",
                "{\"wallet_id\": \"" + user.walletId() + "\", \"amount\": \"25.00\", \"currency\": \"USD\"}", "w-1");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(errorCode(r)).isEqualTo("PROVIDER_UNAVAILABLE");
        JsonObject account = json(user.caller().get("/api/v1/accounts/" + user.walletId())).getAsJsonObject("account");
        assertThat(account.get("available_balance").getAsString()).isEqualTo("40.00");
        assertThat(account.get("pending_balance").getAsString()).isEqualTo("0.00");
        assertThat(json(user.caller().get("/api/v1/transactions?wallet_id=" + user.walletId()))
                .getAsJsonArray("transactions")).hasSize(1);
    }

    @Test
    void bankAccountsCannotBeResolvedOrAdded() {
        TestUsers.User user = TestUsers.funded(server, "bank", "0.00");
        HttpResponse<String> resolve = user.caller().get("/api/v1/bank-accounts/resolve?bank_code=058&account_number=0123456789");
        assertThat(resolve.statusCode()).isEqualTo(503);
        assertThat(errorCode(resolve)).isEqualTo("PROVIDER_UNAVAILABLE");
        HttpResponse<String> add = user.caller().post("/api/v1/bank-accounts",
                "{\"bank_code\": \"058\", \"account_number\": \"0123456789\"}");
        assertThat(add.statusCode()).isEqualTo(503);
        assertThat(json(user.caller().get("/api/v1/bank-accounts")).getAsJsonArray("bank_accounts")).isEmpty();
    }

    @Test
    void moneyStillMovesInsideTheLedger() {
        TestUsers.User from = TestUsers.funded(server, "payer", "30.00");
        TestUsers.User to = TestUsers.funded(server, "payee", "0.00");
        HttpResponse<String> r = from.caller().post("/api/v1/payments", "{\"amount\": \"12.00\", \"currency\": \"USD\", "
                + "\"source_wallet_id\": \"" + from.walletId() + "\", \"destination\": \"" + to.email() + "\"}", "p-1");
        assertThat(r.statusCode()).isEqualTo(201);
    }

    @Test
    void anIdentitySubmissionWaitsForTheOperator() throws Exception {
        TestServer.Caller caller = server.register("kyc-" + System.nanoTime() + "@example.com");
        HttpResponse<String> submitted = caller.post("/api/v1/kyc/submissions", "{\"full_name\": \"Ada Example\", "
                + "\"date_of_birth\": \"1990-01-01\", \"country\": \"GB\", \"document_type\": \"passport\", "
                + "\"document_number\": \"123456789\"}");
        assertThat(submitted.statusCode()).isEqualTo(202);
        // the test settings decide at once when a verifier exists: give it every chance to run
        Thread.sleep(300);
        assertThat(json(caller.get("/api/v1/kyc")).get("status").getAsString()).isEqualTo("pending");
    }

    @Test
    void aServerWithoutTheDemoHasNoProviderUnlessAsked() throws Exception {
        Path folder = Files.createDirectories(data.resolve("plain"));
        try (CofferServer plain = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(folder), false))) {
            assertThat(plain.routes()).noneMatch(r -> r.path().startsWith("/provider/"));
            HttpResponse<String> helper = Http.post(plain.baseUrl() + "/provider/test-helpers/checkout/cs_1/pay",
                    "{\"card_number\": \"4242424242424242\"}");
            assertThat(helper.statusCode()).isEqualTo(404);
            assertThat(plain.paymentProvider().createCheckout(null).errorCode().name()).isEqualTo("PROVIDER_UNAVAILABLE");
        }
    }

    private static String balance(TestUsers.User user) {
        return json(user.caller().get("/api/v1/accounts/" + user.walletId())).getAsJsonObject("account").get("balance").getAsString();
    }
}
