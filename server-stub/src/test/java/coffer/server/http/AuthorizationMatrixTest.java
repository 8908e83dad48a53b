package coffer.server.http;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.core.signature.PartnerRequestSigner;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, called by one user with another user's ids, and by a user of another environment:
 * the answer is always "not found", never data, and nothing moves. The routes come from what the
 * server actually registered, so a new route with an id in its path fails here until it is covered.
 */
class AuthorizationMatrixTest extends DemoServerTest {
    private static final String OTHER_ENV = "other-env";
    private static final String OTHER_SECRET = "secret_OtherEnvironmentSecretValue0000";

    static Caller alice;
    static Caller bob;
    static Caller stranger;
    /** Bob's resources, by the first path segment after /api/v1/ of the routes that name them. */
    static Map<String, String> bobs;

    @BeforeAll
    static void bobOwnsThings() throws Exception {
        alice = server.login("alice@example.com");
        bob = server.login("bob@example.com");
        String bobWallet = bob.firstWalletId();
        String aliceWallet = alice.firstWalletId();
        HttpResponse<String> paid = bob.post("/api/v1/payments", "{\"amount\":\"5.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + bobWallet + "\",\"destination\":\"" + aliceWallet + "\",\"description\":\"lunch\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        String payment = Caller.json(paid).get("payment_id").getAsString();
        // bob's opening balance: a movement alice has no part in (the payment above is hers too, as payee)
        var history = Caller.json(bob.get("/api/v1/transactions?wallet_id=" + bobWallet)).getAsJsonArray("transactions");
        String transaction = history.get(history.size() - 1).getAsJsonObject().get("id").getAsString();
        // money out: a bank account whose payouts fail (ending 1111), so bob's balance stays as it is
        HttpResponse<String> account = bob.post("/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"0123451111\"}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        String bankAccount = Caller.json(account).get("bank_account_id").getAsString();
        String moneyOut = "{\"wallet_id\":\"" + bobWallet + "\",\"bank_account_id\":\"" + bankAccount
                + "\",\"amount\":\"1.00\",\"currency\":\"USD\"}";
        HttpResponse<String> withdrawal = bob.post("/api/v1/withdrawals", moneyOut);
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(201);
        HttpResponse<String> settlement = bob.post("/api/v1/settlements", moneyOut);
        assertThat(settlement.statusCode()).as(settlement.body()).isEqualTo(201);
        HttpResponse<String> schedule = bob.post("/api/v1/settlement-schedules", "{\"wallet_id\":\"" + bobWallet
                + "\",\"bank_account_id\":\"" + bankAccount + "\",\"frequency\":\"monthly\",\"minimum_amount\":\"5000.00\"}");
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
        // a top-up paid with "save this card", into a EUR wallet so the USD balance above stays as it is
        String bobEuros = Caller.json(bob.post("/api/v1/accounts", "{\"currency\":\"EUR\"}")).getAsJsonObject("account")
                .get("id").getAsString();
        HttpResponse<String> topup = bob.post("/api/v1/topups", "{\"wallet_id\":\"" + bobEuros
                + "\",\"amount\":\"20.00\",\"currency\":\"EUR\",\"save_card\":true}");
        assertThat(topup.statusCode()).as(topup.body()).isEqualTo(201);
        String checkout = Caller.json(topup).get("checkout_url").getAsString();
        Http.post(server.url("/provider/test-helpers/checkout/" + checkout.substring(checkout.lastIndexOf('/') + 1) + "/pay"),
                "{\"card_number\":\"4242424242424242\",\"save_card\":true}");
        // an organization of bob's alone: alice and the stranger are not members
        HttpResponse<String> organization = bob.post("/api/v1/organizations", "{\"name\":\"Bob's shop\",\"currency\":\"USD\"}");
        assertThat(organization.statusCode()).as(organization.body()).isEqualTo(201);
        var cards = Poll.until(() -> Caller.json(bob.get("/api/v1/cards")).getAsJsonArray("cards"), list -> !list.isEmpty());
        bobs = Map.of("accounts", bobWallet, "payments", payment, "transactions", transaction,
                "topups", Caller.json(topup).get("topup_id").getAsString(),
                "cards", cards.get(0).getAsJsonObject().get("card_id").getAsString(),
                "bank-accounts", bankAccount, "withdrawals", Caller.json(withdrawal).get("withdrawal_id").getAsString(),
                "settlements", Caller.json(settlement).get("settlement_id").getAsString(),
                "settlement-schedules", Caller.json(schedule).get("schedule_id").getAsString(),
                "organizations", Caller.json(organization).getAsJsonObject("organization").get("id").getAsString());

        LedgerService ledger = server.server().ledger();
        new Tenants(ledger).ensureEnvironment(new EnvId(OTHER_ENV), "Other partner", OTHER_SECRET, null, KycLimitTable.defaults());
        String user = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(OTHER_ENV), "partner-user-1",
                "Stranger").kyc(KycStatus.VERIFIED, KycTier.TIER_1))
                .orThrow().id();
        String wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(OTHER_ENV), new UserId(user), Currency.getInstance("USD"))).orThrow().id();
        ledger.deposit(SystemMoveCommand.of(new EnvId(OTHER_ENV), new WalletId(wallet), Money.parse("50.00", "USD"),
                Memo.description("funds")), null).orThrow();
        HttpResponse<String> minted = partnerToken(OTHER_SECRET, "{\"env_id\":\"" + OTHER_ENV + "\",\"user_id\":\"partner-user-1\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        stranger = new Caller(server, Caller.json(minted).get("access_token").getAsString());
    }

    private static HttpResponse<String> partnerToken(String secret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/auth/partner-token";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (secret != null) {
            request.header(PartnerRequestSigner.HEADER, PartnerSigning.fresh(secret, "POST", path, bytes));
        }
        return Http.send(request);
    }

    @Test
    void everyRouteWithAnIdInItsPathHidesOtherUsersAndOtherEnvironments() {
        List<String> uncovered = new ArrayList<>();
        int checked = 0;
        for (HttpApi.Route route : server.server().routes()) {
            if (!route.path().startsWith("/api/v1/") || !route.path().contains("{")) {
                continue;
            }
            if (route.path().startsWith("/api/v1/partner/")) {
                // signed partner routes: a user's token is no signature; another environment's signature is
                // checked per route (WebhookDeliveryTest replays another environment's delivery: 404)
                for (Caller intruder : List.of(alice, stranger)) {
                    HttpResponse<String> r = call(intruder, route.method(), route.path().replaceAll("\\{[^}]+}", "whd_x"));
                    assertThat(r.statusCode()).as("%s %s by %s: %s", route.method(), route.path(), who(intruder), r.body())
                            .isEqualTo(401);
                    assertThat(Caller.errorCode(r)).isEqualTo("INVALID_SIGNATURE");
                }
                continue;
            }
            String resource = route.path().substring("/api/v1/".length()).split("/")[0];
            String id = bobs.get(resource);
            if (id == null) {
                uncovered.add(route.method() + " " + route.path());
                continue;
            }
            String path = route.path().replaceAll("\\{[^}]+}", id);
            for (Caller intruder : List.of(alice, stranger)) {
                HttpResponse<String> r = call(intruder, route.method(), path);
                assertThat(r.statusCode()).as("%s %s by %s: %s", route.method(), path, who(intruder), r.body()).isEqualTo(404);
                assertThat(Caller.errorCode(r)).isIn("NOT_FOUND", "WALLET_NOT_FOUND");
                assertThat(r.body()).doesNotContain("lunch").doesNotContain("995.00");
                checked++;
            }
        }
        assertThat(uncovered).as("routes with ids this matrix does not know how to fill").isEmpty();
        assertThat(checked).as("six routes name an id today, each tried by two intruders").isGreaterThanOrEqualTo(12);
        assertThat(bob.get("/api/v1/accounts/" + bobs.get("accounts")).body()).contains("\"status\":\"active\"");
    }

    @Test
    void idsInBodiesAndQueriesAreCheckedToo() {
        String bobWallet = bobs.get("accounts");
        String aliceWallet = alice.firstWalletId();
        for (Caller intruder : List.of(alice, stranger)) {
            String own = intruder == alice ? aliceWallet : stranger.firstWalletId();
            List<HttpResponse<String>> answers = List.of(
                    intruder.post("/api/v1/payments", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                            + bobWallet + "\",\"destination\":\"" + own + "\"}"),
                    intruder.post("/api/v1/transfers", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"from_wallet_id\":\""
                            + bobWallet + "\",\"to_wallet_id\":\"" + own + "\"}"),
                    intruder.post("/api/v1/transfers", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"from_wallet_id\":\""
                            + own + "\",\"to_wallet_id\":\"" + bobWallet + "\"}"),
                    intruder.get("/api/v1/transactions?wallet_id=" + bobWallet),
                    intruder.post("/api/v1/refunds", "{\"transaction_id\":\"" + bobs.get("transactions") + "\"}"),
                    intruder.get("/api/v1/refunds?transaction_id=" + bobs.get("transactions")),
                    intruder.get("/api/v1/transactions/export.csv?wallet_id=" + bobWallet),
                    intruder.post("/api/v1/withdrawals", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"wallet_id\":\""
                            + bobWallet + "\"}"),
                    intruder.post("/api/v1/withdrawals", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"wallet_id\":\""
                            + own + "\",\"bank_account_id\":\"" + bobs.get("bank-accounts") + "\"}"),
                    intruder.post("/api/v1/settlements", "{\"wallet_id\":\"" + bobWallet + "\",\"bank_account_id\":\""
                            + bobs.get("bank-accounts") + "\"}"),
                    intruder.post("/api/v1/settlement-schedules", "{\"wallet_id\":\"" + own + "\",\"bank_account_id\":\""
                            + bobs.get("bank-accounts") + "\",\"frequency\":\"daily\",\"minimum_amount\":\"0\"}"),
                    intruder.post("/api/v1/orders", "{\"wallet_id\":\"" + bobWallet + "\",\"product_id\":\"coffee-beans\"}"));
            for (HttpResponse<String> r : answers) {
                assertThat(r.statusCode()).as("%s: %s", who(intruder), r.body()).isEqualTo(404);
                assertThat(r.body()).doesNotContain("lunch");
            }
        }
        // a user of another environment cannot pay into this one by wallet id or by email
        HttpResponse<String> crossEnv = stranger.post("/api/v1/payments", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + stranger.firstWalletId() + "\",\"destination\":\"alice@example.com\"}");
        assertThat(crossEnv.statusCode()).isEqualTo(404);
        assertThat(Caller.json(bob.get("/api/v1/accounts/" + bobWallet)).getAsJsonObject("account").get("balance").getAsString())
                .isEqualTo("995.00");
    }

    @Test
    void aPartnerTokenNeedsTheEnvironmentsOwnSignature() {
        String body = "{\"env_id\":\"" + OTHER_ENV + "\",\"user_id\":\"partner-user-1\"}";
        assertThat(Caller.errorCode(partnerToken(null, body))).isEqualTo("INVALID_SIGNATURE");
        assertThat(Caller.errorCode(partnerToken(DemoData.ENV_SECRET, body))).isEqualTo("INVALID_SIGNATURE");
        assertThat(partnerToken(OTHER_SECRET, body).statusCode()).isEqualTo(200);
        HttpResponse<String> unknownUser = partnerToken(OTHER_SECRET, "{\"env_id\":\"" + OTHER_ENV + "\",\"user_id\":\"nobody\"}");
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        HttpResponse<String> unknownEnv = partnerToken(OTHER_SECRET, "{\"env_id\":\"no-such-env\",\"user_id\":\"partner-user-1\"}");
        assertThat(Caller.errorCode(unknownEnv)).isEqualTo("INVALID_SIGNATURE");
    }

    private static HttpResponse<String> call(Caller caller, String method, String path) {
        return switch (method) {
            case "GET" -> caller.get(path);
            case "POST" -> caller.post(path, "{}");
            default -> Http.send(caller.request(path).method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json"));
        };
    }

    private static String who(Caller c) {
        return c == alice ? "another user" : "another environment";
    }
}
