package coffer.server.http;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that takes a JSON body, fed bodies no client should send: each answer is a 4xx with a
 * code from the shared enum, never a 500, and the ledger is untouched. The routes come from what the
 * server registered, so a new route is covered the day it is added.
 */
class MalformedBodyMatrixTest extends DemoServerTest {
    private static final Map<String, String> BAD_BODIES = Map.of(
            "not JSON", "{\"amount\": ",
            "a JSON array", "[1, 2, 3]",
            "a JSON string", "\"hello\"",
            "an unknown field", "{\"definitely_not_a_field\": true}",
            "a number where an object belongs", "42",
            "deeply nested", "[".repeat(5000) + "]".repeat(5000),
            "over the size limit", "{\"description\":\"" + "x".repeat((int) HttpApi.MAX_REQUEST_BYTES + 10) + "\"}");

    @Test
    void everyBodyTakingRouteRefusesMalformedBodiesWithACode() throws Exception {
        Caller alice = server.login("alice@example.com");
        String before = alice.get("/api/v1/accounts").body();
        long movementsBefore = server.verify().movements();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        List<String> walked = new ArrayList<>();
        for (HttpApi.Route route : server.server().routes()) {
            if (!route.method().equals("POST") || !route.path().startsWith("/api/v1/") || route.path().contains("{")
                    || route.path().endsWith("/logout")) {
                continue;
            }
            walked.add(route.path());
            for (Map.Entry<String, String> bad : BAD_BODIES.entrySet()) {
                HttpResponse<String> r = Http.postJson(alice.request(route.path()), bad.getValue());
                checked++;
                String code = r.body().contains("\"code\"") ? Caller.errorCode(r) : null;
                if (r.statusCode() < 400 || r.statusCode() >= 500 || code == null) {
                    problems.add(route.path() + " with " + bad.getKey() + ": " + r.statusCode() + " "
                            + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(walked).as("routes that take a JSON body").contains("/api/v1/payments", "/api/v1/orders");
        assertThat(checked).isGreaterThanOrEqualTo(8 * BAD_BODIES.size());
        assertThat(alice.get("/api/v1/accounts").body()).isEqualTo(before);
        assertThat(server.verify().movements()).isEqualTo(movementsBefore);
    }
}
