package coffer.server.bench;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.server.db.Database;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.ledger.LedgerVerifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ceiling: the rows a transfer writes (two account balance updates, its transactions row, two
 * postings, its change-feed version, and a change of each of its two wallets)
 * and the commit counter, written with plain batched JDBC on the writer's connection of the
 * same database, with the same settings, {@code batch} transfers per commit, no reads, no checks, no
 * queue, statements prepared once. What the service adds on top of this is the engine's cost.
 */
final class JdbcCeiling {
    private static final String NEXT_SEQ = "UPDATE ledger_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq";
    private static final String UPDATE_ACCOUNT = "UPDATE accounts SET posted = posted + ?, updated_at = ?, seq = ? WHERE id = ?";
    private static final String INSERT_TRANSACTION = "INSERT INTO transactions (id, env_id, kind, status, amount, currency, "
            + "debit_account, credit_account, hold_id, original_id, refunded, reference, description, metadata, "
            + "failure_reason, created_at, updated_at, completed_at, seq) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 0, NULL, NULL, NULL, NULL, ?, ?, ?, ?)";
    private static final String INSERT_POSTING =
            "INSERT INTO postings (transaction_id, account_id, amount, currency, seq) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_TRANSACTION_VERSION = "INSERT INTO transaction_versions (seq, transaction_id, "
            + "debit_account, credit_account, status, amount, refunded, failure_reason, completed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?)";
    private static final String INSERT_WALLET_CHANGE = "INSERT INTO wallet_changes (account_id, seq, transaction_id, "
            + "movement_created, wallet_changed, status, posted, pending_debits, pending_credits) "
            + "VALUES (?, ?, ?, 1, 1, 'active', ?, 0, 0)";

    private JdbcCeiling() {
    }

    static RunResult run(BenchDatabase db, BenchOptions options, int batch) throws Exception {
        try (BenchDatabase.Scratch scratch = db.fresh(); Database database = Database.open(scratch.config())) {
            Population population;
            try (LedgerService ledger = new LedgerService(database, Clock.systemUTC(),
                    LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
                population = Population.create(ledger, options.ceilingPairs());
            }
            RunResult result;
            try (Connection c = database.writerConnection()) {
                c.setAutoCommit(false);
                result = Window.measure(db.name(), "jdbc", batch,
                        List.of((window, latencies) -> write(c, population, batch, window, latencies)),
                        options.warmup(), options.length(), () -> Commits.count(database), IoProbe.of(database));
            }
            LedgerVerifier.Report report = LedgerVerifier.verify(database);
            if (!report.ok()) {
                throw new IllegalStateException("the plain-JDBC rows do not balance:\n" + report.describe());
            }
            return result;
        }
    }

    private static void write(Connection c, Population population, int batch, Window window, Latencies latencies)
            throws SQLException {
        List<Population.Pair> pairs = population.pairs();
        long amount = Population.AMOUNT.minor();
        String currency = Population.AMOUNT.currencyCode();
        boolean[] forth = new boolean[pairs.size()];
        java.util.Arrays.fill(forth, true);
        // posted balances, known without reading: the population funds each pair's first wallet only
        Map<String, Long> posted = new HashMap<>();
        for (Population.Pair pair : pairs) {
            posted.put(pair.a(), Population.FUNDING.minor());
            posted.put(pair.b(), 0L);
        }
        int next = 0;
        try (PreparedStatement seqStatement = c.prepareStatement(NEXT_SEQ);
             PreparedStatement accounts = c.prepareStatement(UPDATE_ACCOUNT);
             PreparedStatement transactions = c.prepareStatement(INSERT_TRANSACTION);
             PreparedStatement postings = c.prepareStatement(INSERT_POSTING);
             PreparedStatement transactionVersions = c.prepareStatement(INSERT_TRANSACTION_VERSION);
             PreparedStatement walletChanges = c.prepareStatement(INSERT_WALLET_CHANGE)) {
            while (!window.over()) {
                long start = System.nanoTime();
                long seq;
                try (ResultSet rs = seqStatement.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
                long now = System.currentTimeMillis();
                for (int i = 0; i < batch; i++) {
                    int p = next;
                    next = (next + 1) % pairs.size();
                    Population.Pair pair = pairs.get(p);
                    String from = forth[p] ? pair.a() : pair.b();
                    String to = forth[p] ? pair.b() : pair.a();
                    forth[p] = !forth[p];
                    String id = Ids.next("txn");
                    int col = 1;
                    transactions.setString(col++, id);
                    transactions.setString(col++, population.envId());
                    transactions.setString(col++, TransactionKind.TRANSFER.wire());
                    transactions.setString(col++, TransactionStatus.COMPLETED.wire());
                    transactions.setLong(col++, amount);
                    transactions.setString(col++, currency);
                    transactions.setString(col++, from);
                    transactions.setString(col++, to);
                    transactions.setLong(col++, now);
                    transactions.setLong(col++, now);
                    transactions.setLong(col++, now);
                    transactions.setLong(col, seq);
                    transactions.addBatch();
                    transactionVersions.setLong(1, seq);
                    transactionVersions.setString(2, id);
                    transactionVersions.setString(3, from);
                    transactionVersions.setString(4, to);
                    transactionVersions.setString(5, TransactionStatus.COMPLETED.wire());
                    transactionVersions.setLong(6, amount);
                    transactionVersions.setLong(7, now);
                    transactionVersions.addBatch();
                    post(accounts, postings, id, from, -amount, currency, now, seq);
                    post(accounts, postings, id, to, amount, currency, now, seq);
                    posted.merge(from, -amount, Long::sum);
                    posted.merge(to, amount, Long::sum);
                    walletChange(walletChanges, from, seq, id, posted.get(from));
                    walletChange(walletChanges, to, seq, id, posted.get(to));
                }
                accounts.executeBatch();
                transactions.executeBatch();
                postings.executeBatch();
                transactionVersions.executeBatch();
                walletChanges.executeBatch();
                c.commit();
                window.completed(latencies, batch, 0, System.nanoTime() - start);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void walletChange(PreparedStatement changes, String wallet, long seq, String txId, long posted)
            throws SQLException {
        changes.setString(1, wallet);
        changes.setLong(2, seq);
        changes.setString(3, txId);
        changes.setLong(4, posted);
        changes.addBatch();
    }

    private static void post(PreparedStatement accounts, PreparedStatement postings, String txId, String account,
                             long signedMinor, String currency, long now, long seq) throws SQLException {
        accounts.setLong(1, signedMinor);
        accounts.setLong(2, now);
        accounts.setLong(3, seq);
        accounts.setString(4, account);
        accounts.addBatch();
        postings.setString(1, txId);
        postings.setString(2, account);
        postings.setLong(3, signedMinor);
        postings.setString(4, currency);
        postings.setLong(5, seq);
        postings.addBatch();
    }
}
