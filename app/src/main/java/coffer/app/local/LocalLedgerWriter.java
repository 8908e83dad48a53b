package coffer.app.local;

import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The write side of {@link LocalLedger}: applies feed pages, replaces a wallet's movements, wipes, and sums every
 * row again. Movements are stored side-free ({@code from_wallet → to_wallet}); a page adds its new rows' sums to
 * {@code wallet_sums} once per wallet, and the triggers move the sums of rows it changes.
 */
final class LocalLedgerWriter {
    private static final String ON_CONFLICT_DO = "INSERT INTO transactions (id, kind, status, amount_minor, currency,"
            + " from_wallet, to_wallet, counterparty, description, reference, created_at, completed_at, failure_reason,"
            + " seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO";
    /** A new movement, or nothing when its id is stored already. */
    private static final String INSERT_TRANSACTION = ON_CONFLICT_DO + " NOTHING";
    private static final String UPSERT_TRANSACTION = ON_CONFLICT_DO + " UPDATE SET kind = excluded.kind,"
            + " status = excluded.status, amount_minor = excluded.amount_minor, currency = excluded.currency,"
            + " from_wallet = excluded.from_wallet, to_wallet = excluded.to_wallet, counterparty = excluded.counterparty,"
            + " description = excluded.description, reference = excluded.reference, created_at = excluded.created_at,"
            + " completed_at = excluded.completed_at, failure_reason = excluded.failure_reason, seq = excluded.seq";
    private static final String UPSERT_WALLET = "INSERT INTO wallets (id, currency, posted_minor, available_minor,"
            + " pending_minor, status, seq, organization_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            + " currency = excluded.currency, status = excluded.status, seq = excluded.seq,"
            + " organization_id = excluded.organization_id";
    private static final String UPSERT_WALLET_BALANCES = UPSERT_WALLET + ", posted_minor = excluded.posted_minor,"
            + " available_minor = excluded.available_minor, pending_minor = excluded.pending_minor";
    /** The statuses whose movements count in the posted sums, and in the pending sums, as SQL literals. */
    private static final String POSTED = sqlList(TransactionStatus::isPosted);
    private static final String IN_FLIGHT = sqlList(TransactionStatus::isInFlight);

    private final LocalDatabase db;

    LocalLedgerWriter(LocalDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** {@link LocalLedger#apply}: one page, all or nothing, with the cursor to continue from. */
    int apply(SyncPage page, Instant now) {
        return db.write(c -> {
            List<TransactionView> movements = new ArrayList<>(page.changes().size());
            List<Long> seqs = new ArrayList<>(page.changes().size());
            try (PreparedStatement wallet = c.prepareStatement(UPSERT_WALLET)) {
                for (SyncChange change : page.changes()) {
                    if (change.transaction() != null) {
                        movements.add(change.transaction());
                        seqs.add(change.seq());
                    } else if (change.account() != null) {
                        bindWallet(wallet, change.account(), change.seq());
                        wallet.executeUpdate();
                    }
                }
            }
            store(c, movements, seqs::get);
            storeServerBalances(c, page.accounts(), page.seq());
            try (PreparedStatement s = c.prepareStatement("UPDATE sync_state SET cursor = ?, seq = ?, synced_at = ? WHERE id = 1")) {
                s.setString(1, page.nextCursor());
                s.setLong(2, page.seq());
                s.setString(3, now.toString());
                s.executeUpdate();
            }
            return page.changes().size();
        });
    }

    /** {@link LocalLedger#replaceWalletMovements}, in one transaction. */
    void replaceWalletMovements(String walletId, List<TransactionView> movements) {
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM transactions WHERE from_wallet = ? OR to_wallet = ?")) {
                delete.setString(1, walletId);
                delete.setString(2, walletId);
                delete.executeUpdate();
            }
            long seq = currentSeq(c);
            store(c, movements, i -> seq);
            return null;
        });
    }

    /**
     * Stores movements in order (a later one with the same id replaces the earlier): new rows in one batch,
     * their sums added once per wallet; rows already stored are updated, and the update trigger moves their
     * sums.
     */
    private static void store(Connection c, List<TransactionView> movements, IntFunction<Long> seqOf)
            throws SQLException {
        if (movements.isEmpty()) {
            return;
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        List<Integer> existing = new ArrayList<>();
        long[] minor = new long[movements.size()];
        try (PreparedStatement insert = c.prepareStatement(INSERT_TRANSACTION)) {
            for (int i = 0; i < movements.size(); i++) {
                TransactionView t = movements.get(i);
                minor[i] = Money.parse(t.amount(), t.currency()).minor();
                bindTransaction(insert, t, minor[i], seqOf.apply(i));
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    addSums(sums, movements.get(i), minor[i]);
                } else {
                    existing.add(i);
                }
            }
        }
        try (PreparedStatement add = c.prepareStatement("INSERT INTO wallet_sums (wallet, posted_in, posted_out, pending_out)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (wallet) DO UPDATE SET posted_in = posted_in + excluded.posted_in,"
                + " posted_out = posted_out + excluded.posted_out, pending_out = pending_out + excluded.pending_out")) {
            for (Map.Entry<String, long[]> e : sums.entrySet()) {
                add.setString(1, e.getKey());
                add.setLong(2, e.getValue()[0]);
                add.setLong(3, e.getValue()[1]);
                add.setLong(4, e.getValue()[2]);
                add.addBatch();
            }
            add.executeBatch();
        }
        // after the new rows' sums are in: the update trigger moves the sums of the rows it replaces
        if (!existing.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT_TRANSACTION)) {
                for (int i : existing) {
                    bindTransaction(upsert, movements.get(i), minor[i], seqOf.apply(i));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }

    /** A new row's part in its wallets' sums: posted in, posted out, pending out. */
    private static void addSums(Map<String, long[]> sums, TransactionView t, long amount) {
        boolean out = "out".equals(t.direction());
        String from = out ? t.walletId() : t.counterpartyWalletId();
        String to = out ? t.counterpartyWalletId() : t.walletId();
        TransactionStatus status = TransactionStatus.find(t.status()).orElse(null);
        boolean posted = status != null && status.isPosted();
        boolean pending = status != null && status.isInFlight();
        if (posted && to != null) {
            sums.computeIfAbsent(to, w -> new long[3])[0] += amount;
        }
        if (posted && from != null) {
            sums.computeIfAbsent(from, w -> new long[3])[1] += amount;
        }
        if (pending && from != null) {
            sums.computeIfAbsent(from, w -> new long[3])[2] += amount;
        }
    }

    /** {@link LocalLedger#wipe}: forgets everything, cursor included. */
    void wipe() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM transactions");
                s.executeUpdate("DELETE FROM wallet_sums");
                s.executeUpdate("DELETE FROM wallets");
                s.executeUpdate("UPDATE sync_state SET cursor = NULL, seq = 0, synced_at = NULL WHERE id = 1");
            }
            return null;
        });
    }

    /** {@link LocalLedger#recount}: every stored movement summed again into {@code wallet_sums}. */
    void recount() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM wallet_sums");
                s.executeUpdate("INSERT INTO wallet_sums (wallet, posted_in, posted_out, pending_out)"
                        + " SELECT wallet, sum(posted_in), sum(posted_out), sum(pending_out) FROM ("
                        + " SELECT to_wallet AS wallet, amount_minor AS posted_in, 0 AS posted_out, 0 AS pending_out"
                        + "   FROM transactions WHERE to_wallet IS NOT NULL AND status IN (" + POSTED + ")"
                        + " UNION ALL SELECT from_wallet, 0, amount_minor, 0"
                        + "   FROM transactions WHERE from_wallet IS NOT NULL AND status IN (" + POSTED + ")"
                        + " UNION ALL SELECT from_wallet, 0, 0, amount_minor"
                        + "   FROM transactions WHERE from_wallet IS NOT NULL AND status IN (" + IN_FLIGHT + ")"
                        + ") GROUP BY wallet");
            }
            return null;
        });
    }

    private static String sqlList(Predicate<TransactionStatus> which) {
        return Arrays.stream(TransactionStatus.values()).filter(which).map(s -> "'" + s.wire() + "'")
                .collect(Collectors.joining(", "));
    }

    private static long currentSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq FROM sync_state WHERE id = 1")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void bindTransaction(PreparedStatement s, TransactionView t, long minor, long seq) throws SQLException {
        boolean out = "out".equals(t.direction());
        s.setString(1, t.id());
        s.setString(2, t.kind());
        s.setString(3, t.status());
        s.setLong(4, minor);
        s.setString(5, t.currency());
        setNullable(s, 6, out ? t.walletId() : t.counterpartyWalletId());
        setNullable(s, 7, out ? t.counterpartyWalletId() : t.walletId());
        setNullable(s, 8, t.counterparty());
        setNullable(s, 9, t.description());
        setNullable(s, 10, t.reference());
        s.setString(11, FixedTime.ofText(t.createdAt()));
        setNullable(s, 12, t.completedAt() == null ? null : FixedTime.ofText(t.completedAt()));
        setNullable(s, 13, t.failureReason());
        s.setLong(14, seq);
    }

    private static void bindWallet(PreparedStatement s, AccountView a, long seq) throws SQLException {
        s.setString(1, a.id());
        s.setString(2, a.currency());
        s.setLong(3, minor(a.balance(), a.currency()));
        s.setLong(4, minor(a.availableBalance(), a.currency()));
        s.setLong(5, minor(a.pendingBalance(), a.currency()));
        s.setString(6, a.status());
        s.setLong(7, seq);
        setNullable(s, 8, a.organizationId());
    }

    private static void storeServerBalances(Connection c, List<AccountView> accounts, long seq) throws SQLException {
        // keyed by id, in the server's order: a wallet listed twice keeps its last figures
        Map<String, AccountView> byId = new LinkedHashMap<>();
        accounts.forEach(a -> byId.put(a.id(), a));
        try (PreparedStatement s = c.prepareStatement(UPSERT_WALLET_BALANCES)) {
            for (AccountView a : byId.values()) {
                bindWallet(s, a, seq);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static long minor(String amount, String currency) {
        return amount == null ? 0 : Money.parse(amount, currency).minor();
    }
}
