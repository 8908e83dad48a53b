package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The local ledger's migrations run on users' machines, and Flyway refuses to open a file whose applied
 * migrations changed since: those of a released version never change.
 */
class LocalMigrationsTest {
    /** Version, description and Flyway checksum of each local migration released so far. */
    private static final List<String> RELEASED = List.of("1 local ledger 1538986036", "10 outbox -1724235135");

    @TempDir
    Path dir;

    @Test
    void aNewLocalLedgerRecordsTheReleasedMigrationsAsReleased() {
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("ledger.db"))) {
            List<String> applied = db.read(c -> {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT version, description, checksum FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
                    while (r.next()) {
                        rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getInt(3));
                    }
                }
                return rows;
            });
            assertThat(applied).startsWith(RELEASED.toArray(String[]::new));
        }
    }

    @Test
    void aCopySyncedBeforeWalletsKnewTheirHolderIsSyncedAgainFromTheStartAndItsOutboxIsKept() throws Exception {
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/local").target("11")
                .load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO wallets VALUES ('w1', 'USD', 1000, 1000, 0, 'active', 7)");
            s.executeUpdate("INSERT INTO transactions (id, kind, status, amount_minor, currency, to_wallet, created_at, seq)"
                    + " VALUES ('t1', 'topup', 'completed', 1000, 'USD', 'w1', '2026-01-01T00:00:00Z', 7)");
            s.executeUpdate("UPDATE sync_state SET cursor = 'c7', seq = 7 WHERE id = 1");
        }
        try (LocalDatabase db = LocalDatabase.open(file)) {
            LocalLedger ledger = new LocalLedger(db);
            assertThat(ledger.wallets()).as("an organization's wallet could not be told from the user's own").isEmpty();
            assertThat(ledger.state().cursor()).as("the next sync starts from the beginning").isNull();
            assertThat(new Outbox(db, java.time.Clock.systemUTC()).unfinished()).isEmpty();
        }
    }
}
