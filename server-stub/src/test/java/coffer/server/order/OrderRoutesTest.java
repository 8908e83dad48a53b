package coffer.server.order;

import coffer.server.ledger.NewWallet;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import coffer.server.webhook.PartnerClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static coffer.server.testing.TestServer.Caller.errorCode;
import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Pay an order" through the user API against the real server: the demo catalogue, an order charged at
 * the catalogue's price and listed by both the user API and the partner API, idempotent retries, and
 * refusals that leave the ledger as it was.
 */
class OrderRoutesTest extends DemoServerTest {
    private Caller buyer;
    private String userId;
    private String wallet;

    /** Each test buys as a new verified user of the demo environment with 1000.00 USD, so balances start known. */
    @BeforeEach
    void newBuyer() {
        LedgerService ledger = server.server().ledger();
        userId = "buyer-" + UUID.randomUUID();
        String id = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(DemoData.ENV_ID), userId,
                "Buyer").kyc(KycStatus.VERIFIED, KycTier.TIER_1))
                .orThrow().id();
        wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(DemoData.ENV_ID), new UserId(id), Currencies.of("USD"))).orThrow().id();
        ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet), Money.parse("1000.00",
                "USD"),
                Memo.description("Funds")), null).orThrow();
        HttpResponse<String> minted = new PartnerClient(server, DemoData.ENV_SECRET).post("/api/v1/auth/partner-token",
                "{\"env_id\":\"" + DemoData.ENV_ID + "\",\"user_id\":\"" + userId + "\"}");
        buyer = new Caller(server, json(minted).get("access_token").getAsString());
    }

    private HttpResponse<String> buy(String walletId, String productId, String key) {
        String body = "{\"wallet_id\":\"" + walletId + "\",\"product_id\":\"" + productId + "\"}";
        return key == null ? buyer.post("/api/v1/orders", body) : buyer.post("/api/v1/orders", body, key);
    }

    private String balance() {
        return json(buyer.get("/api/v1/accounts/" + wallet)).getAsJsonObject("account").get("balance").getAsString();
    }

    @Test
    void theDemoCatalogueListsItsProductsWithPrices() {
        HttpResponse<String> r = buyer.get("/api/v1/products");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray products = json(r).getAsJsonArray("products");
        assertThat(products).hasSize(4);
        Map<String, String> prices = new LinkedHashMap<>();
        products.forEach(p -> prices.put(p.getAsJsonObject().get("name").getAsString(),
                p.getAsJsonObject().get("price").getAsString() + " " + p.getAsJsonObject().get("currency").getAsString()));
        assertThat(prices).containsExactly(Map.entry("Coffee beans", "12.50 USD"), Map.entry("Gift card", "50.00 USD"),
                Map.entry("Premium, one month", "9.99 USD"), Map.entry("Travel mug", "24.00 USD"));
    }

    @Test
    void anOrderIsChargedTheCataloguePriceAndThePartnerSeesIt() {
        HttpResponse<String> r = buy(wallet, "coffee-beans", "order-1");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject order = json(r);
        assertThat(order.get("product_id").getAsString()).isEqualTo("coffee-beans");
        assertThat(order.get("product_name").getAsString()).isEqualTo("Coffee beans");
        assertThat(order.get("amount").getAsString() + " " + order.get("currency").getAsString()).isEqualTo("12.50 USD");
        assertThat(order.get("status").getAsString()).isEqualTo("paid");
        assertThat(order.get("wallet_id").getAsString()).isEqualTo(wallet);
        assertThat(balance()).isEqualTo("987.50");
        String orderId = order.get("order_id").getAsString();
        assertThat(buyer.get("/api/v1/transactions/" + orderId).body()).contains("\"payment\"", "coffee-beans");

        buy(wallet, "premium-month", null);
        JsonArray mine = json(buyer.get("/api/v1/orders")).getAsJsonArray("orders");
        assertThat(mine).extracting(o -> o.getAsJsonObject().get("product_name").getAsString())
                .containsExactly("Premium, one month", "Coffee beans");
        assertThat(json(server.login("bob@example.com").get("/api/v1/orders")).getAsJsonArray("orders"))
                .as("another user's orders").isEmpty();

        HttpResponse<String> partner = new PartnerClient(server, DemoData.ENV_SECRET).get("/wallet/123/orders/" + userId);
        assertThat(partner.statusCode()).as(partner.body()).isEqualTo(200);
        JsonArray listed = json(partner).getAsJsonArray("orders");
        assertThat(listed).extracting(o -> o.getAsJsonObject().get("order_id").getAsString()).contains(orderId);
        assertThat(listed).extracting(o -> o.getAsJsonObject().get("product_id").getAsString())
                .containsExactly("premium-month", "coffee-beans");
    }

    @Test
    void theSameIdempotencyKeyTwiceChargesOnce() {
        HttpResponse<String> first = buy(wallet, "travel-mug", "mug-1");
        HttpResponse<String> again = buy(wallet, "travel-mug", "mug-1");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again).get("order_id").getAsString()).isEqualTo(json(first).get("order_id").getAsString());
        assertThat(balance()).isEqualTo("976.00");
        assertThat(json(buyer.get("/api/v1/orders")).getAsJsonArray("orders")).hasSize(1);

        HttpResponse<String> otherProduct = buy(wallet, "gift-card-50", "mug-1");
        assertThat(otherProduct.statusCode()).isEqualTo(422);
        assertThat(errorCode(otherProduct)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance()).isEqualTo("976.00");
    }

    @Test
    void badInputIsRefusedWithACodeAndLeavesNoTrace() throws Exception {
        String bobWallet = server.login("bob@example.com").firstWalletId();
        String euros = json(buyer.post("/api/v1/accounts", "{\"currency\":\"EUR\"}")).getAsJsonObject("account")
                .get("id").getAsString();
        long movements = server.verify().movements();
        record Case(String what, String body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("an unknown product", "{\"wallet_id\":\"" + wallet + "\",\"product_id\":\"no-such-thing\"}", 404, "NOT_FOUND"),
                new Case("no product", "{\"wallet_id\":\"" + wallet + "\"}", 400, "INVALID_REQUEST"),
                new Case("no wallet", "{\"product_id\":\"coffee-beans\"}", 400, "INVALID_REQUEST"),
                new Case("a price from the client", "{\"wallet_id\":\"" + wallet + "\",\"product_id\":\"coffee-beans\",\"amount\":\"0.01\"}",
                        400, "INVALID_REQUEST"),
                new Case("another user's wallet", "{\"wallet_id\":\"" + bobWallet + "\",\"product_id\":\"coffee-beans\"}", 404,
                        "WALLET_NOT_FOUND"),
                new Case("a wallet in another currency", "{\"wallet_id\":\"" + euros + "\",\"product_id\":\"coffee-beans\"}", 422,
                        "CURRENCY_MISMATCH"),
                new Case("a product id of the wrong type", "{\"wallet_id\":\"" + wallet + "\",\"product_id\":[1]}", 400,
                        "INVALID_REQUEST"));
        for (Case c : cases) {
            HttpResponse<String> r = buyer.post("/api/v1/orders", c.body());
            assertThat(r.statusCode()).as("%s: %s", c.what(), r.body()).isEqualTo(c.status());
            assertThat(errorCode(r)).as(c.what()).isEqualTo(c.code());
        }
        assertThat(server.verify().movements()).isEqualTo(movements);
        assertThat(balance()).isEqualTo("1000.00");
        assertThat(buyer.get("/api/v1/orders?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theLedgerRefusesALockedWalletAndMissingFunds() throws Exception {
        String owner = server.server().ledger().wallet(DemoData.ENV_ID, wallet).orElseThrow().userId();
        server.server().ledger().pay(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(owner),
                new WalletId(wallet), Money.parse("980.00", "USD"), Memo.reference("rent").withDescription("Rent")),
                null)
                .orThrow();
        long movements = server.verify().movements();

        HttpResponse<String> tooDear = buy(wallet, "travel-mug", null);
        assertThat(tooDear.statusCode()).as(tooDear.body()).isEqualTo(422);
        assertThat(errorCode(tooDear)).isEqualTo("INSUFFICIENT_BALANCE");

        assertThat(Http.send(buyer.request("/api/v1/accounts/" + wallet + "/lock").POST(java.net.http.HttpRequest.BodyPublishers
                .noBody())).statusCode()).isEqualTo(200);
        HttpResponse<String> locked = buy(wallet, "premium-month", null);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);
        assertThat(errorCode(locked)).isEqualTo("WALLET_LOCKED");

        assertThat(server.verify().movements()).isEqualTo(movements);
        assertThat(balance()).isEqualTo("20.00");
    }
}
