package coffer.server.db;

import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations' layout ({@code db/migration/common} plus one folder per dialect, ARCHITECTURE.md
 * "Migrations") keeps existing databases migrating: Flyway validates every applied migration by version,
 * description and checksum, so those of a released version never change, wherever their file lives.
 */
class MigrationsTest {
    /** The sources, not the class path: a build folder may still hold files that moved. */
    private static final Path FOLDERS = Path.of("src/main/resources/db/migration");

    /** Version, description and Flyway checksum of each migration released so far, as databases recorded them. */
    private static final List<String> SQLITE_RELEASED = List.of(
            "1 ledger -1892571874", "2 auth -1289733745", "3 payments 1050923891", "4 kyc -562098097",
            "5 sync 2005371606", "6 provider topups 1504195510", "7 payouts 1676002898",
            "8 partner webhooks -773943742", "9 products -2003653064", "10 used signatures -1054464223",
            "12 holder limits -1835101805", "13 wallet status actor 1389391846", "14 return origins -656567596",
            "15 one idempotency table -1712593671", "16 lean write path 852484044", "17 holder outgoing -269556097",
            "18 wallet changes 35720505", "19 wallet changes filled 909448398",
            "20 organizations 1593504867", "21 payment approvals -265881642");
    private static final List<String> POSTGRESQL_RELEASED = List.of(
            "1 ledger -1268598610", "2 auth -839908829", "3 payments 354053482", "4 kyc 1299018882",
            "5 sync 551487998", "6 provider topups -400540992", "7 payouts -2027599207",
            "8 partner webhooks -755909270", "9 products 1597555076", "10 used signatures -1695313965",
            "11 rate limits -608929438", "12 holder limits -1895394928", "13 wallet status actor 1389391846",
            "14 return origins -1372574703", "15 one idempotency table -1712593671", "16 lean write path 852484044",
            "17 holder outgoing -269556097", "18 wallet changes -1976261753", "19 wallet changes filled 909448398",
            "20 organizations 1593504867", "21 payment approvals -265881642");

    @TempDir
    Path data;

    @Test
    void aNewSqliteDatabaseRecordsTheReleasedMigrationsAsReleased() throws SQLException {
        assertThat(applied(DatabaseConfig.sqlite(data))).startsWith(SQLITE_RELEASED.toArray(String[]::new));
    }

    @Test
    void aNewPostgresqlDatabaseRecordsTheReleasedMigrationsAsReleased() throws SQLException {
        assertThat(applied(TestDatabases.postgres())).startsWith(POSTGRESQL_RELEASED.toArray(String[]::new));
    }

    /** A migration whose text both dialects share is written once, in common; each version is in one place. */
    @Test
    void aMigrationBothDialectsShareLivesInCommonOnly() throws IOException {
        Map<String, String> common = texts("common");
        Map<String, String> sqlite = texts("sqlite");
        Map<String, String> postgresql = texts("postgresql");
        assertThat(common).isNotEmpty();

        List<String> twice = new ArrayList<>();
        for (String name : sqlite.keySet()) {
            if (sqlite.get(name).equals(postgresql.get(name))) {
                twice.add(name);
            }
        }
        assertThat(twice).as("the same text in both dialects' folders: move it to common").isEmpty();
        Set<String> dialects = Stream.concat(versions(sqlite).stream(), versions(postgresql).stream()).collect(Collectors.toSet());
        assertThat(versions(common)).as("versions in common and in a dialect's folder").doesNotContainAnyElementsOf(dialects);
    }

    private static List<String> applied(DatabaseConfig config) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Database db = Database.open(config); Connection c = db.readers().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, checksum FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
            }
        }
        return rows;
    }

    /** File name → text of one migrations folder. */
    private static Map<String, String> texts(String folder) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(FOLDERS.resolve(folder))) {
            for (Path f : files.toList()) {
                texts.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return texts;
    }

    private static Set<String> versions(Map<String, String> texts) {
        return texts.keySet().stream().map(name -> name.substring(0, name.indexOf("__"))).collect(Collectors.toSet());
    }
}
