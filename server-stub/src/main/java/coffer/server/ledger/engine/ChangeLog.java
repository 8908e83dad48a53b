package coffer.server.ledger.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;

/**
 * Appends what one commit changed to the change feed's version tables (schema V5): each new or changed
 * movement's state, and each changed or newly opened user wallet's status and balances, stamped with
 * the commit's number. Runs inside the batch's transaction, so a version exists exactly when its
 * change was committed.
 */
final class ChangeLog {
    private ChangeLog() {
    }

    static void movements(Connection c, long seq, List<TxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transaction_versions (seq, transaction_id, "
                + "debit_account, credit_account, status, amount, refunded, failure_reason, completed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TxRow t : rows) {
                ps.setLong(1, seq);
                ps.setString(2, t.id);
                ps.setString(3, t.debitAccount);
                ps.setString(4, t.creditAccount);
                ps.setString(5, t.status.wire());
                ps.setLong(6, t.amount.minor());
                ps.setLong(7, t.refunded.minor());
                ps.setString(8, t.failureReason);
                if (t.completedAt == null) {
                    ps.setNull(9, Types.BIGINT);
                } else {
                    ps.setLong(9, t.completedAt.toEpochMilli());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void wallets(Connection c, long seq, List<AccountState> changed) throws SQLException {
        List<AccountState> wallets = changed.stream().filter(AccountState::isUserWallet).toList();
        if (wallets.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_versions (seq, account_id, status, posted, "
                + "pending_debits, pending_credits) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AccountState a : wallets) {
                ps.setLong(1, seq);
                ps.setString(2, a.id);
                ps.setString(3, a.status.wireName());
                ps.setLong(4, a.balance.posted());
                ps.setLong(5, a.balance.pendingDebits());
                ps.setLong(6, a.balance.pendingCredits());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Wallets a task inserted with its own SQL: stamps them and records their first version from the row. */
    static void opened(Connection c, long seq, Collection<String> walletIds) throws SQLException {
        if (walletIds.isEmpty()) {
            return;
        }
        try (PreparedStatement stamp = c.prepareStatement("UPDATE accounts SET seq = ? WHERE id = ?");
             PreparedStatement version = c.prepareStatement("INSERT INTO account_versions (seq, account_id, status, "
                     + "posted, pending_debits, pending_credits) SELECT ?, id, status, posted, pending_debits, "
                     + "pending_credits FROM accounts WHERE id = ?")) {
            for (String id : walletIds) {
                stamp.setLong(1, seq);
                stamp.setString(2, id);
                stamp.addBatch();
                version.setLong(1, seq);
                version.setString(2, id);
                version.addBatch();
            }
            stamp.executeBatch();
            version.executeBatch();
        }
    }
}
