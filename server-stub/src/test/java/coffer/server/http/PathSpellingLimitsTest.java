package coffer.server.http;

import coffer.server.json.Json;
import coffer.server.tenant.DemoData;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rate limit holds for the route that handles a request, whatever spelling of the path reached it:
 * once a client's allowance on a route is used up, no spelling of that route gets past the limit (a
 * trailing slash reaches the same route and is refused 429; the other spellings reach no route at all).
 */
class PathSpellingLimitsTest {
    private static final int BURST = 3;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @RegisterExtension
    static final ServerExtension server = new ServerExtension(TestServer.settings().withRateLimits(RateLimits.defaults()
            .withSignIn(new RateLimits.Limit(BURST, Duration.ofHours(1)))
            .withMoneyMoving(new RateLimits.Limit(BURST, Duration.ofHours(1)))));

    /** A client of its own: a loopback address no other test uses. */
    private static RawHttp client() {
        int n = CLIENTS.incrementAndGet();
        return RawHttp.to(server.get().server().port(), "127.0.20." + n);
    }

    /** A new user's access token, registered from an address of its own. */
    private static String newUser() {
        RawHttp.Answer r = client().send("POST", "/api/v1/auth/register", "{\"email\":\"speller" + CLIENTS.incrementAndGet()
                + "@example.com\",\"password\":\"password-1234\",\"name\":\"Speller\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Json.gson().fromJson(r.body(), JsonObject.class).get("access_token").getAsString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/login                   | {\"email\":\"alice@example.com\",\"password\":\"" + DemoData.PASSWORD + "\"}",
            "/api/v1/auth/register                | {}",
            "/api/v1/auth/refresh                 | {\"refresh_token\":\"not-a-token\"}",
            "/api/v1/orders                       | {\"wallet_id\":\"x\",\"product_id\":\"coffee-beans\"}",
            "/api/v1/payments/batch               | {\"payments\":[]}",
            "/api/v1/topups/x1/refunds            | {}",
            "/wallet/api/wallets/default/deposit/ | {\"amount\":\"1.00\"}"})
    void anExhaustedRouteStaysShutWhateverTheSpelling(String route, String body) {
        // a client of its own with a valid access token, as in the attack (the sign-in routes ignore it)
        RawHttp client = client().header("Authorization", "Bearer " + newUser());
        useUp(client, route, body);
        assertNoSpellingGetsThrough(client, route, body);
    }

    /** Spends the whole burst, through the spellings that reach the route. */
    private static void useUp(RawHttp client, String route, String body) {
        String base = route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
        List<String> reaching = List.of(base + "/", base, base + "?x=1");
        for (int i = 0; i < BURST; i++) {
            RawHttp.Answer r = client.send("POST", reaching.get(i % reaching.size()), body);
            assertThat(r.rateLimited()).as("attempt %d at %s: %s", i + 1, reaching.get(i % reaching.size()), r.body()).isFalse();
        }
    }

    private static void assertNoSpellingGetsThrough(RawHttp client, String route, String body) {
        List<String> through = new ArrayList<>();
        for (String spelling : Spellings.of(route)) {
            RawHttp.Answer r = client.send("POST", spelling, body);
            if (!r.reachedNoHandler()) {
                through.add(spelling + " -> " + r.status() + " " + r.body());
            }
        }
        assertThat(through).as("spellings of %s that reached its handler after the limit", route).isEmpty();
        String base = route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
        assertThat(client.send("POST", base + "/", body).rateLimited()).as("trailing slash").isTrue();
        assertThat(client.send("POST", base, body).rateLimited()).as("no trailing slash").isTrue();
    }
}
