package coffer.server.webhook;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.server.tenant.DemoData;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's webhook routes refuse anything but a fresh signature of the environment named in the
 * request, check their input, and never show or change another environment's deliveries.
 */
class WebhookRoutesTest extends DemoServerTest {
    static final String ENV = DemoData.ENV_ID;
    static final String OTHER_ENV = "webhook-other-env";
    static final String OTHER_SECRET = "secret_WebhookRoutesTestOtherEnvironment";
    static PartnerClient partner;
    static PartnerClient other;

    @BeforeAll
    static void partners() {
        partner = new PartnerClient(server, DemoData.ENV_SECRET);
        other = new PartnerClient(server, OTHER_SECRET);
        new Tenants(server.server().ledger()).ensureEnvironment(new EnvId(OTHER_ENV), "Other partner", OTHER_SECRET, null, KycLimitTable.defaults());
    }

    /** Every partner route with a body it would accept if signed; {method, path, body}. */
    static List<String[]> signedRoutes() {
        String body = "{\"env_id\":\"" + ENV + "\"}";
        return List.of(
                new String[] {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":null}"},
                new String[] {"GET", "/api/v1/partner/webhook-deliveries?env_id=" + ENV, ""},
                new String[] {"POST", "/api/v1/partner/webhook-deliveries/whd_01JD4Q2W8M3N5P7R9T1V3X5Z7B/replay", body},
                new String[] {"POST", "/api/v1/partner/refunds", "{\"env_id\":\"" + ENV + "\",\"transaction_id\":\"txn_x\"}"});
    }

    @Test
    void missingForgedStaleAndOtherEnvironmentsSignaturesAreRefused() {
        Caller alice = server.login("alice@example.com");
        List<String> problems = new ArrayList<>();
        for (String[] r : signedRoutes()) {
            List<HttpResponse<String>> answers = List.of(
                    PartnerClient.unsigned(server, r[0], r[1], r[2]),
                    new PartnerClient(server, "secret_ForgedBySomeoneWhoGuessed00000").signedAt(r[0], r[1], r[2], Instant.now()),
                    partner.signedAt(r[0], r[1], r[2], Instant.now().minusSeconds(301)),
                    // a minute ahead: the server reads its clock a moment later, which would bring 301 s back within 300
                    partner.signedAt(r[0], r[1], r[2], Instant.now().plusSeconds(360)),
                    other.signedAt(r[0], r[1], r[2], Instant.now()),
                    // a user's Bearer token is no partner signature
                    Http.send(alice.request(r[1]).header("Content-Type", "application/json").method(r[0],
                            r[2].isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r[2]))));
            for (HttpResponse<String> a : answers) {
                if (a.statusCode() != 401 || !Caller.errorCode(a).equals("INVALID_SIGNATURE")) {
                    problems.add(r[0] + " " + r[1] + ": " + a.statusCode() + " " + a.body());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void badInputIsRefusedWithACode() {
        String[][] table = {
                // method, path, body, expected status, expected code
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":\"ftp://example.com/hook\"}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":\"not a url\"}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":\"/relative/path\"}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":\"https://user:pw@example.com/\"}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":\"https://example.com/" + "x".repeat(2100) + "\"}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":42}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"hook\":\"https://example.com\"}", "400", "INVALID_REQUEST"},
                {"PUT", "/api/v1/partner/webhook", "{\"url\":\"https://example.com\"}", "401", "INVALID_SIGNATURE"},
                {"PUT", "/api/v1/partner/webhook", "not json", "401", "INVALID_SIGNATURE"},
                // only a lenient parser reads these, so they name no environment (a lenient one would set the last url)
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\",\"url\":\"http://127.0.0.1:9/hook\",\"url\":null}", "401", "INVALID_SIGNATURE"},
                {"PUT", "/api/v1/partner/webhook", "{'env_id':'" + ENV + "','url':'http://127.0.0.1:9/hook'}", "401", "INVALID_SIGNATURE"},
                {"PUT", "/api/v1/partner/webhook", "{\"env_id\":\"" + ENV + "\", // note\n\"url\":\"http://127.0.0.1:9/hook\"}", "401", "INVALID_SIGNATURE"},
                {"GET", "/api/v1/partner/webhook-deliveries?env_id=" + ENV + "&status=lost", "", "400", "INVALID_REQUEST"},
                {"GET", "/api/v1/partner/webhook-deliveries?env_id=" + ENV + "&limit=0", "", "400", "INVALID_REQUEST"},
                {"GET", "/api/v1/partner/webhook-deliveries?env_id=" + ENV + "&limit=101", "", "400", "INVALID_REQUEST"},
                {"GET", "/api/v1/partner/webhook-deliveries?env_id=" + ENV + "&cursor=garbage", "", "400", "INVALID_REQUEST"},
                {"GET", "/api/v1/partner/webhook-deliveries?env_id=" + ENV + "&colour=blue", "", "400", "INVALID_REQUEST"},
                {"GET", "/api/v1/partner/webhook-deliveries", "", "401", "INVALID_SIGNATURE"},
                {"POST", "/api/v1/partner/webhook-deliveries/whd_01JD4Q2W8M3N5P7R9T1V3X5Z7B/replay", "{\"env_id\":\"" + ENV + "\"}", "404", "NOT_FOUND"},
                {"POST", "/api/v1/partner/webhook-deliveries/nonsense/replay", "{\"env_id\":\"" + ENV + "\"}", "404", "NOT_FOUND"},
                {"POST", "/api/v1/partner/webhook-deliveries/whd_01JD4Q2W8M3N5P7R9T1V3X5Z7B/replay", "{\"env_id\":\"" + ENV + "\",\"x\":1}", "400", "INVALID_REQUEST"},
                {"POST", "/api/v1/partner/refunds", "{\"env_id\":\"" + ENV + "\"}", "400", "INVALID_REQUEST"},
                {"POST", "/api/v1/partner/refunds", "{\"env_id\":\"" + ENV + "\",\"transaction_id\":\"txn_nope\"}", "404", "NOT_FOUND"},
                {"POST", "/api/v1/partner/refunds", "{\"env_id\":\"" + ENV + "\",\"transaction_id\":\"txn_nope\",\"extra\":true}", "400", "INVALID_REQUEST"},
        };
        List<String> problems = new ArrayList<>();
        for (String[] row : table) {
            HttpResponse<String> r = partner.signedAt(row[0], row[1], row[2], Instant.now());
            if (r.statusCode() != Integer.parseInt(row[3]) || !Caller.errorCode(r).equals(row[4])) {
                problems.add(row[0] + " " + row[1].substring(0, Math.min(90, row[1].length())) + " "
                        + row[2].substring(0, Math.min(90, row[2].length())) + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(new Tenants(server.server().ledger()).environment(new EnvId(ENV)).orElseThrow().webhookUrl()).as("nothing was set").isNull();
    }

    @Test
    void theUrlIsSetAndClearedByItsOwnEnvironmentOnly() {
        HttpResponse<String> set = other.put("/api/v1/partner/webhook",
                "{\"env_id\":\"" + OTHER_ENV + "\",\"url\":\"https://partner.example/hooks\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(new Tenants(server.server().ledger()).environment(new EnvId(OTHER_ENV)).orElseThrow().webhookUrl()).isEqualTo("https://partner.example/hooks");
        assertThat(new Tenants(server.server().ledger()).environment(new EnvId(ENV)).orElseThrow().webhookUrl()).isNull();

        HttpResponse<String> cleared = other.put("/api/v1/partner/webhook", "{\"env_id\":\"" + OTHER_ENV + "\",\"url\":null}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(Caller.json(cleared).has("url")).isFalse();
        assertThat(new Tenants(server.server().ledger()).environment(new EnvId(OTHER_ENV)).orElseThrow().webhookUrl()).isNull();
    }
}
