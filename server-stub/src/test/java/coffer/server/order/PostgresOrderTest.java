package coffer.server.order;

import coffer.server.CofferServer;
import coffer.server.testing.Http;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalogue and an order on PostgreSQL: the other dialect's V9 migration and the same queries. */
class PostgresOrderTest {
    @Test
    void theDemoCatalogueSellsAndAnOrderIsPaidOnPostgres() {
        try (CofferServer server = CofferServer.start(new CofferServer.Options(0, TestDatabases.postgres(), true)
                .withSettings(TestServer.settings()))) {
            String base = server.baseUrl();
            String token = Caller.json(Http.post(base + "/api/v1/auth/login",
                    "{\"email\":\"bob@example.com\",\"password\":\"demo-password\"}")).get("access_token").getAsString();
            String wallet = Caller.json(request(base, token, "/api/v1/accounts")).getAsJsonArray("accounts").get(0)
                    .getAsJsonObject().get("id").getAsString();

            assertThat(Caller.json(request(base, token, "/api/v1/products")).getAsJsonArray("products")).hasSize(4);
            HttpResponse<String> order = Http.postJson(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                    .header("Authorization", "Bearer " + token), "{\"wallet_id\":\"" + wallet + "\",\"product_id\":\"gift-card-50\"}");

            assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
            assertThat(Caller.json(request(base, token, "/api/v1/accounts/" + wallet)).getAsJsonObject("account")
                    .get("balance").getAsString()).isEqualTo("950.00");
            assertThat(Caller.json(request(base, token, "/api/v1/orders")).getAsJsonArray("orders")).hasSize(1);
        }
    }

    private static HttpResponse<String> request(String base, String token, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }
}
