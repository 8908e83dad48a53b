package coffer.server.http;

import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single process remembers a bounded number of clients, and a flood of new clients (far more than
 * that bound) never makes it forget a client that used up its allowance: the newcomers wait instead.
 */
class BoundedBucketsTest {
    private static final int TRACKED = 200;
    private static final int BURST = 3;

    @RegisterExtension
    static final ServerExtension server = new ServerExtension(TestServer.settings().withRateLimits(RateLimits.defaults()
            .withSignIn(new RateLimits.Limit(BURST, Duration.ofHours(1)))
            .withMaxTrackedClients(TRACKED)));

    @Test
    void aFloodOfNewClientsDoesNotRefillAnExhaustedOne() {
        int port = server.get().server().port();
        TestServer.Caller alice = server.get().login("alice@example.com");
        RawHttp attacker = RawHttp.to(port, "127.0.50.1");
        for (int i = 0; i < BURST; i++) {
            assertThat(attacker.send("POST", "/api/v1/auth/register", "{}").status()).isEqualTo(400);
        }
        assertThat(attacker.send("POST", "/api/v1/auth/register", "{}").rateLimited()).isTrue();
        int flood = 5 * TRACKED;
        int served = 0;
        for (int i = 0; i < flood; i++) {
            RawHttp.Answer r = RawHttp.to(port, "127.0." + (51 + i / 250) + "." + (1 + i % 250))
                    .send("POST", "/api/v1/auth/register", "{}");
            assertThat(r.status() == 400 || r.rateLimited()).as("new client %d: %s", i, r.body()).isTrue();
            served += r.status() == 400 ? 1 : 0;
        }
        assertThat(served).as("new clients served while the others refill").isLessThan(TRACKED);
        assertThat(attacker.send("POST", "/api/v1/auth/register", "{}").rateLimited())
                .as("the exhausted client after %d new clients", flood).isTrue();
        // each class of routes keeps its own count: a signed-in user is not crowded out by sign-in floods
        assertThat(alice.post("/api/v1/payments", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void aProcessRemembersAtMostItsBoundOfClients() {
        try (BucketStore buckets = BucketStore.inMemory(100)) {
            RateLimits.Limit limit = new RateLimits.Limit(2, Duration.ofHours(1));
            assertThat(buckets.take("exhausted", limit)).isZero();
            assertThat(buckets.take("exhausted", limit)).isZero();
            assertThat(buckets.take("exhausted", limit)).isPositive();
            for (int i = 0; i < 20_000; i++) {
                buckets.take("client-" + i, limit);
            }
            assertThat(buckets.tracked()).isLessThanOrEqualTo(100);
            assertThat(buckets.take("exhausted", limit)).as("still exhausted").isPositive();
        }
    }
}
