package coffer.app.local;

import coffer.app.local.LocalLedger.HistoryPage;
import coffer.app.local.LocalLedger.Keyset;
import coffer.core.api.TransactionTypes.TransactionView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reading side of {@link LocalLedger}: one movement, and pages of history newest first, each page read along
 * an index in its order (never a sort of everything that matches), each movement seen from the side of the wallet
 * the screen looks at, as the server would show it.
 */
final class LocalHistory {
    private static final String COLUMNS = "id, kind, status, amount_minor, currency, from_wallet, to_wallet, counterparty,"
            + " description, reference, created_at, completed_at, failure_reason";

    private final LocalDatabase db;

    LocalHistory(LocalDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** One movement, seen from the user's sending wallet when both sides are theirs (as the server shows it). */
    Optional<TransactionView> transaction(String id) {
        return db.read(c -> {
            Set<String> own = ownWallets(c);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM transactions WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(view(r, null, own)) : Optional.empty();
                }
            }
        });
    }

    /**
     * One page of history, newest first, after {@code after} (null: from the newest).
     *
     * @param limit rows per page, at least 1
     */
    HistoryPage page(LedgerFilter filter, Keyset after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Query query = historyQuery(filter, after, limit + 1);
        return db.read(c -> {
            Set<String> own = ownWallets(c);
            List<TransactionView> rows = new ArrayList<>();
            List<String> created = new ArrayList<>();
            try (PreparedStatement s = query.prepare(c)) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(view(r, filter.walletId(), own));
                        created.add(r.getString(11));
                    }
                }
            }
            if (rows.size() <= limit) {
                return new HistoryPage(rows, null);
            }
            List<TransactionView> page = rows.subList(0, limit);
            return new HistoryPage(List.copyOf(page), new Keyset(created.get(limit - 1), page.get(limit - 1).id()));
        });
    }

    /** A statement and its parameters, in order. */
    record Query(String sql, List<Object> params) {
        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            return s;
        }
    }

    /**
     * The newest {@code rows} movements matching {@code filter} after {@code after}, newest first, each read
     * along an index in its order: never a sort of everything that matches.
     */
    static Query historyQuery(LedgerFilter filter, Keyset after, int rows) {
        List<Object> params = new ArrayList<>();
        String order = " ORDER BY created_at DESC, id DESC LIMIT " + rows;
        if (filter.walletId() == null) {
            return new Query(select("1 = 1", filter, after, params) + order, params);
        }
        // two ordered index walks (money out, money in) merged: no sort of the wallet's whole history
        params.add(filter.walletId());
        String out = select("from_wallet = ?", filter, after, params);
        params.add(filter.walletId());
        String in = select("to_wallet = ?", filter, after, params);
        return new Query("SELECT * FROM (" + out + order + ") UNION ALL SELECT * FROM (" + in + order + ")" + order, params);
    }

    private static String select(String side, LedgerFilter f, Keyset after, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM transactions WHERE ").append(side);
        in(sql, "kind", f.kinds(), params);
        in(sql, "status", f.statuses(), params);
        if (f.from() != null) {
            sql.append(" AND created_at >= ?");
            params.add(FixedTime.of(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND created_at < ?");
            params.add(FixedTime.of(f.to()));
        }
        if (f.minMinor() != null) {
            sql.append(" AND amount_minor >= ?");
            params.add(f.minMinor());
        }
        if (f.maxMinor() != null) {
            sql.append(" AND amount_minor <= ?");
            params.add(f.maxMinor());
        }
        if (f.text() != null) {
            String like = "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (description LIKE ? ESCAPE '\\' OR reference LIKE ? ESCAPE '\\' OR counterparty LIKE ? ESCAPE '\\'"
                    + " OR id LIKE ? ESCAPE '\\')");
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
        }
        if (after != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.add(after.createdAt());
            params.add(after.createdAt());
            params.add(after.id());
        }
        return sql.toString();
    }

    private static void in(StringBuilder sql, String column, Collection<String> values, List<Object> params) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", values.stream().map(v -> "?").toList()))
                    .append(')');
            params.addAll(values);
        }
    }

    /** A stored row as the server would show it from {@code side} (null: the user's wallet it touches, the sender first). */
    private static TransactionView view(ResultSet r, String side, Set<String> own) throws SQLException {
        String from = r.getString(6);
        String to = r.getString(7);
        boolean out = side != null ? side.equals(from) : from != null && own.contains(from);
        String currency = r.getString(5);
        String completed = r.getString(12);
        return new TransactionView(r.getString(1), r.getString(2), r.getString(3), LocalLedger.decimal(r.getLong(4), currency), currency,
                out ? "out" : "in", counterparty(r.getString(8), out ? to : from, own), out ? to : from, r.getString(9), r.getString(10),
                Instant.parse(r.getString(11)).toString(), completed == null ? null : Instant.parse(completed).toString(),
                out ? from : to, r.getString(13));
    }

    /** The server names one of the user's own wallets by its id, whichever side it was seen from. */
    private static String counterparty(String stored, String otherWallet, Set<String> own) {
        return otherWallet != null && own.contains(otherWallet) ? otherWallet : stored;
    }

    private static Set<String> ownWallets(Connection c) throws SQLException {
        Set<String> own = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM wallets")) {
            while (r.next()) {
                own.add(r.getString(1));
            }
        }
        return own;
    }
}
