package coffer.server.http;

import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.db.Jdbc;
import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code used_signatures} on both databases: one first use per environment and signature, and expired rows removed. */
class UsedSignaturesTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final String DIGEST = "a".repeat(64);

    @TempDir
    Path data;

    private Database open(String dialect) {
        DatabaseConfig config = dialect.equals("sqlite") ? TestDatabases.sqlite(data) : TestDatabases.postgres();
        return Database.open(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aSignatureIsUsedFirstOnceInEachEnvironmentAndLaterUsesSeeTheFirstKey(String dialect) {
        try (Database database = open(dialect)) {
            UsedSignatures used = new UsedSignatures(database);

            assertThat(used.use("env-1", DIGEST, "key-1", T)).isEmpty();
            assertThat(used.use("env-1", DIGEST, "key-2", T)).contains(new UsedSignatures.FirstUse("key-1"));
            assertThat(used.use("env-1", DIGEST, null, T)).contains(new UsedSignatures.FirstUse("key-1"));
            assertThat(used.use("env-2", DIGEST, null, T)).as("another environment's requests spend nothing of env-1's").isEmpty();
            assertThat(used.use("env-2", DIGEST, "key-1", T)).contains(new UsedSignatures.FirstUse(null));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void expiredRowsArePurgedAndTheOthersKept(String dialect) {
        try (Database database = open(dialect)) {
            UsedSignatures used = new UsedSignatures(database);
            int expired = UsedSignatures.PURGE_BATCH + 5;
            // in one transaction: a commit per row would take seconds
            new Jdbc(database).inTransaction(tx -> {
                for (int i = 0; i < expired; i++) {
                    tx.update("INSERT INTO used_signatures (env_id, digest, idempotency_key, expires_at) VALUES (?, ?, NULL, ?)",
                            "env-1", String.format("%064x", i), T.toEpochMilli() + i % 7);
                }
                return null;
            });
            used.use("env-1", DIGEST, "live", T.plus(Duration.ofMinutes(10)));

            assertThat(used.purgeExpired(T)).as("nothing has expired before T").isZero();
            assertThat(used.purgeExpired(T.plusSeconds(1))).as("more than one batch").isEqualTo(expired);
            assertThat(rows(database)).isEqualTo(1);
            assertThat(used.use("env-1", DIGEST, null, T)).contains(new UsedSignatures.FirstUse("live"));
            assertThat(used.purgeExpired(T.plus(Duration.ofMinutes(10)).plusMillis(1))).isEqualTo(1);
            assertThat(rows(database)).isZero();
        }
    }

    private static long rows(Database database) {
        return new Jdbc(database).one("SELECT COUNT(*) FROM used_signatures", rs -> rs.getLong(1)).orElseThrow();
    }
}
