package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The history's indexes: ascending (so appends fill their pages), and every history page read along one. */
class LocalHistoryIndexTest {
    private static final List<String> INDEXES = List.of("transactions_from_created", "transactions_to_created",
            "transactions_created");

    @TempDir
    Path dir;

    @Test
    void aFileWrittenBeforeTheAscendingIndexesGetsThemAndKeepsItsMovementsInOrder() throws SQLException {
        Path file = dir.resolve("ledger.db");
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(old).locations("classpath:db/local").target("10").load().migrate();
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            assertThat(descendingColumns(c, "transactions_created")).containsExactly("created_at", "id");
            for (int i = 1; i <= 3; i++) {
                s.executeUpdate("INSERT INTO transactions (id, kind, status, amount_minor, currency, from_wallet, to_wallet,"
                        + " created_at, seq) VALUES ('txn_" + i + "', 'p2p', 'completed', " + i + "00, 'USD', 'wal_a', 'wal_b',"
                        + " '2026-12-0" + i + "T00:00:00.000000000Z', " + i + ")");
            }
        }
        // V11 alone (V12 then forgets the synced rows of any older copy, for a sync from the start)
        Flyway.configure().dataSource(old).locations("classpath:db/local").target("11").load().migrate();
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            for (String index : INDEXES) {
                assertThat(descendingColumns(c, index)).as(index).isEmpty();
            }
            for (String where : List.of("from_wallet = 'wal_a'", "1 = 1")) {
                List<String> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT id FROM transactions WHERE " + where
                        + " ORDER BY created_at DESC, id DESC")) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
                assertThat(ids).as(where).containsExactly("txn_3", "txn_2", "txn_1");
            }
        }
    }

    @Test
    void everyShapeOfHistoryPageIsReadAlongAnIndexWithoutSortingWhatMatches() {
        LocalLedger.Keyset after = new LocalLedger.Keyset("2026-12-02T00:00:00.000000000Z", "txn_2");
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-31T00:00:00Z");
        List<LedgerFilter> filters = List.of(LedgerFilter.wallet(null), LedgerFilter.wallet("wal_a"),
                new LedgerFilter(null, Set.of("p2p"), Set.of("completed"), from, to, 1L, 1_000L, "rent"),
                new LedgerFilter("wal_a", Set.of("p2p", "topup"), Set.of(), from, null, null, null, "rent"));
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("ledger.db"))) {
            for (LedgerFilter filter : filters) {
                for (LocalLedger.Keyset position : new LocalLedger.Keyset[] {null, after}) {
                    // per level of the plan: what reads the table there, and whether that level sorts (merging two
                    // sides' pages sorts at most a page from each, one level up, which is fine)
                    Map<Integer, List<String>> plan = db.read(c -> plan(c, LocalHistory.historyQuery(filter, position, 51)));
                    List<List<String>> readingTheTable = plan.values().stream()
                            .filter(level -> level.stream().anyMatch(step -> step.matches("(SEARCH|SCAN) transactions\\b.*")))
                            .toList();
                    assertThat(readingTheTable).as("%s after %s: %s", filter, position, plan).isNotEmpty()
                            .allSatisfy(level -> assertThat(level)
                                    .noneMatch(step -> step.contains("TEMP B-TREE"))
                                    .anyMatch(step -> step.contains("USING INDEX transactions_")));
                }
            }
        }
    }

    private static List<String> descendingColumns(Connection c, String index) throws SQLException {
        List<String> descending = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA index_xinfo(" + index + ")")) {
            while (r.next()) {
                if (r.getInt("key") == 1 && r.getInt("desc") == 1) {
                    descending.add(r.getString("name"));
                }
            }
        }
        return descending;
    }

    /** EXPLAIN QUERY PLAN's steps, grouped by the step they belong to. */
    private static Map<Integer, List<String>> plan(Connection c, LocalHistory.Query query) throws SQLException {
        Map<Integer, List<String>> steps = new TreeMap<>();
        LocalHistory.Query explain = new LocalHistory.Query("EXPLAIN QUERY PLAN " + query.sql(), query.params());
        try (PreparedStatement s = explain.prepare(c); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                steps.computeIfAbsent(r.getInt("parent"), p -> new ArrayList<>()).add(r.getString("detail"));
            }
        }
        return steps;
    }
}
