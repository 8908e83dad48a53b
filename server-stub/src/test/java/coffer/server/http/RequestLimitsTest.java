package coffer.server.http;

import coffer.server.testing.Http;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized bodies are 413; a burst beyond the rate limits is 429 with Retry-After, per client. */
class RequestLimitsTest {
    /** Large enough for the registrations the other tests make; exhausted on refresh only. */
    private static final int SIGN_IN_BURST = 20;
    private static final int MONEY_BURST = 2;

    @RegisterExtension
    static final ServerExtension server = new ServerExtension(TestServer.settings().withRateLimits(
            RateLimits.defaults()
                    .withSignIn(new RateLimits.Limit(SIGN_IN_BURST, Duration.ofHours(1)))
                    .withMoneyMoving(new RateLimits.Limit(MONEY_BURST, Duration.ofHours(1)))));

    private static String oversized() {
        return "{\"email\":\"" + "a".repeat((int) HttpApi.MAX_REQUEST_BYTES) + "@example.com\",\"password\":\"x\"}";
    }

    @Test
    void anOversizedBodyIs413InTheSharedErrorShape() {
        HttpResponse<String> r = Http.post(server.get().url("/api/v1/kyc/submissions"), oversized());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Caller.errorCode(r)).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anOversizedBodySentWithoutALengthIs413Too() {
        Caller alice = server.get().login("bob@example.com");
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = Http.send(alice.request("/api/v1/kyc/submissions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Caller.errorCode(r)).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void signInIsLimitedPerPathAfterTheBurstWithRetryAfter() {
        String wrong = "{\"refresh_token\":\"not-a-token\"}";
        for (int i = 0; i < SIGN_IN_BURST; i++) {
            assertThat(Http.post(server.get().url("/api/v1/auth/refresh"), wrong).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = Http.post(server.get().url("/api/v1/auth/refresh"), wrong);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Caller.errorCode(limited)).isEqualTo("RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 3600L));
        // another sign-in route has its own bucket
        assertThat(Http.post(server.get().url("/api/v1/auth/register"), "{}").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/payments", "/api/v1/transfers"})
    void moneyMovingPostsAreLimitedPerUser(String path) {
        Caller caller = server.get().register("limited" + Math.abs(path.hashCode()) + "@example.com");
        for (int i = 0; i < MONEY_BURST; i++) {
            assertThat(caller.post(path, "{}").statusCode()).isNotEqualTo(429);
        }
        HttpResponse<String> limited = caller.post(path, "{}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Caller.errorCode(limited)).isEqualTo("RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // reading is not limited, and another user still has their own allowance
        assertThat(caller.get("/api/v1/accounts").statusCode()).isEqualTo(200);
        Caller other = server.get().register("unlimited" + Math.abs(path.hashCode()) + "@example.com");
        assertThat(other.post(path, "{}").statusCode()).isNotEqualTo(429);
    }

    @Test
    void nonMoneyRoutesAreNotLimited() {
        Caller caller = server.get().register("reader@example.com");
        for (int i = 0; i < MONEY_BURST + 3; i++) {
            assertThat(caller.post("/api/v1/accounts", "{\"currency\":\"EUR\"}").statusCode()).isIn(200, 201);
        }
    }

    @Test
    void theDefaultsLeaveRoomForTheDemoApp() {
        RateLimits defaults = RateLimits.defaults();
        assertThat(defaults.signIn().requests()).isGreaterThanOrEqualTo(10);
        assertThat(defaults.moneyMoving().requests()).isGreaterThanOrEqualTo(30);
        assertThat(defaults.signIn().per()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void unauthenticatedMoneyRequestsAre401NotCounted() {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(server.get().url("/api/v1/payments")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
