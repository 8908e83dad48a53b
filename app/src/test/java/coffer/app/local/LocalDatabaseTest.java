package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

class LocalDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheSchemaAndKeepsWhatWasCommittedAcrossReopening() {
        Path file = dir.resolve("nested/ledger.db");
        try (LocalDatabase db = LocalDatabase.open(file)) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO wallets VALUES ('w1', 'USD', 1000, 900, 100, 'active', 7, NULL)");
                }
            });
        }
        try (LocalDatabase db = LocalDatabase.open(file)) {
            assertThat(availableOf(db, "w1")).isEqualTo(900L);
            assertThat(db.<Long>read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq FROM sync_state")) {
                    r.next();
                    return r.getLong(1);
                }
            })).isZero();
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingBehind() {
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("ledger.db"))) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO wallets VALUES ('w1', 'USD', 1000, 900, 100, 'active', 7, NULL)");
                    // a movement must have a positive amount: the second statement fails
                    return s.executeUpdate("INSERT INTO transactions (id, kind, status, amount_minor, currency, created_at, seq)"
                            + " VALUES ('t1', 'p2p', 'completed', 0, 'USD', '2026-01-01T00:00:00Z', 7)");
                }
            })).isInstanceOf(LocalStoreException.class);
            assertThat(availableOf(db, "w1")).isEqualTo(-1L);
        }
    }

    private static long availableOf(LocalDatabase db, String wallet) {
        return db.<Long>read(c -> {
            try (var s = c.prepareStatement("SELECT available_minor FROM wallets WHERE id = ?")) {
                s.setString(1, wallet);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : -1L;
                }
            }
        });
    }
}
