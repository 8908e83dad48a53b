package coffer.server.ledger.engine;

import coffer.core.kyc.KycTier;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.server.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static coffer.core.kyc.KycPolicy.WINDOW;

/**
 * What KYC limits count: a holder's totals per currency, summed over every wallet the holder has, so
 * opening more wallets never raises what a holder may hold or send. The holder is the user who owns
 * the wallets. The writer and the read side share these statements, so both count one way.
 */
public final class Holders {
    /** Movements that count against a holder's rolling 24-hour outgoing limit. */
    public static final Set<TransactionKind> OUTGOING = Set.of(TransactionKind.WITHDRAWAL, TransactionKind.PAYMENT,
            TransactionKind.P2P, TransactionKind.SETTLEMENT);
    /** Outgoing movements count while in flight and once done; failed and reversed ones never moved money. */
    private static final List<TransactionStatus> COUNTED = List.of(TransactionStatus.PENDING, TransactionStatus.PROCESSING,
            TransactionStatus.COMPLETED);

    private static final long MINUTE_MILLIS = 60_000;
    /** In SQL over movement {@code t} and its debited account {@code a}: the movement counts against a's holder. */
    private static final String COUNTS_AGAINST_HOLDER = "t.kind IN ("
            + literals(OUTGOING.stream().map(TransactionKind::wire).sorted().toList()) + ") AND t.status IN ("
            + literals(COUNTED.stream().map(TransactionStatus::wire).toList()) + ")"
            + " AND NOT EXISTS (SELECT 1 FROM accounts r WHERE r.id = t.credit_account AND r.user_id = a.user_id)";

    private Holders() {
    }

    /** One holder's totals in one currency. */
    public record Key(String holderId, Currency currency) {
    }

    /**
     * Locks the holders' rows until commit, in id order, and answers their KYC tiers. On PostgreSQL this
     * is what makes two server processes that credit (or debit) two different wallets of one holder take
     * turns: each reads the holder's totals only once it holds the holder's row. Other transactions may
     * still insert rows that refer to a locked holder (a new wallet, a session): the lock leaves keys alone.
     */
    public static Map<String, KycTier> lock(Connection c, Dialect dialect, Collection<String> holderIds) throws SQLException {
        Map<String, KycTier> tiers = new HashMap<>();
        String sql = "SELECT u.id, u.kyc_tier FROM users u WHERE u.id IN (" + Rows.placeholders(holderIds.size())
                + ") ORDER BY u.id" + dialect.lockRowsKeepingKeys("u");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, 1, holderIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tiers.put(rs.getString(1), KycTier.fromWire(rs.getInt(2)));
                }
            }
        }
        return tiers;
    }

    /**
     * What each holder holds per currency: posted plus expected credits of every wallet, whatever its
     * status (a closed wallet holds nothing). Expected credits count so that money on its way (a payment
     * not yet settled) cannot be matched by more money while it travels.
     */
    public static Map<Key, Long> held(Connection c, Collection<String> holderIds) throws SQLException {
        String sql = "SELECT a.user_id, a.currency, SUM(a.posted + a.pending_credits) FROM accounts a WHERE a.user_id IN ("
                + Rows.placeholders(holderIds.size()) + ") GROUP BY a.user_id, a.currency";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, 1, holderIds);
            return totals(ps);
        }
    }

    /**
     * What each holder sent per currency in the 24 hours before {@code now}: movements of the
     * {@link #OUTGOING} kinds from any of its wallets, in flight or done, except those to another of
     * its own wallets (moving money between one's own wallets sends nothing). The whole minutes of the
     * window come from the sums the writer keeps ({@link #recordOutgoing}); only the minute the window
     * starts in is read movement by movement, so the cost does not grow with what the holder sent.
     */
    public static Map<Key, Long> sentToday(Connection c, Collection<String> holderIds, Instant now) throws SQLException {
        long windowStart = now.minus(WINDOW).toEpochMilli(); // movements created after it count
        long firstWholeMinute = Math.floorDiv(windowStart, MINUTE_MILLIS) + 1;
        Map<Key, Long> sent;
        try (PreparedStatement ps = c.prepareStatement("SELECT holder_id, currency, SUM(amount) FROM holder_outgoing"
                + " WHERE holder_id IN (" + Rows.placeholders(holderIds.size()) + ") AND minute >= ?"
                + " GROUP BY holder_id, currency")) {
            int i = bind(ps, 1, holderIds);
            ps.setLong(i, firstWholeMinute);
            sent = totals(ps);
        }
        // the boundary minute, movement by movement: those the holder's wallets changed between the first and
        // the last commit that started a movement counting in that minute (V19), filtered exactly
        String sql = "SELECT a.user_id, a.currency, SUM(t.amount) FROM transactions t JOIN accounts a ON a.id = t.debit_account"
                + " WHERE t.id IN (SELECT w.transaction_id FROM holder_outgoing o"
                + " JOIN accounts h ON h.user_id = o.holder_id AND h.currency = o.currency"
                + " JOIN wallet_changes w ON w.account_id = h.id AND w.seq >= o.first_seq AND w.seq <= o.last_seq"
                + " WHERE o.holder_id IN (" + Rows.placeholders(holderIds.size()) + ") AND o.minute = ? AND w.transaction_id <> '')"
                + " AND a.user_id IN (" + Rows.placeholders(holderIds.size()) + ") AND t.created_at > ? AND t.created_at < ?"
                + " AND t.kind IN (" + Rows.placeholders(OUTGOING.size()) + ") AND t.status IN (" + Rows.placeholders(COUNTED.size())
                + ") AND NOT EXISTS (SELECT 1 FROM accounts r WHERE r.id = t.credit_account AND r.user_id = a.user_id)"
                + " GROUP BY a.user_id, a.currency";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, 1, holderIds);
            ps.setLong(i++, firstWholeMinute - 1);
            i = bind(ps, i, holderIds);
            ps.setLong(i++, windowStart);
            ps.setLong(i++, firstWholeMinute * MINUTE_MILLIS);
            for (TransactionKind kind : OUTGOING) {
                ps.setString(i++, kind.wire());
            }
            for (TransactionStatus status : COUNTED) {
                ps.setString(i++, status.wire());
            }
            totals(ps).forEach((key, amount) -> sent.merge(key, amount, Long::sum));
        }
        return sent;
    }

    /**
     * Keeps the per-minute sums {@link #sentToday} reads in step with the movements a batch writes: a
     * movement adds its amount to its holder's minute when it starts to count (created in flight, or
     * found in flight), and takes it back when it stops (failed, reversed) or changes by what its
     * amount changed. Runs in the batch's transaction, so the sums change exactly when the movements do.
     *
     * @param accounts the batch's loaded accounts; a movement's account that is not among them is read
     */
    static void recordOutgoing(Connection c, long seq, Collection<TxRow> written, Map<String, AccountState> accounts)
            throws SQLException {
        List<TxRow> changed = written.stream().filter(t -> outgoingChange(t) != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        Map<String, String> owners = owners(c, changed, accounts);
        Map<MinuteKey, Long> deltas = new HashMap<>();
        Set<MinuteKey> started = new HashSet<>();
        for (TxRow t : changed) {
            String holder = owners.get(t.debitAccount);
            if (holder == null || holder.equals(owners.get(t.creditAccount))) {
                continue; // a system account's movement, or one between a holder's own wallets
            }
            MinuteKey key = new MinuteKey(holder, t.amount.currencyCode(), Math.floorDiv(t.createdAt.toEpochMilli(), MINUTE_MILLIS));
            long change = outgoingChange(t);
            deltas.merge(key, change, Long::sum);
            if (change > 0) {
                started.add(key);
            }
        }
        // a minute's commit range grows with each commit that makes a movement count more in it; one that
        // makes it count less need not be found again (sentToday reads the movement's present state), and
        // only changes a minute still kept: a movement that stops counting more than a day after it started
        // (an expired or refused hold) is in a minute already purged, which no window reaches
        List<Map.Entry<MinuteKey, Long>> less = deltas.entrySet().stream().filter(d -> d.getValue() < 0).toList();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE holder_outgoing SET amount = amount + ? WHERE holder_id = ? AND currency = ? AND minute = ?")) {
            for (Map.Entry<MinuteKey, Long> d : less) {
                ps.setLong(1, d.getValue());
                ps.setString(2, d.getKey().holderId());
                ps.setString(3, d.getKey().currency());
                ps.setLong(4, d.getKey().minute());
                ps.addBatch();
            }
            if (!less.isEmpty()) {
                ps.executeBatch();
            }
        }
        deltas.values().removeIf(amount -> amount < 0);
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO holder_outgoing (holder_id, currency, minute, amount,"
                + " first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (holder_id, currency, minute)"
                + " DO UPDATE SET amount = holder_outgoing.amount + excluded.amount,"
                + " first_seq = CASE WHEN excluded.first_seq < holder_outgoing.first_seq THEN excluded.first_seq"
                + " ELSE holder_outgoing.first_seq END,"
                + " last_seq = CASE WHEN excluded.last_seq > holder_outgoing.last_seq THEN excluded.last_seq"
                + " ELSE holder_outgoing.last_seq END")) {
            for (Map.Entry<MinuteKey, Long> d : deltas.entrySet()) {
                boolean widens = started.contains(d.getKey());
                ps.setString(1, d.getKey().holderId());
                ps.setString(2, d.getKey().currency());
                ps.setLong(3, d.getKey().minute());
                ps.setLong(4, d.getValue());
                ps.setLong(5, widens ? seq : Long.MAX_VALUE);
                ps.setLong(6, widens ? seq : 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One holder's outgoing sum in one currency and minute. */
    private record MinuteKey(String holderId, String currency, long minute) {
    }

    /** How much more (or less) a movement counts against its holder's limit than when the batch found it. */
    private static long outgoingChange(TxRow t) {
        return counted(t.kind, t.status, t.amount.minor())
                - (t.isNew ? 0 : counted(t.kind, t.loadedStatus, t.loadedAmount.minor()));
    }

    /** Forgets the sums of minutes that ended more than a day before {@code now}: no window reaches them. */
    public static int purgeOutgoing(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM holder_outgoing WHERE minute < ?")) {
            ps.setLong(1, Math.floorDiv(now.minus(WINDOW).toEpochMilli(), MINUTE_MILLIS) - 1);
            return ps.executeUpdate();
        }
    }

    /**
     * The per-minute outgoing sums recomputed from the movements, as {@code holder_id, currency, minute,
     * amount}: what {@code holder_outgoing} must hold, for {@code verify}.
     */
    public static String recomputedOutgoing() {
        return "SELECT a.user_id AS holder_id, a.currency AS currency, t.created_at / " + MINUTE_MILLIS + " AS minute,"
                + " SUM(t.amount) AS amount FROM transactions t JOIN accounts a ON a.id = t.debit_account"
                + " WHERE a.user_id IS NOT NULL AND " + COUNTS_AGAINST_HOLDER
                + " GROUP BY a.user_id, a.currency, t.created_at / " + MINUTE_MILLIS;
    }

    /**
     * The movements that count in a kept minute but that {@link #sentToday} could not find when that minute
     * is the one its window starts in (no change of the holder's wallet by the movement within the minute's
     * commit range), as {@code transaction_id}: none, for {@code verify}.
     */
    public static String unfoundOutgoing() {
        return "SELECT t.id FROM transactions t JOIN accounts a ON a.id = t.debit_account"
                + " JOIN holder_outgoing o ON o.holder_id = a.user_id AND o.currency = t.currency AND o.minute = t.created_at / "
                + MINUTE_MILLIS + " WHERE " + COUNTS_AGAINST_HOLDER
                // by the movement's versions in the range (few), each a probe of the wallet's changes: a scan of the
                // wallet's changes in the range would read a busy wallet's whole minute for every movement
                + " AND NOT EXISTS (SELECT 1 FROM transaction_versions v WHERE v.transaction_id = t.id"
                + " AND v.seq >= o.first_seq AND v.seq <= o.last_seq AND EXISTS (SELECT 1 FROM wallet_changes w"
                + " WHERE w.account_id = a.id AND w.seq = v.seq AND w.transaction_id = v.transaction_id))";
    }

    private static String literals(List<String> words) {
        return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
    }

    /** What a movement counts against its holder's outgoing limit, in minor units. */
    private static long counted(TransactionKind kind, TransactionStatus status, long amount) {
        return OUTGOING.contains(kind) && COUNTED.contains(status) ? amount : 0;
    }

    /** The owner of each account the movements name (absent for system accounts). */
    private static Map<String, String> owners(Connection c, List<TxRow> movements, Map<String, AccountState> accounts)
            throws SQLException {
        Map<String, String> owners = new HashMap<>();
        Set<String> unknown = new java.util.TreeSet<>();
        for (TxRow t : movements) {
            for (String id : List.of(t.debitAccount, t.creditAccount)) {
                AccountState a = accounts.get(id);
                if (a == null) {
                    unknown.add(id);
                } else if (a.userId != null) {
                    owners.put(id, a.userId);
                }
            }
        }
        if (!unknown.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, user_id FROM accounts WHERE user_id IS NOT NULL AND id IN ("
                    + Rows.placeholders(unknown.size()) + ")")) {
                bind(ps, 1, unknown);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return owners;
    }

    private static Map<Key, Long> totals(PreparedStatement ps) throws SQLException {
        Map<Key, Long> totals = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                totals.put(new Key(rs.getString(1), Currency.getInstance(rs.getString(2))), rs.getLong(3));
            }
        }
        return totals;
    }

    private static int bind(PreparedStatement ps, int from, Collection<String> values) throws SQLException {
        int i = from;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }
}
