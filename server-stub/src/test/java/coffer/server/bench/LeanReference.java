package coffer.server.bench;

import coffer.server.db.Database;
import coffer.server.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lean reference: what this disk allows a durable double-entry ledger, measured in the same run as
 * the service. The leanest schema that still keeps a ledger — integer keys, one row per transfer
 * indexed by each side's account, two balance updates — written with plain batched JDBC by one
 * thread on the writer's connection of a fresh database with the server's settings (SQLite WAL and
 * {@code synchronous=FULL}; PostgreSQL {@code fsync} and {@code synchronous_commit} on), {@code batch}
 * transfers per commit, over as many accounts as the service run has wallets, back and forth between
 * pairs as the service's submitters move money. It keeps no history of balances, no audit trail, no
 * idempotency and no change feed, so the service can approach it but not reach it.
 */
final class LeanReference {
    private LeanReference() {
    }

    static RunResult run(BenchDatabase db, BenchOptions options, int batch) throws Exception {
        try (BenchDatabase.Scratch scratch = db.fresh(); Database database = Database.open(scratch.config());
             Connection c = database.writerConnection()) {
            int pairs = options.ceilingPairs();
            create(c, database.dialect(), pairs * 2);
            c.setAutoCommit(false);
            AtomicLong commits = new AtomicLong();
            return Window.measure(db.name(), "lean", batch,
                    List.of((window, latencies) -> write(c, pairs, batch, window, latencies, commits)),
                    options.warmup(), options.length(), commits::get, IoProbe.of(database));
        }
    }

    private static void create(Connection c, Dialect dialect, int accounts) throws SQLException {
        // SQLite's rowid alias must be spelled INTEGER PRIMARY KEY; PostgreSQL's integer is too small
        String key = dialect == Dialect.SQLITE ? "INTEGER" : "BIGINT";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE lean_accounts (id " + key + " PRIMARY KEY, posted BIGINT NOT NULL, seq BIGINT NOT NULL)");
            s.execute("CREATE TABLE lean_transfers (id " + key + " PRIMARY KEY, debit BIGINT NOT NULL, credit BIGINT NOT NULL, "
                    + "amount BIGINT NOT NULL, kind INTEGER NOT NULL, ts BIGINT NOT NULL)");
            s.execute("CREATE INDEX lean_transfers_debit ON lean_transfers (debit, id)");
            s.execute("CREATE INDEX lean_transfers_credit ON lean_transfers (credit, id)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lean_accounts (id, posted, seq) VALUES (?, 0, 0)")) {
            for (int i = 1; i <= accounts; i++) {
                ps.setLong(1, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void write(Connection c, int pairs, int batch, Window window, Latencies latencies, AtomicLong commits)
            throws SQLException {
        boolean[] forth = new boolean[pairs];
        java.util.Arrays.fill(forth, true);
        long id = 0;
        int next = 0;
        try (PreparedStatement accounts = c.prepareStatement("UPDATE lean_accounts SET posted = posted + ?, seq = ? WHERE id = ?");
             PreparedStatement transfers = c.prepareStatement(
                     "INSERT INTO lean_transfers (id, debit, credit, amount, kind, ts) VALUES (?, ?, ?, ?, 1, ?)")) {
            while (!window.over()) {
                long start = System.nanoTime();
                long now = System.currentTimeMillis();
                for (int i = 0; i < batch; i++) {
                    int p = next;
                    next = (next + 1) % pairs;
                    long from = forth[p] ? 2L * p + 1 : 2L * p + 2;
                    long to = forth[p] ? 2L * p + 2 : 2L * p + 1;
                    forth[p] = !forth[p];
                    id++;
                    transfers.setLong(1, id);
                    transfers.setLong(2, from);
                    transfers.setLong(3, to);
                    transfers.setLong(4, 100);
                    transfers.setLong(5, now);
                    transfers.addBatch();
                    update(accounts, from, -100, id);
                    update(accounts, to, 100, id);
                }
                accounts.executeBatch();
                transfers.executeBatch();
                c.commit();
                commits.incrementAndGet();
                window.completed(latencies, batch, 0, System.nanoTime() - start);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void update(PreparedStatement accounts, long account, long signedMinor, long seq) throws SQLException {
        accounts.setLong(1, signedMinor);
        accounts.setLong(2, seq);
        accounts.setLong(3, account);
        accounts.addBatch();
    }
}
