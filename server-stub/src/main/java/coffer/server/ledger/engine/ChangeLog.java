package coffer.server.ledger.engine;

import coffer.server.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static coffer.server.ledger.engine.BulkWrite.bigint;
import static coffer.server.ledger.engine.BulkWrite.text;

/**
 * Appends what one commit changed to the change feed's tables, stamped with the commit's number: each
 * new or changed movement's state ({@code transaction_versions}), and for each user wallet the commit
 * touched, one row per movement of it the commit wrote, or one row when only the wallet changed
 * ({@code wallet_changes}, V18), each with the wallet as the commit left it. Runs inside the batch's
 * transaction, so a version exists exactly when its change was committed.
 */
final class ChangeLog {
    private static final List<BulkWrite.Column> VERSION = List.of(bigint("seq"), text("transaction_id"),
            text("debit_account"), text("credit_account"), text("status"), bigint("amount"), bigint("refunded"),
            text("failure_reason"), bigint("completed_at"));
    private static final List<BulkWrite.Column> WALLET_CHANGE = List.of(text("account_id"), bigint("seq"),
            text("transaction_id"), bigint("movement_created"), bigint("wallet_changed"), text("status"), bigint("posted"),
            bigint("pending_debits"), bigint("pending_credits"));
    /** The transaction id of a row for a change of the wallet alone. */
    private static final String NO_MOVEMENT = "";

    private ChangeLog() {
    }

    static void movements(Connection c, Dialect dialect, long seq, List<TxRow> rows) throws SQLException {
        BulkWrite.insert(c, dialect, "transaction_versions", VERSION, rows.stream().map(t -> new Object[]{seq, t.id,
                t.debitAccount, t.creditAccount, t.status.wire(), t.amount.minor(), t.refunded.minor(), t.failureReason,
                t.completedAt == null ? null : t.completedAt.toEpochMilli()}).toList());
    }

    /**
     * The commit's rows of {@code wallet_changes}: for each movement written, one on each side that is a
     * user wallet; for each user wallet changed or opened without a movement of it, one of its own.
     *
     * @param accounts   the batch's loaded accounts, as the batch leaves them
     * @param openedIds  user wallets that tasks inserted with their own SQL (read back from their rows)
     */
    static void wallets(Connection c, Dialect dialect, long seq, List<TxRow> movements, Map<String, AccountState> accounts,
                        Collection<String> openedIds) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> unloaded = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (TxRow t : movements) {
            for (String side : List.of(t.debitAccount, t.creditAccount)) {
                AccountState a = accounts.get(side);
                if (a == null) {
                    unloaded.add(new Object[]{side, t.id, t.isNew ? 1L : 0L});
                } else if (a.isUserWallet()) {
                    rows.add(row(a, seq, t.id, t.isNew));
                    written.add(a.id);
                }
            }
        }
        for (AccountState a : accounts.values()) {
            if (a.dirty && a.isUserWallet() && !written.contains(a.id)) {
                rows.add(row(a, seq, NO_MOVEMENT, false));
                written.add(a.id);
            }
        }
        BulkWrite.insert(c, dialect, "wallet_changes", WALLET_CHANGE, rows);
        // a side the batch did not load did not change: it is written as its row stands
        fromRows(c, seq, unloaded);
        fromRows(c, seq, openedIds.stream().filter(id -> !written.contains(id))
                .map(id -> new Object[]{id, NO_MOVEMENT, 0L}).toList());
    }

    private static Object[] row(AccountState a, long seq, String transactionId, boolean created) {
        return new Object[]{a.id, seq, transactionId, created ? 1L : 0L, a.dirty ? 1L : 0L, a.status.wireName(),
                a.balance.posted(), a.balance.pendingDebits(), a.balance.pendingCredits()};
    }

    /**
     * Rows {@code {account id, transaction id, movement created}} written with the account's state read from
     * its row; system accounts are skipped. A wallet change of its own (no movement) marks the wallet changed.
     */
    private static void fromRows(Connection c, long seq, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO wallet_changes (account_id, seq, transaction_id, "
                + "movement_created, wallet_changed, status, posted, pending_debits, pending_credits) SELECT id, ?, ?, ?, ?, "
                + "status, posted, pending_debits, pending_credits FROM accounts WHERE id = ? AND user_id IS NOT NULL")) {
            for (Object[] r : rows) {
                String transactionId = (String) r[1];
                ps.setLong(1, seq);
                ps.setString(2, transactionId);
                ps.setLong(3, (Long) r[2]);
                ps.setLong(4, transactionId.isEmpty() ? 1 : 0);
                ps.setString(5, (String) r[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Wallets a task inserted with its own SQL: stamped with the commit that opened them. */
    static void stampOpened(Connection c, long seq, Collection<String> walletIds) throws SQLException {
        if (walletIds.isEmpty()) {
            return;
        }
        try (PreparedStatement stamp = c.prepareStatement("UPDATE accounts SET seq = ? WHERE id = ?")) {
            for (String id : walletIds) {
                stamp.setLong(1, seq);
                stamp.setString(2, id);
                stamp.addBatch();
            }
            stamp.executeBatch();
        }
    }
}
