package coffer.server.payment;

import coffer.server.ledger.engine.Rows;
import coffer.core.ledger.AccountKind;
import coffer.core.wallet.WalletStatus;
import coffer.server.db.Keyset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The payments table: the row a payment adds to its movement, and the reads that join the two. A
 * payment's status and amounts are always read from its movement.
 */
final class PaymentRows {
    static final String INSERT =
            "INSERT INTO payments (id, env_id, user_id, transaction_id, destination, created_at, approval) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static final String COLUMNS = "SELECT " + Rows.TX_COLUMNS
            + ", p.id AS payment_id, p.user_id AS payer_id, p.destination AS destination, p.created_at AS payment_created_at,"
            + " p.approval AS approval, p.decided_by AS decided_by";
    private static final String FROM = " FROM payments p JOIN transactions t ON t.id = p.transaction_id";
    private static final String SELECT = COLUMNS + FROM;

    private PaymentRows() {
    }

    /** The open wallet in {@code currency} of the environment's user with {@code email}: where a payment to them goes. */
    static Optional<String> recipientWallet(Connection c, String envId, String email, Currency currency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM accounts a JOIN users u ON u.id = a.user_id "
                + "WHERE u.env_id = ? AND u.email = ? AND a.currency = ? AND a.kind = ? AND a.status <> ? "
                + "ORDER BY a.created_at, a.id LIMIT 1")) {
            ps.setString(1, envId);
            ps.setString(2, email.toLowerCase(Locale.ROOT));
            ps.setString(3, currency.getCurrencyCode());
            ps.setString(4, AccountKind.USER_WALLET.name());
            ps.setString(5, WalletStatus.CLOSED.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A payment of the environment, whoever paid it. */
    static Optional<Payment> byId(Connection c, String envId, String paymentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.id = ? AND p.env_id = ?")) {
            ps.setString(1, paymentId);
            ps.setString(2, envId);
            List<Payment> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** A page of a payer's payments, newest first, after {@code after} (null: from the newest). */
    static PaymentPage page(Connection c, String envId, String userId, Keyset after, int limit) throws SQLException {
        String sql = SELECT + " WHERE p.env_id = ? AND p.user_id = ?"
                + (after == null ? "" : " AND (p.created_at < ? OR (p.created_at = ? AND p.id < ?))")
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, envId);
            ps.setString(i++, userId);
            if (after != null) {
                ps.setLong(i++, after.createdMillis());
                ps.setLong(i++, after.createdMillis());
                ps.setString(i++, after.id());
            }
            ps.setInt(i, limit + 1);
            Keyset.Page<Payment> page = Keyset.page(list(ps), limit, p -> Keyset.of(p.createdAt(), p.id()));
            return new PaymentPage(page.rows(), page.next());
        }
    }

    /**
     * Payments whose movement is still pending or processing, oldest first, created before
     * {@code createdBefore} (epoch ms) and after {@code after} (null: from the oldest).
     */
    static List<Payment> unfinished(Connection c, long createdBefore, Payment after, int limit) throws SQLException {
        // literal statuses, so the planner can use the partial index of unfinished movements
        // a payment awaiting approval is not the processor's until someone approves it
        String sql = SELECT + " WHERE t.status IN ('pending', 'processing') AND t.created_at < ? AND p.approval <> 'pending'"
                + (after == null ? "" : " AND (t.created_at > ? OR (t.created_at = ? AND t.id > ?))")
                + " ORDER BY t.created_at, t.id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, createdBefore);
            if (after != null) {
                ps.setLong(i++, after.createdAt().toEpochMilli());
                ps.setLong(i++, after.createdAt().toEpochMilli());
                ps.setString(i++, after.transactionId());
            }
            ps.setInt(i, limit);
            return list(ps);
        }
    }

    /**
     * The payments from the wallets of the environment's organization {@code organizationId} that still await
     * an owner's or admin's approval at {@code now} (epoch ms), oldest first: decided, voided or expired ones are
     * not, even before the ledger's sweep voids an expired hold.
     */
    static List<PaymentAwaitingApproval> awaitingApproval(Connection c, String envId, String organizationId, long now)
            throws SQLException {
        // from the organization's wallets to their outgoing movements (transactions_debit), literal statuses
        String sql = COLUMNS + ", u.email AS initiator_email, h.expires_at AS hold_expires_at" + FROM
                + " JOIN accounts a ON a.id = t.debit_account JOIN holds h ON h.id = t.hold_id"
                + " LEFT JOIN users u ON u.id = t.initiated_by"
                + " WHERE a.user_id = ? AND a.env_id = ? AND p.approval = 'pending' AND t.status = 'pending'"
                + " AND h.expires_at > ? ORDER BY t.created_at, t.id";
        List<PaymentAwaitingApproval> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, organizationId);
            ps.setString(2, envId);
            ps.setLong(3, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new PaymentAwaitingApproval(payment(rs), rs.getString("initiator_email"),
                            Instant.ofEpochMilli(rs.getLong("hold_expires_at"))));
                }
            }
        }
        return found;
    }

    /** Records the decision on a payment awaiting approval; false when it no longer awaits one. */
    static boolean decide(Connection c, String paymentId, Payment.Approval decision, String decidedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE payments SET approval = ?, decided_by = ? WHERE id = ? AND approval = 'pending'")) {
            ps.setString(1, decision.wire());
            ps.setString(2, decidedBy);
            ps.setString(3, paymentId);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<Payment> list(PreparedStatement ps) throws SQLException {
        List<Payment> payments = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                payments.add(payment(rs));
            }
        }
        return payments;
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return Payment.of(rs.getString("payment_id"), rs.getString("payer_id"), rs.getString("destination"),
                Rows.transaction(rs), Payment.Approval.fromWire(rs.getString("approval")), rs.getString("decided_by"));
    }
}
