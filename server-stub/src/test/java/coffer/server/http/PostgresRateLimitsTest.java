package coffer.server.http;

import coffer.server.CofferServer;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the buckets live in the database: several server processes on one database count
 * together (N processes do not allow N times the limit), and buckets that have refilled are deleted.
 */
class PostgresRateLimitsTest {
    private static final String WRONG_PASSWORD = "{\"email\":\"alice@example.com\",\"password\":\"not-her-password\"}";

    @Test
    @Timeout(180)
    void twoServersOnOneDatabaseShareTheSignInLimit() {
        CofferServer.Options options = new CofferServer.Options(0, TestDatabases.postgres(), true)
                .withSettings(TestServer.settings().withRateLimits(RateLimits.defaults()
                        // the default's 10 an hour rather than a minute: ten password checks take a while here
                        .withSignIn(new RateLimits.Limit(10, Duration.ofHours(1)))));
        try (CofferServer a = CofferServer.start(options); CofferServer b = CofferServer.start(options)) {
            long allowed = options.settings().rateLimits().signIn().requests();
            for (int i = 0; i < allowed; i++) {
                HttpResponse<String> r = Http.post(a.baseUrl() + "/api/v1/auth/login", WRONG_PASSWORD);
                assertThat(r.statusCode()).as("attempt %d on the first server: %s", i + 1, r.body()).isEqualTo(401);
            }
            HttpResponse<String> next = Http.post(b.baseUrl() + "/api/v1/auth/login", WRONG_PASSWORD);
            assertThat(next.statusCode()).as("the next attempt, on the second server: %s", next.body()).isEqualTo(429);
            assertThat(next.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    @Timeout(120)
    void bucketsThatHaveRefilledAreDeleted() throws SQLException {
        DatabaseConfig config = TestDatabases.postgres();
        try (Database database = Database.open(config); BucketStore buckets = BucketStore.postgres(database.readers())) {
            assertThat(buckets.bucket("brief", new RateLimits.Limit(1, Duration.ofMillis(300))).tryConsume(1)).isTrue();
            assertThat(buckets.bucket("long", new RateLimits.Limit(1, Duration.ofHours(1))).tryConsume(1)).isTrue();
            assertThat(buckets.bucket("brief", new RateLimits.Limit(1, Duration.ofMillis(300))).tryConsume(1))
                    .as("the same bucket, shared through the table").isFalse();
            assertThat(rows(database)).isEqualTo(2);

            long left = Poll.until(() -> {
                buckets.removeExpired();
                return rows(database);
            }, n -> n == 1);
            assertThat(left).as("only the bucket still refilling is kept").isEqualTo(1);
            assertThat(buckets.bucket("long", new RateLimits.Limit(1, Duration.ofHours(1))).tryConsume(1)).isFalse();
        }
    }

    private static long rows(Database database) {
        try (Connection c = database.readers().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + BucketStore.TABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
