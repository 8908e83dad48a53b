package coffer.server.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static java.util.stream.Collectors.joining;

/**
 * How both ceilings write, whatever their keys: {@link JdbcCeiling} Coffer's own rows, {@link IntKeyCeiling}
 * the same rows with integer keys. Writing both through this one loop keeps them to the same rows and
 * the same work, so what separates their rates is their tables, not how they are written.
 *
 * <p>Each commit takes one number from the commit counter, then adds {@code batch} transfers to the
 * batches of statements prepared once: per transfer two balance updates, the movement's row, its
 * change-feed version, two postings and a change of each wallet. It executes the batches and commits,
 * with no reads and no checks. Transfers move {@link Population#AMOUNT} back and forth between the two
 * wallets of each pair in turn, as the service's submitters do; each wallet's posted balance, which its
 * wallet change carries, is kept here rather than read.
 *
 * @param <K> the schema's key of wallets and movements
 */
final class CeilingWriter<K> {
    /**
     * A schema's tables and the values every transfer writes alike, as SQL literals; its statements name
     * their parameters in the order {@link #write} binds them.
     *
     * @param prefix       what the tables' names start with: nothing for Coffer's own tables
     * @param clock        the commit counter's table (one row, id 1)
     * @param env          the environment's key
     * @param kind         the movements' kind, {@code TRANSFER}
     * @param status       the movements' status, {@code COMPLETED}
     * @param walletStatus the wallets' status, {@code ACTIVE}
     * @param ownColumns   columns the schema's movement rows have beyond Coffer's, bound by {@link Keys#bindOwn}
     */
    record Schema(String prefix, String clock, String env, String kind, String status, String walletStatus,
                  List<String> ownColumns) {
        String nextSeq() {
            return "UPDATE " + clock + " SET seq = seq + 1 WHERE id = 1 RETURNING seq";
        }

        String updateAccount() {
            return "UPDATE " + prefix + "accounts SET posted = posted + ?, updated_at = ?, seq = ? WHERE id = ?";
        }

        String insertTransaction() {
            return "INSERT INTO " + prefix + "transactions (id, env_id, kind, status, amount, currency, debit_account, "
                    + "credit_account, hold_id, original_id, refunded, reference, description, metadata, failure_reason, "
                    + "created_at, updated_at, completed_at, seq" + ownColumns.stream().map(c -> ", " + c).collect(joining())
                    + ") VALUES (?, " + env + ", " + kind + ", " + status + ", ?, ?, ?, ?, NULL, NULL, 0, NULL, NULL, NULL, "
                    + "NULL, ?, ?, ?, ?" + ", ?".repeat(ownColumns.size()) + ")";
        }

        String insertPosting() {
            return "INSERT INTO " + prefix + "postings (transaction_id, account_id, amount, currency, seq) "
                    + "VALUES (?, ?, ?, ?, ?)";
        }

        String insertTransactionVersion() {
            return "INSERT INTO " + prefix + "transaction_versions (seq, transaction_id, debit_account, credit_account, "
                    + "status, amount, refunded, failure_reason, completed_at) VALUES (?, ?, ?, ?, " + status
                    + ", ?, 0, NULL, ?)";
        }

        String insertWalletChange() {
            return "INSERT INTO " + prefix + "wallet_changes (account_id, seq, transaction_id, movement_created, "
                    + "wallet_changed, status, posted, pending_debits, pending_credits) "
                    + "VALUES (?, ?, ?, 1, 1, " + walletStatus + ", ?, 0, 0)";
        }
    }

    /** A schema's keys: how a new movement's is made and how one is bound. */
    interface Keys<K> {
        /** The key of the run's {@code serial}-th movement (1, 2, ...). */
        K movement(long serial);

        /** Binds {@code key} as parameter {@code index} of {@code statement}. */
        void bind(PreparedStatement statement, int index, K key) throws SQLException;

        /** Binds the movement row's {@link Schema#ownColumns}, the first at {@code index}. */
        default void bindOwn(PreparedStatement transactions, int index) throws SQLException {
        }
    }

    private final Schema schema;
    private final Keys<K> keys;
    private final List<K> wallets;
    /** Each wallet's posted balance, in the order of {@link #wallets}. */
    private final long[] posted;
    /** Per pair: whether its next transfer goes from its first wallet to its second. */
    private final boolean[] forth;
    /** The pair the next transfer is between. */
    private int next;
    /** Movements written so far. */
    private long serial;

    /**
     * @param wallets each pair's two wallets, pair after pair; the first of each pair holds
     *                {@link Population#FUNDING} and the second nothing, as {@link Population} funds them
     */
    CeilingWriter(Schema schema, Keys<K> keys, List<K> wallets) {
        this.schema = schema;
        this.keys = keys;
        this.wallets = List.copyOf(wallets);
        this.posted = new long[wallets.size()];
        this.forth = new boolean[wallets.size() / 2];
        for (int p = 0; p < forth.length; p++) {
            posted[2 * p] = Population.FUNDING.minor();
            forth[p] = true;
        }
    }

    /** Writes {@code batch} transfers per commit on {@code c} (not in auto-commit) until the window is over. */
    void write(Connection c, int batch, Window window, Latencies latencies) throws SQLException {
        long amount = Population.AMOUNT.minor();
        String currency = Population.AMOUNT.currencyCode();
        try (PreparedStatement nextSeq = c.prepareStatement(schema.nextSeq());
             PreparedStatement accounts = c.prepareStatement(schema.updateAccount());
             PreparedStatement transactions = c.prepareStatement(schema.insertTransaction());
             PreparedStatement postings = c.prepareStatement(schema.insertPosting());
             PreparedStatement versions = c.prepareStatement(schema.insertTransactionVersion());
             PreparedStatement walletChanges = c.prepareStatement(schema.insertWalletChange())) {
            while (!window.over()) {
                long start = System.nanoTime();
                long seq;
                try (ResultSet rs = nextSeq.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
                long now = System.currentTimeMillis();
                for (int i = 0; i < batch; i++) {
                    int p = next;
                    next = (next + 1) % forth.length;
                    int from = forth[p] ? 2 * p : 2 * p + 1;
                    int to = forth[p] ? 2 * p + 1 : 2 * p;
                    forth[p] = !forth[p];
                    K id = keys.movement(++serial);
                    keys.bind(transactions, 1, id);
                    transactions.setLong(2, amount);
                    transactions.setString(3, currency);
                    keys.bind(transactions, 4, wallets.get(from));
                    keys.bind(transactions, 5, wallets.get(to));
                    transactions.setLong(6, now);
                    transactions.setLong(7, now);
                    transactions.setLong(8, now);
                    transactions.setLong(9, seq);
                    keys.bindOwn(transactions, 10);
                    transactions.addBatch();
                    versions.setLong(1, seq);
                    keys.bind(versions, 2, id);
                    keys.bind(versions, 3, wallets.get(from));
                    keys.bind(versions, 4, wallets.get(to));
                    versions.setLong(5, amount);
                    versions.setLong(6, now);
                    versions.addBatch();
                    post(accounts, postings, id, from, -amount, currency, now, seq);
                    post(accounts, postings, id, to, amount, currency, now, seq);
                    walletChange(walletChanges, from, seq, id);
                    walletChange(walletChanges, to, seq, id);
                }
                accounts.executeBatch();
                transactions.executeBatch();
                postings.executeBatch();
                versions.executeBatch();
                walletChanges.executeBatch();
                c.commit();
                window.completed(latencies, batch, 0, System.nanoTime() - start);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Adds the balance update and the posting of wallet number {@code wallet}, and keeps its new balance. */
    private void post(PreparedStatement accounts, PreparedStatement postings, K txId, int wallet, long signedMinor,
                      String currency, long now, long seq) throws SQLException {
        posted[wallet] += signedMinor;
        accounts.setLong(1, signedMinor);
        accounts.setLong(2, now);
        accounts.setLong(3, seq);
        keys.bind(accounts, 4, wallets.get(wallet));
        accounts.addBatch();
        keys.bind(postings, 1, txId);
        keys.bind(postings, 2, wallets.get(wallet));
        postings.setLong(3, signedMinor);
        postings.setString(4, currency);
        postings.setLong(5, seq);
        postings.addBatch();
    }

    /** Adds the change of wallet number {@code wallet} by movement {@code txId}: its balance as the commit leaves it. */
    private void walletChange(PreparedStatement changes, int wallet, long seq, K txId) throws SQLException {
        keys.bind(changes, 1, wallets.get(wallet));
        changes.setLong(2, seq);
        keys.bind(changes, 3, txId);
        changes.setLong(4, posted[wallet]);
        changes.addBatch();
    }
}
