package coffer.server.kyc;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kyc_submissions} on both databases: one pending submission per user, decided once. */
class KycStoreTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void oneSubmissionPendingPerUserUntilItIsDecided(String dialect) {
        DatabaseConfig config = dialect.equals("sqlite") ? TestDatabases.sqlite(data) : TestDatabases.postgres();
        try (Database database = Database.open(config);
             LedgerService ledger = new LedgerService(database, Clock.systemUTC(),
                     LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            new Tenants(ledger).ensureEnvironment(new EnvId("env-1"), "Test", "secret-1", null, KycLimitTable.defaults());
            String user = new Tenants(ledger).ensureUser(NewUser.byEmail(new EnvId("env-1"), "dora@example.com",
                    "Dora"))
                    .orThrow().id();
            KycStore store = new KycStore(database);
            KycApplication application = new KycApplication("Dora Example", LocalDate.of(1990, 4, 23), "DE", "passport", "4567");
            Instant now = Instant.parse("2026-03-01T10:00:00Z");

            assertThat(store.insertPending(new KycSubmission("kyc_1", "env-1", user, application, now))).isTrue();
            assertThat(store.insertPending(new KycSubmission("kyc_2", "env-1", user, application, now))).isFalse();
            assertThat(store.pending()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo("kyc_1");
                assertThat(s.application()).isEqualTo(application);
                assertThat(s.submittedAt()).isEqualTo(now);
            });

            assertThat(store.decide("kyc_1", KycStatus.REJECTED, "The document could not be verified.", now)).isTrue();
            assertThat(store.decide("kyc_1", KycStatus.VERIFIED, "again", now)).isFalse();
            assertThat(store.pending()).isEmpty();
            assertThat(store.insertPending(new KycSubmission("kyc_3", "env-1", user, application, now))).isTrue();
        }
    }
}
