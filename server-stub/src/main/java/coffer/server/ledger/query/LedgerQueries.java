package coffer.server.ledger.query;

import coffer.server.ledger.Movement;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.AuditEntry;
import coffer.server.ledger.WalletOwner;
import coffer.server.ledger.engine.Rows;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycTier;
import coffer.server.db.Jdbc;

import coffer.core.organization.OrganizationRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads. The static methods run on a given connection (the writer's, inside a task); the instance
 * methods on the read pool, which in WAL mode never waits for the writer.
 */
public final class LedgerQueries {
    private final Jdbc jdbc;

    public LedgerQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    public interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T read(Read<T> read) {
        return jdbc.withConnection(read::run);
    }

    // ---- single rows ---------------------------------------------------------------------------------

    /** Whether {@code userId} is a user of the environment: a wallet's holder must be. */
    public static boolean isUser(Connection c, String envId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE env_id = ? AND id = ?")) {
            ps.setString(1, envId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A user's KYC tier: what the ledger's limits count for the user's wallets; empty for no such user. */
    public static Optional<KycTier> tier(Connection c, String envId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kyc_tier FROM users WHERE env_id = ? AND id = ?")) {
            ps.setString(1, envId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(KycTier.fromWire(rs.getInt(1))) : Optional.empty();
            }
        }
    }

    public static Optional<KycLimitTable> limits(Connection c, String envId) throws SQLException {
        KycLimitTable.Builder builder = KycLimitTable.builder();
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tier, per_transaction, daily, max_balance FROM kyc_limits WHERE env_id = ?")) {
            ps.setString(1, envId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    builder.tier(KycTier.fromWire(rs.getInt(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                    found++;
                }
            }
        }
        return found == 0 ? Optional.empty() : Optional.of(builder.build());
    }

    public static Optional<WalletSnapshot> wallet(Connection c, String envId, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.ACCOUNT_COLUMNS + Rows.ACCOUNT_FROM
                + " WHERE a.id = ? AND a.env_id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, envId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.account(rs).toWallet()) : Optional.empty();
            }
        }
    }

    public static List<WalletSnapshot> walletsOf(Connection c, String envId, String userId) throws SQLException {
        return wallets(c, " WHERE a.user_id = ? AND a.env_id = ? ORDER BY a.created_at, a.id", userId, envId);
    }

    /** The wallets {@code userId} sees: their own, then those of their organizations, each oldest first. */
    public static List<WalletSnapshot> walletsVisibleTo(Connection c, String envId, String userId) throws SQLException {
        return wallets(c, " WHERE " + Rows.VISIBLE_TO + " AND a.env_id = ? ORDER BY CASE WHEN a.user_id = ? THEN 0 ELSE 1 END, "
                + "a.created_at, a.id", userId, userId, envId, userId);
    }

    private static List<WalletSnapshot> wallets(Connection c, String where, String... args) throws SQLException {
        List<WalletSnapshot> wallets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.ACCOUNT_COLUMNS + Rows.ACCOUNT_FROM + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    wallets.add(Rows.account(rs).toWallet());
                }
            }
        }
        return wallets;
    }

    /** The role {@code userId} has in the organization {@code holderId}, or empty when they are not one of its members. */
    public static Optional<OrganizationRole> memberRole(Connection c, String holderId, String userId) throws SQLException {
        return Rows.memberRole(c, holderId, userId);
    }

    /**
     * The approval threshold (minor units) of the organization {@code holderId} for money out of its wallets in
     * {@code currency} (the threshold's own): above it, another owner or admin decides. Empty when it has none,
     * the currency is another, or the holder is no organization.
     */
    public static Optional<Long> approvalThreshold(Connection c, String holderId, Currency currency)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT approval_threshold FROM organizations WHERE id = ? AND currency = ?")) {
            ps.setString(1, holderId);
            ps.setString(2, currency.getCurrencyCode());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long threshold = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(threshold);
            }
        }
    }

    /** The members of the organization {@code holderId}, by user id (none for any other holder). */
    public static List<String> memberIds(Connection c, String holderId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM organization_members WHERE organization_id = ?")) {
            ps.setString(1, holderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    public static Optional<Movement> movement(Connection c, String envId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.TX_COLUMNS + " FROM transactions t WHERE t.id = ? AND t.env_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, envId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.transaction(rs).toMovement()) : Optional.empty();
            }
        }
    }

    public static Map<String, WalletOwner> walletOwners(Connection c, String envId, java.util.Collection<String> accountIds)
            throws SQLException {
        Map<String, WalletOwner> owners = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.user_id, u.email FROM accounts a JOIN users u "
                + "ON u.id = a.user_id WHERE a.env_id = ? AND a.id IN (" + Rows.placeholders(accountIds.size()) + ")")) {
            int i = 1;
            ps.setString(i++, envId);
            for (String id : accountIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), new WalletOwner(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return owners;
    }

    public static List<String> dueHolds(Connection c, Instant now, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM holds WHERE state = 'PENDING' AND expires_at <= ? ORDER BY expires_at LIMIT ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    public static List<AuditEntry> audit(Connection c, String envId, String subjectType, String subjectId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, actor, subject_type, subject_id, field, old_value, "
                + "new_value, reason FROM audit_log WHERE env_id = ? AND subject_type = ? AND subject_id = ? ORDER BY id")) {
            ps.setString(1, envId);
            ps.setString(2, subjectType);
            ps.setString(3, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return entries;
    }

    // ---- history ---------------------------------------------------------------------------------------

    /** The first page of {@code q}. */
    public HistoryPage history(String envId, HistoryQuery q) {
        return history(envId, q, null);
    }

    private HistoryPage history(String envId, HistoryQuery q, HistoryPosition after) {
        StringBuilder filters = new StringBuilder();
        List<Object> filterArgs = new ArrayList<>();
        String wallets = Rows.placeholders(q.walletIds().size());
        if (!q.kinds().isEmpty()) {
            filters.append(" AND t.kind IN (").append(Rows.placeholders(q.kinds().size())).append(")");
            q.kinds().forEach(k -> filterArgs.add(k.wire()));
        }
        if (!q.statuses().isEmpty()) {
            filters.append(" AND t.status IN (").append(Rows.placeholders(q.statuses().size())).append(")");
            q.statuses().forEach(s -> filterArgs.add(s.wire()));
        }
        if (q.from() != null) {
            filters.append(" AND t.created_at >= ?");
            filterArgs.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            filters.append(" AND t.created_at < ?");
            filterArgs.add(q.to().toEpochMilli());
        }
        if (q.minAmount() != null) {
            filters.append(" AND t.currency = ? AND t.amount >= ?");
            filterArgs.add(q.minAmount().currencyCode());
            filterArgs.add(q.minAmount().minor());
        }
        if (q.maxAmount() != null) {
            filters.append(" AND t.currency = ? AND t.amount <= ?");
            filterArgs.add(q.maxAmount().currencyCode());
            filterArgs.add(q.maxAmount().minor());
        }
        if (q.text() != null) {
            String like = "%" + q.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // the counterparty is the side that is not one of the queried wallets (for a transfer between
            // two of them, the receiving one): its wallet id, or its owner's email
            String counterparty = "(CASE WHEN t.debit_account IN (" + wallets + ") THEN t.credit_account ELSE t.debit_account END)";
            filters.append(" AND (LOWER(COALESCE(t.description, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(t.reference, '')) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(COALESCE(t.metadata, '')) LIKE ? ESCAPE '\\' OR LOWER(t.id) LIKE ? ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM accounts ca JOIN users cu ON cu.id = ca.user_id WHERE ca.id = " + counterparty
                    + " AND (LOWER(ca.id) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(cu.email, '')) LIKE ? ESCAPE '\\')))");
            filterArgs.add(like);
            filterArgs.add(like);
            filterArgs.add(like);
            filterArgs.add(like);
            filterArgs.addAll(q.walletIds());
            filterArgs.add(like);
            filterArgs.add(like);
        }
        if (after != null) {
            // the first condition alone bounds the walk; the second breaks ties within one commit
            filters.append(" AND w.seq <= ? AND (w.seq < ? OR w.transaction_id < ?)");
            filterArgs.add(after.createdSeq());
            filterArgs.add(after.createdSeq());
            filterArgs.add(after.id());
        }
        // one walk, newest first, of each queried wallet's changes (V18) that created a movement, as deep as
        // the page: the page is among the first rows of those walks, so its cost does not grow with the
        // wallet's history (an IN list of wallets would sort every matching row first). UNION drops the
        // second copy of a movement between two of the queried wallets.
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        int branch = 0;
        for (String wallet : q.walletIds()) {
            sql.append(branch == 0 ? "" : " UNION ").append("SELECT * FROM (SELECT w.seq AS created_seq, ").append(Rows.TX_COLUMNS)
                    .append(" FROM wallet_changes w JOIN transactions t ON t.id = w.transaction_id")
                    .append(" WHERE w.account_id = ? AND w.movement_created = 1 AND t.env_id = ?").append(filters)
                    .append(" ORDER BY w.seq DESC, w.transaction_id DESC LIMIT ?) w").append(branch++);
            args.add(wallet);
            args.add(envId);
            args.addAll(filterArgs);
            args.add(q.limit() + 1);
        }
        sql.append(" ORDER BY created_seq DESC, id DESC LIMIT ?");
        args.add(q.limit() + 1);
        List<Created> rows = jdbc.query(sql.toString(), rs -> new Created(rs.getLong("created_seq"),
                Rows.transaction(rs).toMovement()), args.toArray());
        if (rows.size() <= q.limit()) {
            return new HistoryPage(rows.stream().map(Created::movement).toList(), null, q);
        }
        Created last = rows.get(q.limit() - 1);
        return new HistoryPage(rows.subList(0, q.limit()).stream().map(Created::movement).toList(),
                new HistoryCursor(q, new HistoryPosition(last.seq(), last.movement().id())), q);
    }

    /** A movement of a history page, with the commit that created it. */
    private record Created(long seq, Movement movement) {
    }

    /**
     * The next page after {@code cursor}, with the filters it carries. The cursor's wallets must all be in
     * {@code allowedWallets}: whoever holds a cursor must still hold its wallets.
     */
    public Result<HistoryPage> historyAfter(String envId, HistoryCursor cursor, Set<String> allowedWallets) {
        if (!allowedWallets.containsAll(cursor.query().walletIds())) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "The cursor is not valid; start again from the first page");
        }
        return Result.ok(history(envId, cursor.query(), cursor.after()));
    }
}
