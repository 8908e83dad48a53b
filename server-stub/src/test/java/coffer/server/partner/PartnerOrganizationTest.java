package coffer.server.partner;

import coffer.core.kyc.KycLimitTable;
import coffer.core.money.Money;
import coffer.core.signature.PartnerRequestSigner;
import coffer.server.CofferServer;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.WalletId;
import coffer.server.tenant.DemoData;
import coffer.server.tenant.Environments;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static coffer.server.partner.Seed000PartnerWalletTest.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's organization wallets under {@code /wallet/organizations/}: an organization made for a
 * partner's user, members added and removed by the partner, a member paying from its wallet through the user
 * API, its wallets and orders, and the refusals (another environment, bad bodies, no signature), which
 * change nothing.
 */
class PartnerOrganizationTest extends DemoServerTest {

    @Test
    void aPartnerMakesAnOrganizationAMemberPaysFromItsWalletAndOnceRemovedCannot() throws Exception {
        JsonObject org = create("team-owner", "Team Rocket");
        String orgId = org.get("id").getAsString();
        assertThat(org.get("env_id").getAsString()).isEqualTo("123");
        assertThat(org.get("name").getAsString()).isEqualTo("Team Rocket");
        assertThat(members(org)).containsExactly("team-owner:owner");
        JsonArray wallets = org.getAsJsonArray("wallets");
        assertThat(wallets).hasSize(1);
        String walletId = wallets.get(0).getAsJsonObject().get("id").getAsString();
        assertThat(wallets.get(0).getAsJsonObject().get("currency").getAsString()).isEqualTo("USD");
        fund(walletId, "50.00");

        String alice = aliceId();
        HttpResponse<String> added = signed("POST", "/wallet/organizations/" + orgId + "/members/",
                "{\"env_id\": 123, \"user_id\": \"" + alice + "\", \"role\": \"member\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Caller.json(added).get("role").getAsString()).isEqualTo("member");

        // the member sees the organization's wallet and pays an order from it through the user API
        Caller member = server.login("alice@example.com");
        assertThat(member.get("/api/v1/accounts").body()).contains(walletId, orgId);
        HttpResponse<String> paid = member.post("/api/v1/orders", "{\"wallet_id\":\"" + walletId + "\",\"product_id\":\"premium-month\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);

        JsonObject after = get(orgId);
        assertThat(after.getAsJsonArray("wallets").get(0).getAsJsonObject().get("balance").getAsBigDecimal()).isEqualByComparingTo("40.01");
        assertThat(members(after)).containsExactlyInAnyOrder("team-owner:owner", alice + ":member");
        HttpResponse<String> orders = signed("GET", "/wallet/organizations/" + orgId + "/orders/?env_id=123", "");
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        JsonArray list = Caller.json(orders).getAsJsonArray("orders");
        assertThat(list).hasSize(1);
        JsonObject order = list.get(0).getAsJsonObject();
        assertThat(order.get("product_id").getAsString()).isEqualTo("premium-month");
        assertThat(order.get("wallet_id").getAsString()).isEqualTo(walletId);
        assertThat(order.get("initiated_by").getAsString()).as("the member who paid").isEqualTo(alice);

        HttpResponse<String> removed = remove(orgId, alice);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        long movements = server.verify().movements();
        HttpResponse<String> refused = member.post("/api/v1/orders", "{\"wallet_id\":\"" + walletId + "\",\"product_id\":\"premium-month\"}");
        assertThat(refused.statusCode()).as("a former member no longer sees the wallet: " + refused.body()).isEqualTo(404);
        assertThat(server.verify().movements()).isEqualTo(movements);
        assertThat(balance(orgId)).isEqualByComparingTo("40.01");
        assertThat(members(get(orgId))).containsExactly("team-owner:owner");
    }

    @Test
    void aViewerAddedByThePartnerMayNotSpendAndItsRefusalMovesNothing() throws Exception {
        String orgId = create("viewers-owner", "Readers").get("id").getAsString();
        String walletId = get(orgId).getAsJsonArray("wallets").get(0).getAsJsonObject().get("id").getAsString();
        fund(walletId, "20.00");
        String bob = server.server().services().tenants().userByEmail(new EnvId("123"), "bob@example.com").orElseThrow().id();
        assertThat(signed("POST", "/wallet/organizations/" + orgId + "/members/",
                "{\"env_id\": 123, \"user_id\": \"" + bob + "\", \"role\": \"viewer\"}").statusCode()).isEqualTo(201);

        long movements = server.verify().movements();
        HttpResponse<String> refused = server.login("bob@example.com").post("/api/v1/orders",
                "{\"wallet_id\":\"" + walletId + "\",\"product_id\":\"premium-month\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Caller.errorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(server.verify().movements()).isEqualTo(movements);
        assertThat(balance(orgId)).isEqualByComparingTo("20.00");
        assertThat(signed("GET", "/wallet/organizations/" + orgId + "/orders/?env_id=123", "").body()).contains("\"orders\":[]");
    }

    @Test
    void aCreationRetriedWithItsIdempotencyKeyAnswersTheSameOrganization() {
        String body = "{\"env_id\": 123, \"user_id\": \"retry-owner\", \"name\": \"Retried\"}";
        HttpResponse<String> first = signedWithKey("/wallet/organizations/", body, "org-create-1");
        HttpResponse<String> again = signedWithKey("/wallet/organizations/", body, "org-create-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(Caller.json(again).get("id")).isEqualTo(Caller.json(first).get("id"));
        HttpResponse<String> another = signedWithKey("/wallet/organizations/", body, "org-create-2");
        assertThat(Caller.json(another).get("id")).isNotEqualTo(Caller.json(first).get("id"));
    }

    @Test
    void theLastOwnerStaysAndAMemberIsAddedOnce() {
        JsonObject org = create("lonely-owner", "Solo");
        String orgId = org.get("id").getAsString();
        String ownerId = org.getAsJsonArray("members").get(0).getAsJsonObject().get("user_id").getAsString();
        HttpResponse<String> leave = remove(orgId, ownerId);
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(409);
        assertThat(Caller.errorCode(leave)).isEqualTo("CONFLICT");

        String add = "{\"env_id\": 123, \"user_id\": \"solo-helper\", \"role\": \"admin\"}";
        assertThat(signed("POST", "/wallet/organizations/" + orgId + "/members/", add).statusCode()).isEqualTo(201);
        HttpResponse<String> again = signed("POST", "/wallet/organizations/" + orgId + "/members/", add);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(Caller.errorCode(again)).isEqualTo("ALREADY_EXISTS");
        HttpResponse<String> stranger = remove(orgId, "nobody-here");
        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(404);
        assertThat(members(get(orgId))).containsExactlyInAnyOrder("lonely-owner:owner", "solo-helper:admin");
    }

    @Test
    void anotherEnvironmentsOrganizationIsNotFound() {
        String orgId = create("env-owner", "Env Bound").get("id").getAsString();
        String secret = Environments.newSecret();
        server.server().services().tenants().ensureEnvironment(new EnvId("other-env"), "Other", secret, null, KycLimitTable.defaults());

        for (HttpResponse<String> r : List.of(
                signedBy(secret, "GET", "/wallet/organizations/" + orgId + "/?env_id=other-env", ""),
                signedBy(secret, "GET", "/wallet/organizations/" + orgId + "/orders/?env_id=other-env", ""),
                signedBy(secret, "POST", "/wallet/organizations/" + orgId + "/members/",
                        "{\"env_id\": \"other-env\", \"user_id\": \"intruder\", \"role\": \"owner\"}"),
                signedBy(secret, "POST", "/wallet/organizations/" + orgId + "/members/remove/",
                        "{\"env_id\": \"other-env\", \"user_id\": \"env-owner\"}"))) {
            assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + ": " + r.body()).isEqualTo(404);
            assertThat(Caller.errorCode(r)).isEqualTo("NOT_FOUND");
        }
        // signed by one environment's secret, a request cannot name another environment
        assertThat(signedBy(secret, "GET", "/wallet/organizations/" + orgId + "/?env_id=123", "").statusCode()).isEqualTo(401);
        assertThat(members(get(orgId))).containsExactly("env-owner:owner");
    }

    @Test
    void badBodiesAre400AndUnsignedRequests401AndNeitherChangesAnything() throws Exception {
        String orgId = create("strict-owner", "Strict").get("id").getAsString();
        for (String[] bad : List.of(
                new String[]{"/wallet/organizations/", "{\"env_id\": 123, \"user_id\": \"x\", \"name\": \"N\", \"owner\": \"y\"}"},
                new String[]{"/wallet/organizations/", "{\"env_id\": 123, \"user_id\": \"x\", \"name\": \"  \"}"},
                new String[]{"/wallet/organizations/", "{\"env_id\": 123, \"user_id\": \"x\", \"name\": \"" + "n".repeat(101) + "\"}"},
                new String[]{"/wallet/organizations/", "{\"env_id\": 123, \"user_id\": \"x\", \"name\": \"N\", \"currency\": \"XXQ\"}"},
                new String[]{"/wallet/organizations/", "{\"env_id\": 123, \"user_id\": \"x\", \"name\": \"N\", \"name\": \"M\"}"},
                new String[]{"/wallet/organizations/" + orgId + "/members/", "{\"env_id\": 123, \"user_id\": \"x\", \"role\": \"boss\"}"},
                new String[]{"/wallet/organizations/" + orgId + "/members/", "{\"env_id\": 123, \"user_id\": \"x\"}"},
                new String[]{"/wallet/organizations/" + orgId + "/members/", "{\"env_id\": 123, \"user_id\": [1], \"role\": \"member\"}"},
                new String[]{"/wallet/organizations/" + orgId + "/members/remove/", "{\"env_id\": 123, \"user_id\": \"strict-owner\", \"role\": \"owner\"}"})) {
            HttpResponse<String> r = signed("POST", bad[0], bad[1]);
            assertThat(r.statusCode()).as(bad[1] + ": " + r.body()).isEqualTo(400);
        }
        String body = "{\"env_id\": 123, \"user_id\": \"x\", \"name\": \"Unsigned\"}";
        HttpResponse<String> unsigned = Http.send(HttpRequest.newBuilder(URI.create(server.url("/wallet/organizations/")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(401);
        assertThat(Caller.errorCode(unsigned)).isEqualTo("INVALID_SIGNATURE");
        HttpResponse<String> unsignedRead = Http.get(server.url("/wallet/organizations/" + orgId + "/?env_id=123"));
        assertThat(unsignedRead.statusCode()).isEqualTo(401);

        assertThat(members(get(orgId))).containsExactly("strict-owner:owner");
        assertThat(server.server().services().tenants().userByExternalId(new EnvId("123"), "x")).as("no user made").isEmpty();
    }

    private static JsonObject create(String owner, String name) {
        HttpResponse<String> r = signed("POST", "/wallet/organizations/",
                "{\"env_id\": 123, \"user_id\": \"" + owner + "\", \"name\": \"" + name + "\", \"currency\": \"USD\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Caller.json(r);
    }

    private static HttpResponse<String> remove(String orgId, String userId) {
        return signed("POST", "/wallet/organizations/" + orgId + "/members/remove/", "{\"env_id\": 123, \"user_id\": \"" + userId + "\"}");
    }

    private static JsonObject get(String orgId) {
        HttpResponse<String> r = signed("GET", "/wallet/organizations/" + orgId + "/?env_id=123", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Caller.json(r);
    }

    private static java.math.BigDecimal balance(String orgId) {
        return get(orgId).getAsJsonArray("wallets").get(0).getAsJsonObject().get("balance").getAsBigDecimal();
    }

    private static List<String> members(JsonObject org) {
        return org.getAsJsonArray("members").asList().stream().map(e -> e.getAsJsonObject().get("user_id").getAsString()
                + ":" + e.getAsJsonObject().get("role").getAsString()).toList();
    }

    private static String aliceId() {
        return server.server().services().tenants().userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow().id();
    }

    private static void fund(String walletId, String amount) {
        CofferServer.Services services = server.server().services();
        services.ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(walletId),
                Money.parse(amount, "USD"), Memo.description("funding for the test")), null).result().orThrow();
    }

    private static HttpResponse<String> signedWithKey(String path, String body, String key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header(PartnerRequestSigner.HEADER, PartnerSigning.fresh(DemoData.ENV_SECRET, "POST", path, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static HttpResponse<String> signedBy(String secret, String method, String pathWithQuery, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Http.send(HttpRequest.newBuilder(URI.create(server.url(pathWithQuery)))
                .header("Content-Type", "application/json")
                .header(PartnerRequestSigner.HEADER, PartnerSigning.fresh(secret, method, pathWithQuery, bytes))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }
}
