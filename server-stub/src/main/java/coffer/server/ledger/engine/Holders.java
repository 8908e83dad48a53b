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
     * its own wallets (moving money between one's own wallets sends nothing).
     */
    public static Map<Key, Long> sentToday(Connection c, Collection<String> holderIds, Instant now) throws SQLException {
        String sql = "SELECT a.user_id, a.currency, SUM(t.amount) FROM accounts a JOIN transactions t ON t.debit_account = a.id"
                + " WHERE a.user_id IN (" + Rows.placeholders(holderIds.size()) + ") AND t.created_at > ?"
                + " AND t.kind IN (" + Rows.placeholders(OUTGOING.size()) + ") AND t.status IN (" + Rows.placeholders(COUNTED.size())
                + ") AND NOT EXISTS (SELECT 1 FROM accounts r WHERE r.id = t.credit_account AND r.user_id = a.user_id)"
                + " GROUP BY a.user_id, a.currency";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, 1, holderIds);
            ps.setLong(i++, now.minus(WINDOW).toEpochMilli());
            for (TransactionKind kind : OUTGOING) {
                ps.setString(i++, kind.wire());
            }
            for (TransactionStatus status : COUNTED) {
                ps.setString(i++, status.wire());
            }
            return totals(ps);
        }
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
