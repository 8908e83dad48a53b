package coffer.server.settlement;

import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import coffer.server.json.Json;
import coffer.server.tenant.DemoData;
import coffer.server.testing.Http;
import coffer.server.testing.MutableClock;
import coffer.server.testing.Poll;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.TestServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one PostgreSQL database, both running the settlement scheduler and polling
 * often: each period of a schedule is settled exactly once, and the ledger stays exact.
 */
class PostgresScheduleTwoServersTest {
    private final MutableClock clock = MutableClock.ticking(Instant.now());

    @Test
    @Timeout(180)
    void aScheduleIsNeverRunTwiceForOnePeriodByTwoServers() throws Exception {
        DatabaseConfig config = TestDatabases.postgres();
        CofferServer.Options options = new CofferServer.Options(0, config, true)
                .withSettings(TestServer.settings().withSchedules(new ScheduleSettings(Duration.ofMillis(50), clock)));
        try (CofferServer a = CofferServer.start(options); CofferServer b = CofferServer.start(options)) {
            String token = login(a);
            String wallet = json(send(a, token, "GET", "/api/v1/accounts", null)).getAsJsonArray("accounts").get(0)
                    .getAsJsonObject().get("id").getAsString();
            JsonObject account = json(send(b, token, "POST", "/api/v1/bank-accounts",
                    "{\"bank_code\":\"058\",\"account_number\":\"0123456789\"}"));
            HttpResponse<String> created = send(a, token, "POST", "/api/v1/settlement-schedules", "{\"wallet_id\":\"" + wallet
                    + "\",\"bank_account_id\":\"" + account.get("bank_account_id").getAsString()
                    + "\",\"frequency\":\"daily\",\"minimum_amount\":\"0\",\"amount\":\"10.00\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            for (int day = 1; day <= 3; day++) {
                clock.advance(Duration.ofDays(1));
                int expected = day;
                JsonArray made = Poll.until(() -> json(send(b, token, "GET", "/api/v1/settlements", null))
                        .getAsJsonArray("settlements"), l -> l.size() >= expected);
                assertThat(made).as("settlements after %d periods", day).hasSize(day);
                // the run records itself after its settlement: wait until this period's run is over
                Poll.until(() -> schedule(a, token).get("next_settlement").getAsString(),
                        next -> Instant.parse(next).isAfter(clock.instant()));
            }
            JsonObject balance = json(send(b, token, "GET", "/api/v1/accounts/" + wallet, null)).getAsJsonObject("account");
            assertThat(balance.get("balance").getAsString()).isEqualTo("970.00");
            assertThat(json(send(a, token, "GET", "/api/v1/settlements", null)).getAsJsonArray("settlements")).hasSize(3);
            assertThat(a.ledger().verifyInvariants().violations()).isEmpty();
        }
    }

    private static JsonObject schedule(CofferServer server, String token) {
        return json(send(server, token, "GET", "/api/v1/settlement-schedules", null)).getAsJsonArray("schedules").get(0)
                .getAsJsonObject();
    }

    private static String login(CofferServer server) {
        HttpResponse<String> r = Http.post(server.baseUrl() + "/api/v1/auth/login",
                "{\"email\":\"alice@example.com\",\"password\":\"" + DemoData.PASSWORD + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").getAsString();
    }

    private static HttpResponse<String> send(CofferServer server, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            return Http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return Http.postJson(request, body);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.gson().fromJson(r.body(), JsonObject.class);
    }
}
