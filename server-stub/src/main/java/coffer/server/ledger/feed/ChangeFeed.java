package coffer.server.ledger.feed;

import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.engine.Rows;
import coffer.core.ledger.TransactionStatus;
import coffer.server.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The change feed's reads: movement versions (schema V5) and each wallet's changes (V18).
 *
 * <p>Consistency without a long read transaction: the head commit number is read first and every
 * other read is bounded by it. Commit numbers are taken under a row lock held until commit, so once
 * commit H is visible every commit before it is too, on SQLite and PostgreSQL alike.
 *
 * <p>Pages end on commit boundaries. A page takes the first {@code limit} movement changes; if that would
 * cut a commit in two, the cut commit moves to the next page, unless it is the page's first commit,
 * which then comes whole (so a page may exceed {@code limit} when one commit alone touched more).
 * Wallet changes do not count towards the limit: a page carries each wallet that changed in it once, as
 * the page's last commit left it (a client keeps only the latest state anyway, and a busy wallet
 * changes with every movement, which would otherwise triple the pages of a full sync).
 */
public final class ChangeFeed {
    private static final String MOVEMENT_COLUMNS = "v.seq, t.id, t.env_id, t.kind, v.status, v.amount, t.currency, "
            + "t.debit_account, t.credit_account, t.hold_id, t.original_id, v.refunded, t.reference, t.description, "
            + "t.metadata, v.failure_reason, t.created_at, v.completed_at, t.initiated_by";
    private static final String WALLET_COLUMNS = "v.seq, a.id, a.env_id, a.user_id, a.kind, a.currency, v.status, "
            + "v.posted, v.pending_debits, v.pending_credits, u.kyc_tier";
    private static final String HEAD = "SELECT seq FROM ledger_clock WHERE id = 1";
    private static final String WALLET_FROM =
            " FROM wallet_changes v JOIN accounts a ON a.id = v.account_id LEFT JOIN users u ON u.id = a.user_id";
    /** One wallet's movement changes, in commit order, on its changes' key (account_id, seq, transaction_id). */
    private static final String WALK = "SELECT seq, transaction_id FROM wallet_changes WHERE account_id = ?"
            + " AND seq > ? AND seq <= ? AND transaction_id <> '' ORDER BY seq, transaction_id LIMIT ?";

    private ChangeFeed() {
    }

    public static long head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * The versions of the movements of {@code envIds} committed after {@code after}, in commit order, read
     * in the caller's transaction: whole commits, up to the one holding the {@code max}-th version of any
     * environment after {@code after} (so every environment's reader moves on at the same pace).
     */
    public static MovementVersions versionsAfter(Jdbc.Tx tx, long after, int max, Collection<String> envIds) throws SQLException {
        long head = tx.one(HEAD, rs -> rs.getLong(1)).orElse(0L);
        if (head <= after) {
            return new MovementVersions(List.of(), head, false);
        }
        if (envIds.isEmpty()) {
            // nobody listens: every commit up to the head is read, for nothing, in one step (counting through it
            // a page at a time cost the webhook dispatcher a write per page of a backlog it would never send)
            return new MovementVersions(List.of(), head, false);
        }
        long upTo = tx.one("SELECT seq FROM transaction_versions WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1 OFFSET "
                + (max - 1), rs -> rs.getLong(1), after, head).orElse(head);
        List<Object> args = new ArrayList<>(List.of(after, upTo));
        args.addAll(envIds);
        List<MovementVersions.Version> versions = tx.query("SELECT " + MOVEMENT_COLUMNS
                        + ", (SELECT p.status FROM transaction_versions p WHERE p.transaction_id = v.transaction_id AND p.seq < v.seq "
                        + "ORDER BY p.seq DESC LIMIT 1) AS previous_status "
                        + "FROM transaction_versions v JOIN transactions t ON t.id = v.transaction_id "
                        + "WHERE v.seq > ? AND v.seq <= ? AND t.env_id IN (" + Rows.placeholders(envIds.size()) + ") "
                        + "ORDER BY v.seq, v.transaction_id",
                rs -> {
                    String previous = rs.getString("previous_status");
                    return new MovementVersions.Version(rs.getLong("seq"), Rows.transaction(rs).toMovement(),
                            previous == null ? null : TransactionStatus.fromWire(previous));
                }, args.toArray());
        return new MovementVersions(versions, upTo, upTo < head);
    }

    /**
     * The page after commit {@code after} of every wallet {@code userId} sees (theirs and their organizations');
     * {@code after} must not be past {@link #head}.
     */
    public static FeedPage page(Connection c, String envId, String userId, long after, int limit) throws SQLException {
        long head = head(c);
        List<String> wallets = walletIds(c, envId, userId);
        if (wallets.isEmpty()) {
            return new FeedPage(List.of(), List.of(), head, false);
        }
        long end = pageEnd(c, wallets, after, head, limit);
        List<FeedChange> changes = new ArrayList<>(movements(c, wallets, after, end));
        changes.addAll(walletChanges(c, wallets, after, end));
        changes.sort(Comparator.comparingLong(FeedChange::seq));
        return new FeedPage(changes, walletsAt(c, wallets, end), end, end < head);
    }

    private static List<String> walletIds(Connection c, String envId, String userId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT a.id FROM accounts a WHERE " + Rows.VISIBLE_TO + " AND a.env_id = ? ORDER BY a.created_at, a.id")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            ps.setString(3, envId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The commit the page after {@code after} ends at: whole commits, about {@code limit} movement changes. */
    private static long pageEnd(Connection c, List<String> wallets, long after, long head, int limit) throws SQLException {
        List<Long> seqs = firstChangeSeqs(c, wallets, after, head, limit + 1);
        if (seqs.size() <= limit) {
            return head;
        }
        long cut = seqs.get(limit);
        if (seqs.get(0) != cut) {
            return cut - 1;
        }
        // the first commit alone holds more than the limit: it comes whole, and so does the rest up to the
        // head when none of it is the user's
        return firstChangeSeqs(c, wallets, cut, head, 1).isEmpty() ? head : cut;
    }

    /**
     * The commit numbers of the first {@code max} movement changes of {@code wallets} in (after, upTo], in order
     * (a transfer between two of them is one change). Each wallet is one walk of its changes' key, at most
     * {@code max} deep, so this costs the same however long the ledger is: a change among the first {@code max}
     * of all the wallets together has fewer than {@code max} changes of its wallet before it.
     */
    private static List<Long> firstChangeSeqs(Connection c, List<String> wallets, long after, long upTo, int max)
            throws SQLException {
        // each walk comes in order, so one sort of them all is a merge of sorted runs; a transfer between two
        // of the wallets is in two walks and counted once
        List<Change> changes = new ArrayList<>();
        if (upTo > after) {
            try (PreparedStatement ps = c.prepareStatement(WALK)) {
                for (String wallet : wallets) {
                    ps.setString(1, wallet);
                    ps.setLong(2, after);
                    ps.setLong(3, upTo);
                    ps.setInt(4, max);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            changes.add(new Change(rs.getLong(1), rs.getString(2)));
                        }
                    }
                }
            }
        }
        changes.sort(null);
        List<Long> seqs = new ArrayList<>(Math.min(max, changes.size()));
        Change previous = null;
        for (Change change : changes) {
            if (seqs.size() == max) {
                break;
            }
            if (!change.equals(previous)) {
                seqs.add(change.seq());
            }
            previous = change;
        }
        return seqs;
    }

    /** A movement's version, in commit order. */
    private record Change(long seq, String transactionId) implements Comparable<Change> {
        @Override
        public int compareTo(Change o) {
            int bySeq = Long.compare(seq, o.seq);
            return bySeq != 0 ? bySeq : transactionId.compareTo(o.transactionId);
        }
    }

    private static List<FeedChange> movements(Connection c, List<String> wallets, long after, long upTo) throws SQLException {
        // each wallet's changes in the range, on their key; a transfer between two of the wallets once, from the
        // side it debits (a DISTINCT over both would collect and sort every row of the page first)
        String in = Rows.placeholders(wallets.size());
        String sql = "SELECT " + MOVEMENT_COLUMNS + " FROM wallet_changes w JOIN transaction_versions v"
                + " ON v.transaction_id = w.transaction_id AND v.seq = w.seq JOIN transactions t ON t.id = w.transaction_id"
                + " WHERE w.account_id IN (" + in + ") AND w.seq > ? AND w.seq <= ? AND w.transaction_id <> ''"
                + " AND (w.account_id = v.debit_account OR v.debit_account NOT IN (" + in + ")) ORDER BY 1, 2";
        List<FeedChange> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindIds(ps, 1, wallets);
            ps.setLong(i++, after);
            ps.setLong(i++, upTo);
            bindIds(ps, i, wallets);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new FeedChange(rs.getLong("seq"), Rows.transaction(rs).toMovement(), null));
                }
            }
        }
        return changes;
    }

    /** Each wallet that changed in (after, upTo], once, as its last change in that range left it. */
    private static List<FeedChange> walletChanges(Connection c, List<String> wallets, long after, long upTo)
            throws SQLException {
        String sql = "SELECT " + WALLET_COLUMNS + WALLET_FROM + " WHERE v.account_id = ? AND v.seq > ? AND v.seq <= ?"
                + " AND v.wallet_changed = 1 ORDER BY v.seq DESC LIMIT 1";
        List<FeedChange> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : wallets) {
                ps.setString(1, id);
                ps.setLong(2, after);
                ps.setLong(3, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        changes.add(new FeedChange(rs.getLong("seq"), null, Rows.account(rs).toWallet()));
                    }
                }
            }
        }
        changes.sort(Comparator.comparingLong(FeedChange::seq).thenComparing(f -> f.wallet().id()));
        return changes;
    }

    /** Each wallet as its latest change at or before {@code seq} left it; wallets opened later are left out. */
    private static List<WalletSnapshot> walletsAt(Connection c, List<String> wallets, long seq) throws SQLException {
        // one probe of its changes' key per wallet: a busy wallet has a change per commit
        String sql = "SELECT " + WALLET_COLUMNS + WALLET_FROM + " WHERE v.account_id = ? AND v.seq <= ? ORDER BY v.seq DESC LIMIT 1";
        List<WalletSnapshot> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : wallets) {
                ps.setString(1, id);
                ps.setLong(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        result.add(Rows.account(rs).toWallet());
                    }
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Binds {@code ids} from parameter {@code start} on; answers the next parameter index. */
    private static int bindIds(PreparedStatement ps, int start, List<String> ids) throws SQLException {
        int i = start;
        for (String id : ids) {
            ps.setString(i++, id);
        }
        return i;
    }
}
