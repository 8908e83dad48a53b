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
}
