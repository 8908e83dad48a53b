package coffer.server.redirect;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.server.tenant.DemoData;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import coffer.server.webhook.PartnerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user cannot make Coffer's checkout or payout page end on a site of their choosing: a return URL a
 * user names (top-ups, withdrawals, the web wallet's deposit) must be on Coffer's own origin or one the
 * environment's partner listed, else 400 INVALID_REQUEST naming the field, and nothing is created or
 * held. The partner sets the list with a signed request, and its own signed requests name any URL.
 */
class ReturnOriginsTest extends DemoServerTest {
    static final String ALLOWED = "https://shop.example";
    /** Return URLs that are not on the allowed origins, some of them made to look as if they were. */
    static final List<String> FOREIGN = List.of("https://evil.example/", "https://evil.example/back?order=7",
            "http://shop.example/back", "https://shop.example:8443/back", "https://shop.example.evil.example/",
            "https://shop.example@evil.example/", "https://user:pw@shop.example/", "https://evil.example#@shop.example",
            "https://evil.example\\\\@shop.example/", "//evil.example/", "javascript:alert(1)");
    static PartnerClient partner;

    @BeforeAll
    static void allowOneOrigin() {
        partner = new PartnerClient(server, DemoData.ENV_SECRET);
        HttpResponse<String> set = partner.put("/api/v1/partner/return-origins",
                "{\"env_id\":\"" + DemoData.ENV_ID + "\",\"origins\":[\"" + ALLOWED + "\"]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    @Test
    void aTopupsReturnUrlMustBeOnAnAllowedOrigin() {
        User ada = TestUsers.funded(server, "return-topup", "0.00");
        List<String> problems = new ArrayList<>();
        for (String url : FOREIGN) {
            HttpResponse<String> r = ada.caller().post("/api/v1/topups", body(ada, url));
            expectRefused(problems, url, r, "return_url");
        }
        assertThat(problems).isEmpty();
        assertThat(Caller.json(ada.caller().get("/api/v1/topups")).getAsJsonArray("topups")).as("nothing was created").isEmpty();

        for (String url : List.of(ALLOWED + "/back?order=7", "https://Shop.Example:443/back", server.url("/anywhere/on/coffer"))) {
            HttpResponse<String> r = ada.caller().post("/api/v1/topups", body(ada, url));
            assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(201);
        }
    }

    @Test
    void aWithdrawalsReturnUrlAndAWebDepositsCallbackUrlAreHeldToTheSameOrigins() {
        User ada = TestUsers.funded(server, "return-withdrawal", "50.00");
        List<String> problems = new ArrayList<>();
        for (String url : FOREIGN) {
            expectRefused(problems, url, ada.caller().post("/api/v1/withdrawals", body(ada, url)), "return_url");
            expectRefused(problems, url, ada.caller().post("/wallet/api/wallets/default/deposit/",
                    "{\"amount\": 5, \"callback_url\": \"" + url + "\"}"), "callback_url");
        }
        assertThat(problems).isEmpty();
        assertThat(Caller.json(ada.caller().get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).as("nothing held").isEmpty();
        assertThat(Caller.json(ada.caller().get("/api/v1/accounts/" + ada.walletId())).getAsJsonObject("account")
                .get("available_balance").getAsString()).isEqualTo("50.00");
        assertThat(Caller.json(ada.caller().get("/api/v1/topups")).getAsJsonArray("topups")).as("no deposit opened").isEmpty();

        assertThat(ada.caller().post("/api/v1/withdrawals", body(ada, ALLOWED + "/paid")).statusCode()).isEqualTo(201);
        assertThat(ada.caller().post("/wallet/api/wallets/default/deposit/",
                "{\"amount\": 5, \"callback_url\": \"" + ALLOWED + "/callback/\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedPartnerRequestNamesItsOwnReturnUrl() {
        String wallet = server.server().ledger().wallets(DemoData.ENV_ID,
                new Tenants(server.server().ledger()).userByExternalId(new EnvId(DemoData.ENV_ID), DemoData.PARTNER_USER_ID).orElseThrow().id())
                .get(0).id();
        HttpResponse<String> r = partner.post("/wallet/topup/", "{\"env_id\": \"" + DemoData.ENV_ID + "\", \"user_id\": \""
                + DemoData.PARTNER_USER_ID + "\", \"wallet_id\": \"" + wallet + "\", \"amount\": 5, \"return_url\": "
                + "\"https://partner-chosen.example/back\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Caller.json(r).get("url").getAsString()).startsWith(server.url("/provider/checkout/"));
    }

    @Test
    void onlyTheEnvironmentsPartnerSetsTheListWhichIsNormalisedAndReplaced() {
        String env = "return-origins-other";
        String secret = "secret_ReturnOriginsTestOtherEnvironment0";
        new Tenants(server.server().ledger()).ensureEnvironment(new EnvId(env), "Other", secret, null, KycLimitTable.defaults());
        PartnerClient other = new PartnerClient(server, secret);
        String body = "{\"env_id\":\"" + env + "\",\"origins\":[\"HTTPS://App.Example:443/\",\"http://localhost:8000\","
                + "\"https://app.example\"]}";
        assertThat(PartnerClient.unsigned(server, "PUT", "/api/v1/partner/return-origins", body).statusCode()).isEqualTo(401);
        assertThat(partner.put("/api/v1/partner/return-origins", body).statusCode()).as("another environment's secret").isEqualTo(401);

        HttpResponse<String> set = other.put("/api/v1/partner/return-origins", body);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Caller.json(set).getAsJsonArray("origins").asList()).extracting(e -> e.getAsString())
                .containsExactly("http://localhost:8000", "https://app.example");

        List<String> problems = new ArrayList<>();
        for (String bad : List.of("\"origins\":[\"https://app.example/path\"]", "\"origins\":[\"ftp://app.example\"]",
                "\"origins\":[\"https://user@app.example\"]", "\"origins\":[\"https://app.example?x=1\"]",
                "\"origins\":[\"app.example\"]", "\"origins\":[null]", "\"origins\":\"https://app.example\"", "\"origins\":null",
                "\"origins\":[\"https://app.example\"],\"extra\":1")) {
            HttpResponse<String> r = other.put("/api/v1/partner/return-origins", "{\"env_id\":\"" + env + "\"," + bad + "}");
            if (r.statusCode() != 400 || !Caller.errorCode(r).equals("INVALID_REQUEST")) {
                problems.add(bad + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(problems).isEmpty();

        HttpResponse<String> cleared = other.put("/api/v1/partner/return-origins", "{\"env_id\":\"" + env + "\",\"origins\":[]}");
        assertThat(Caller.json(cleared).getAsJsonArray("origins")).isEmpty();
    }

    private static void expectRefused(List<String> problems, String url, HttpResponse<String> r, String field) {
        if (r.statusCode() != 400 || !Caller.errorCode(r).equals("INVALID_REQUEST")
                || !Caller.json(r).getAsJsonObject("error").get("message").getAsString().startsWith("'" + field + "'")) {
            problems.add(field + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
    }

    /** A top-up's or a withdrawal's body: 5.00 USD from or to the user's wallet, with {@code returnUrl}. */
    private static String body(User user, String returnUrl) {
        return "{\"wallet_id\":\"" + user.walletId() + "\",\"amount\":\"5.00\",\"currency\":\"USD\",\"return_url\":\"" + returnUrl + "\"}";
    }
}
