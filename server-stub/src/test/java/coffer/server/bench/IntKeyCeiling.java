package coffer.server.bench;

import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.wallet.WalletStatus;
import coffer.server.db.Database;
import coffer.server.db.Dialect;
import coffer.server.ledger.Ids;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The integer-key ceiling: what {@link JdbcCeiling}'s rows would cost if Coffer's internal keys were
 * integers instead of 30-character text ids. It writes the same rows with the same statements, batches
 * and commits ({@link CeilingWriter}), on the writer's connection of a fresh database with the server's
 * settings, into mirrors of Coffer's tables as they stand after the migrations: the same columns and
 * indexes, but accounts, movements, the environment and users keyed by integers, kinds and statuses
 * stored as small integers (their enums' ordinals, as a lookup table would number them). A movement
 * keeps a text external id, as Coffer's ids look, with a unique index, and so does a wallet: an API
 * still names them by those, so the mirror pays for that lookup's index. One more difference, on SQLite:
 * the movement versions' rows live in their primary key's B-tree, as the wallet changes' do, where
 * Coffer's keep a rowid table beside that key's index.
 *
 * <p>Against {@link JdbcCeiling} it shows what narrower keys buy on the disk (smaller index entries,
 * fewer pages per commit); against {@link LeanReference}, what Coffer's rows cost beyond their keys.
 */
final class IntKeyCeiling {
    /** The environment's key; a user's is its pair's number, from 1. */
    private static final long ENV = 1;

    /** The mirror's tables, with integer keys and codes. */
    private static final CeilingWriter.Schema SCHEMA = new CeilingWriter.Schema("ik_", "ik_clock", String.valueOf(ENV),
            code(TransactionKind.TRANSFER), code(TransactionStatus.COMPLETED), code(WalletStatus.ACTIVE), List.of("ext_id"));

    /** The mirror's keys: a movement's is the count of movements so far, and it has an external id too. */
    private static final CeilingWriter.Keys<Long> KEYS = new CeilingWriter.Keys<>() {
        @Override
        public Long movement(long serial) {
            return serial;
        }

        @Override
        public void bind(PreparedStatement statement, int index, Long key) throws SQLException {
            statement.setLong(index, key);
        }

        @Override
        public void bindOwn(PreparedStatement transactions, int index) throws SQLException {
            transactions.setString(index, Ids.next("txn"));
        }
    };

    private IntKeyCeiling() {
    }

    static RunResult run(BenchDatabase db, BenchOptions options, int batch) throws Exception {
        try (BenchDatabase.Scratch scratch = db.fresh(); Database database = Database.open(scratch.config());
             Connection c = database.writerConnection()) {
            int pairs = options.ceilingPairs();
            create(c, database.dialect(), pairs);
            c.setAutoCommit(false);
            // wallet 2p + 1 is pair p's first, funded, and 2p + 2 its second, as CeilingWriter expects
            CeilingWriter<Long> writer = new CeilingWriter<>(SCHEMA, KEYS, LongStream.rangeClosed(1, 2L * pairs).boxed().toList());
            RunResult result = Window.measure(db.name(), "intkeys", batch,
                    List.of((window, latencies) -> writer.write(c, batch, window, latencies)),
                    options.warmup(), options.length(), () -> Commits.count(database, "ik_clock"), IoProbe.of(database));
            verify(c);
            return result;
        }
    }

    /**
     * Creates the mirror of Coffer's tables (V1 to V19 of its migrations) and opens each pair's two wallets,
     * the first holding {@link Population#FUNDING}. Coffer's foreign keys from accounts to environments and
     * users are left out with those tables: they are checked when a wallet opens, not when money moves.
     */
    private static void create(Connection c, Dialect dialect, int pairs) throws SQLException {
        // SQLite's rowid alias must be spelled INTEGER PRIMARY KEY; PostgreSQL's integer is too small
        String key = dialect == Dialect.SQLITE ? "INTEGER" : "BIGINT";
        // on SQLite, a table whose rows live in its primary key's B-tree, with no rowid B-tree beside it:
        // Coffer's wallet_changes is one; its transaction_versions is not (a rowid table plus the key's
        // index), but with a narrow integer key the mirror's is, which saves a B-tree a commit writes to
        String withoutRowid = dialect == Dialect.SQLITE ? " WITHOUT ROWID" : "";
        List<String> ddl = List.of(
                "CREATE TABLE ik_accounts (id " + key + " PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, env_id BIGINT NOT NULL, "
                        + "user_id BIGINT, kind SMALLINT NOT NULL, currency TEXT NOT NULL, status SMALLINT NOT NULL, "
                        + "posted BIGINT NOT NULL DEFAULT 0, pending_debits BIGINT NOT NULL DEFAULT 0, "
                        + "pending_credits BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
                        + "seq BIGINT NOT NULL DEFAULT 0, status_set_by TEXT)",
                "CREATE INDEX ik_accounts_user ON ik_accounts (user_id)",
                "CREATE UNIQUE INDEX ik_accounts_system ON ik_accounts (env_id, kind, currency) WHERE user_id IS NULL",
                "CREATE TABLE ik_transactions (id " + key + " PRIMARY KEY, ext_id TEXT NOT NULL, env_id BIGINT NOT NULL, "
                        + "kind SMALLINT NOT NULL, status SMALLINT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL, "
                        + "debit_account BIGINT NOT NULL, credit_account BIGINT NOT NULL, hold_id BIGINT, original_id BIGINT, "
                        + "refunded BIGINT NOT NULL DEFAULT 0, reference TEXT, description TEXT, metadata TEXT, "
                        + "failure_reason TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, completed_at BIGINT, "
                        + "seq BIGINT NOT NULL)",
                "CREATE UNIQUE INDEX ik_transactions_ext ON ik_transactions (ext_id)",
                "CREATE INDEX ik_transactions_original ON ik_transactions (original_id) WHERE original_id IS NOT NULL",
                "CREATE INDEX ik_transactions_unfinished ON ik_transactions (created_at, id) WHERE status IN ("
                        + code(TransactionStatus.PENDING) + ", " + code(TransactionStatus.PROCESSING) + ")",
                "CREATE TABLE ik_postings (transaction_id BIGINT NOT NULL, account_id BIGINT NOT NULL, "
                        + "amount BIGINT NOT NULL, currency TEXT NOT NULL, seq BIGINT NOT NULL)",
                "CREATE TABLE ik_transaction_versions (seq BIGINT NOT NULL, transaction_id BIGINT NOT NULL, "
                        + "debit_account BIGINT NOT NULL, credit_account BIGINT NOT NULL, status SMALLINT NOT NULL, "
                        + "amount BIGINT NOT NULL, refunded BIGINT NOT NULL, failure_reason TEXT, completed_at BIGINT, "
                        + "PRIMARY KEY (transaction_id, seq))" + withoutRowid,
                "CREATE INDEX ik_transaction_versions_seq ON ik_transaction_versions (seq)",
                "CREATE TABLE ik_wallet_changes (account_id BIGINT NOT NULL, seq BIGINT NOT NULL, "
                        + "transaction_id BIGINT NOT NULL, movement_created INTEGER NOT NULL, wallet_changed INTEGER NOT NULL, "
                        + "status SMALLINT NOT NULL, posted BIGINT NOT NULL, pending_debits BIGINT NOT NULL, "
                        + "pending_credits BIGINT NOT NULL, PRIMARY KEY (account_id, seq, transaction_id))" + withoutRowid,
                "CREATE TABLE ik_clock (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL)",
                "INSERT INTO ik_clock (id, seq) VALUES (1, 0)");
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ik_accounts (id, ext_id, env_id, user_id, kind, currency, "
                + "status, posted, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= 2L * pairs; id++) {
                ps.setLong(1, id);
                ps.setString(2, Ids.next("wal"));
                ps.setLong(3, ENV);
                ps.setLong(4, (id + 1) / 2);
                ps.setInt(5, AccountKind.USER_WALLET.ordinal());
                ps.setString(6, Population.AMOUNT.currencyCode());
                ps.setInt(7, WalletStatus.ACTIVE.ordinal());
                ps.setLong(8, id % 2 == 1 ? Population.FUNDING.minor() : 0);
                ps.setLong(9, now);
                ps.setLong(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Checks what the run wrote, as {@link JdbcCeiling} has the ledger's verifier check its rows: each
     * wallet's balance is its funding plus its postings, and its latest wallet change carries that balance.
     */
    private static void verify(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ik_accounts a "
                + "LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM ik_postings GROUP BY account_id) p ON p.account_id = a.id "
                + "WHERE a.posted <> CASE WHEN a.id % 2 = 1 THEN ? ELSE 0 END + COALESCE(p.total, 0) "
                + "OR a.posted <> COALESCE((SELECT w.posted FROM ik_wallet_changes w WHERE w.account_id = a.id "
                + "ORDER BY w.seq DESC, w.transaction_id DESC LIMIT 1), a.posted)")) {
            ps.setLong(1, Population.FUNDING.minor());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("the integer-key rows do not balance: " + rs.getLong(1)
                            + " wallet(s) disagree with their postings or their latest wallet change");
                }
            }
        } finally {
            c.rollback();
        }
    }

    /** A kind or status as the mirror stores it, in SQL. */
    private static String code(Enum<?> value) {
        return String.valueOf(value.ordinal());
    }
}
