package coffer.server.ledger;

import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionStatus;
import coffer.server.db.Database;

import coffer.server.ledger.engine.Holders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the ledger's invariants straight from the tables, trusting nothing the writer keeps:
 * each currency's postings sum to zero; each account's balance equals its postings and its pending
 * holds; no account that forbids overdraft is below zero; every hold is resolved at most once (a
 * captured hold has exactly one pair of postings, any other none); completed movements have postings
 * that match them and failed ones none; what a movement records as refunded is what its refunds moved;
 * the change feed's latest version of every movement and user wallet matches its row, and each wallet's
 * changes list every version of its movements; the daily limit's per-minute sums match the movements.
 */
public final class LedgerVerifier {
    private LedgerVerifier() {
    }

    /**
     * @param violations what is wrong, one line each; empty when the ledger is sound
     * @param accounts   accounts checked
     * @param movements  movements checked
     * @param postings   postings checked
     */
    public record Report(List<String> violations, long accounts, long movements, long postings) {
        public boolean ok() {
            return violations.isEmpty();
        }

        /** A short human report. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("Checked ").append(accounts).append(" accounts, ").append(movements).append(" movements, ")
                    .append(postings).append(" postings.\n");
            if (violations.isEmpty()) {
                sb.append("OK: every invariant holds.\n");
            } else {
                sb.append(violations.size()).append(" violation(s):\n");
                violations.forEach(v -> sb.append("  - ").append(v).append('\n'));
            }
            return sb.toString();
        }
    }

    public static Report verify(Database database) throws SQLException {
        try (Connection c = database.readers().getConnection()) {
            // one consistent snapshot for every check
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(c);
            } finally {
                c.rollback();
            }
        }
    }

    private static Report verify(Connection c) throws SQLException {
        List<String> v = new ArrayList<>();
        each(c, "SELECT currency, SUM(amount) FROM postings GROUP BY currency HAVING SUM(amount) <> 0",
                rs -> v.add("postings in " + rs.getString(1) + " sum to " + rs.getLong(2) + " minor units, not 0"));
        each(c, "SELECT a.id, a.posted, COALESCE(p.total, 0) FROM accounts a LEFT JOIN "
                        + "(SELECT account_id, SUM(amount) AS total FROM postings GROUP BY account_id) p ON p.account_id = a.id "
                        + "WHERE a.posted <> COALESCE(p.total, 0)",
                rs -> v.add("account " + rs.getString(1) + " shows posted " + rs.getLong(2) + " but its postings sum to " + rs.getLong(3)));
        each(c, "SELECT a.id, a.pending_debits, COALESCE(h.total, 0) FROM accounts a LEFT JOIN "
                        + "(SELECT debit_account, SUM(amount) AS total FROM holds WHERE state = 'PENDING' GROUP BY debit_account) h "
                        + "ON h.debit_account = a.id WHERE a.pending_debits <> COALESCE(h.total, 0)",
                rs -> v.add("account " + rs.getString(1) + " shows " + rs.getLong(2) + " pending debits but its pending holds total " + rs.getLong(3)));
        each(c, "SELECT a.id, a.pending_credits, COALESCE(h.total, 0) FROM accounts a LEFT JOIN "
                        + "(SELECT credit_account, SUM(amount) AS total FROM holds WHERE state = 'PENDING' GROUP BY credit_account) h "
                        + "ON h.credit_account = a.id WHERE a.pending_credits <> COALESCE(h.total, 0)",
                rs -> v.add("account " + rs.getString(1) + " shows " + rs.getLong(2) + " pending credits but its pending holds total " + rs.getLong(3)));
        StringBuilder noOverdraft = new StringBuilder();
        for (AccountKind kind : AccountKind.values()) {
            if (!kind.overdraftAllowed()) {
                noOverdraft.append(noOverdraft.length() == 0 ? "'" : ", '").append(kind.name()).append('\'');
            }
        }
        each(c, "SELECT id, posted, pending_debits FROM accounts WHERE kind IN (" + noOverdraft + ") AND posted - pending_debits < 0",
                rs -> v.add("account " + rs.getString(1) + " is below zero: posted " + rs.getLong(2) + ", pending " + rs.getLong(3)));
        each(c, "SELECT h.id, h.state, COUNT(p.transaction_id), COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0), h.captured "
                        + "FROM holds h LEFT JOIN postings p ON p.transaction_id = h.transaction_id "
                        + "GROUP BY h.id, h.state, h.captured "
                        + "HAVING (h.state = 'CAPTURED' AND (COUNT(p.transaction_id) <> 2 OR COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0) <> h.captured)) "
                        + "OR (h.state <> 'CAPTURED' AND COUNT(p.transaction_id) <> 0)",
                rs -> v.add("hold " + rs.getString(1) + " (" + rs.getString(2) + ") has " + rs.getLong(3)
                        + " postings moving " + rs.getLong(4) + " but captured " + rs.getLong(5) + ": resolved more than once or not as recorded"));
        each(c, "SELECT t.id, t.status, t.amount, COUNT(p.transaction_id), COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0) "
                        + "FROM transactions t LEFT JOIN postings p ON p.transaction_id = t.id GROUP BY t.id, t.status, t.amount "
                        + "HAVING (t.status IN (" + statuses(true) + ") AND COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0) <> t.amount) "
                        + "OR (t.status IN (" + statuses(false) + ") AND COUNT(p.transaction_id) <> 0)",
                rs -> v.add("movement " + rs.getString(1) + " (" + rs.getString(2) + ", " + rs.getLong(3) + ") has "
                        + rs.getLong(4) + " postings moving " + rs.getLong(5)));
        each(c, "SELECT id, amount, refunded FROM transactions WHERE refunded < 0 OR refunded > amount",
                rs -> v.add("movement " + rs.getString(1) + " refunded " + rs.getLong(3) + " of " + rs.getLong(2)));
        each(c, "SELECT t.id, t.refunded, COALESCE(SUM(r.amount), 0) FROM transactions t LEFT JOIN transactions r "
                        + "ON r.original_id = t.id AND r.status = 'completed' AND r.kind IN ('refund', 'reversal') "
                        + "GROUP BY t.id, t.refunded HAVING t.refunded <> COALESCE(SUM(r.amount), 0)",
                rs -> v.add("movement " + rs.getString(1) + " records " + rs.getLong(2) + " refunded but its refunds move "
                        + rs.getLong(3)));
        // the change feed (V5) must end where the tables are: a client that synced everything has the truth
        each(c, "SELECT DISTINCT a.id FROM accounts a LEFT JOIN wallet_changes v ON v.account_id = a.id AND v.seq = "
                        + "(SELECT MAX(w.seq) FROM wallet_changes w WHERE w.account_id = a.id) WHERE a.user_id IS NOT NULL "
                        + "AND (v.account_id IS NULL OR v.status <> a.status OR v.posted <> a.posted "
                        + "OR v.pending_debits <> a.pending_debits OR v.pending_credits <> a.pending_credits)",
                rs -> v.add("wallet " + rs.getString(1) + " differs from its latest change-feed version"));
        // each wallet's changes (V18) list every version of its movements, the first one marked as created:
        // its history and its feed are read from them alone
        each(c, "SELECT v.transaction_id, v.seq, a.id FROM transaction_versions v JOIN accounts a "
                        + "ON (a.id = v.debit_account OR a.id = v.credit_account) AND a.user_id IS NOT NULL "
                        + "WHERE NOT EXISTS (SELECT 1 FROM wallet_changes w WHERE w.account_id = a.id AND w.seq = v.seq "
                        + "AND w.transaction_id = v.transaction_id)",
                rs -> v.add("movement " + rs.getString(1) + "'s version " + rs.getLong(2) + " is missing from the changes of wallet "
                        + rs.getString(3)));
        each(c, "SELECT w.account_id, w.transaction_id, w.seq FROM wallet_changes w WHERE w.transaction_id <> '' "
                        + "AND w.movement_created <> CASE WHEN w.seq = (SELECT MIN(f.seq) FROM transaction_versions f "
                        + "WHERE f.transaction_id = w.transaction_id) THEN 1 ELSE 0 END",
                rs -> v.add("wallet " + rs.getString(1) + " marks movement " + rs.getString(2) + " created at commit "
                        + rs.getLong(3) + ", which is not the commit of its first version"));
        each(c, "SELECT t.id FROM transactions t LEFT JOIN transaction_versions v ON v.transaction_id = t.id AND v.seq = "
                        + "(SELECT MAX(w.seq) FROM transaction_versions w WHERE w.transaction_id = t.id) "
                        + "WHERE v.transaction_id IS NULL OR v.status <> t.status OR v.amount <> t.amount OR v.refunded <> t.refunded",
                rs -> v.add("movement " + rs.getString(1) + " differs from its latest change-feed version"));
        // the KYC limit's per-minute sums must be what the movements add up to (minutes older than the
        // oldest one kept have been purged: no 24-hour window reaches them)
        String recomputed = "(" + Holders.recomputedOutgoing() + ")";
        each(c, "SELECT s.holder_id, s.currency, s.minute, s.amount, COALESCE(r.amount, 0) FROM holder_outgoing s LEFT JOIN "
                        + recomputed + " r ON r.holder_id = s.holder_id AND r.currency = s.currency AND r.minute = s.minute "
                        + "WHERE s.amount <> COALESCE(r.amount, 0) "
                        + "UNION ALL SELECT r.holder_id, r.currency, r.minute, 0, r.amount FROM " + recomputed + " r "
                        + "LEFT JOIN holder_outgoing s ON s.holder_id = r.holder_id AND s.currency = r.currency AND s.minute = r.minute "
                        + "WHERE s.holder_id IS NULL AND r.minute >= (SELECT MIN(minute) FROM holder_outgoing)",
                rs -> v.add("holder " + rs.getString(1) + " is counted as sending " + rs.getLong(4) + " " + rs.getString(2)
                        + " in minute " + rs.getLong(3) + " but its movements send " + rs.getLong(5)));
        each(c, Holders.unfoundOutgoing(),
                rs -> v.add("movement " + rs.getString(1) + " counts against its holder's daily limit but is outside the commit"
                        + " range its minute keeps, so a limit check could miss it"));
        return new Report(v, count(c, "accounts"), count(c, "transactions"), count(c, "postings"));
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** The wire names of the statuses that are (or are not) {@link TransactionStatus#isPosted() posted}, as SQL literals. */
    private static String statuses(boolean posted) {
        return Stream.of(TransactionStatus.values()).filter(s -> s.isPosted() == posted).map(s -> "'" + s.wire() + "'")
                .collect(Collectors.joining(", "));
    }

    private static void each(Connection c, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
