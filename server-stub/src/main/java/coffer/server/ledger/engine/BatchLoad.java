package coffer.server.ledger.engine;

import coffer.core.kyc.KycTier;
import coffer.core.wallet.StatusActor;
import coffer.server.db.Dialect;
import coffer.server.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A batch's first half: the rows its tasks declared, loaded (and on PostgreSQL locked, in id order)
 * once, with the KYC totals of their holders. The rows stay here while the tasks change them; new
 * movements and holds join them, so a later task of the batch sees what an earlier one did.
 */
final class BatchLoad {
    private final Connection connection;
    private final Dialect dialect;
    private final Instant now;

    private final Set<String> wantedAccounts = new TreeSet<>();
    private final Set<String> wantedHolds = new TreeSet<>();
    private final Set<String> wantedTransactions = new TreeSet<>();
    private final List<Function<Batch, List<Batch.HolderNeed>>> wantedHolders = new ArrayList<>();

    final Map<String, AccountState> accounts = new HashMap<>();
    final Map<String, HoldRow> holds = new HashMap<>();
    final Map<String, TxRow> transactions = new LinkedHashMap<>();
    /** The loaded wallets of each holder, by currency: with {@link HolderTotals#heldElsewhere}, all it holds. */
    private final Map<Holders.Key, List<AccountState>> holderWallets = new HashMap<>();
    private final Map<Holders.Key, HolderTotals> holderTotals = new HashMap<>();
    /** Holders whose rows are locked (on PostgreSQL) and whose holdings were read in this batch. */
    private final Set<String> heldLoaded = new HashSet<>();
    /** Holders whose outgoing totals of the last 24 hours were read in this batch. */
    private final Set<String> sentLoaded = new HashSet<>();

    BatchLoad(Connection connection, Dialect dialect, Instant now) {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
    }

    void needAccount(String id) {
        if (id != null) {
            wantedAccounts.add(id);
        }
    }

    void needHold(String id) {
        if (id != null) {
            wantedHolds.add(id);
        }
    }

    void needTransaction(String id) {
        if (id != null) {
            wantedTransactions.add(id);
        }
    }

    void needHolders(Function<Batch, List<Batch.HolderNeed>> resolver) {
        wantedHolders.add(resolver);
    }

    /**
     * Loads the declared rows. On PostgreSQL each is locked as it is read, so a row another server
     * process is changing is read only once that change is committed: a hold or a movement read before
     * the lock could already have been captured or refunded by then. Every batch locks holds, then
     * movements, then accounts, then holders (users), each kind in id order, so two writers never wait on
     * each other in a cycle; the commit counter, taken at flush, comes last of all.
     */
    void load(Batch batch) throws SQLException {
        if (!wantedHolds.isEmpty()) {
            for (HoldRow row : select("SELECT " + Rows.HOLD_COLUMNS + " FROM holds h WHERE h.id IN (", "h", wantedHolds, Rows::hold)) {
                holds.put(row.hold.id(), row);
                wantedTransactions.add(row.transactionId);
            }
        }
        if (!wantedTransactions.isEmpty()) {
            for (TxRow row : select("SELECT " + Rows.TX_COLUMNS + " FROM transactions t WHERE t.id IN (", "t",
                    wantedTransactions, Rows::transaction)) {
                transactions.put(row.id, row);
                wantedAccounts.add(row.debitAccount);
                wantedAccounts.add(row.creditAccount);
            }
        }
        if (wantedAccounts.isEmpty()) {
            return;
        }
        for (AccountState a : select("SELECT " + Rows.ACCOUNT_COLUMNS + ", a.status_set_by" + Rows.ACCOUNT_FROM
                + " WHERE a.id IN (", "a", wantedAccounts, BatchLoad::accountWithSetter)) {
            accounts.put(a.id, a);
            if (a.userId != null) {
                holderWallets.computeIfAbsent(new Holders.Key(a.userId, a.currency), k -> new ArrayList<>()).add(a);
            }
        }
        Set<String> holders = new TreeSet<>();
        Set<String> sending = new TreeSet<>();
        for (Function<Batch, List<Batch.HolderNeed>> resolver : wantedHolders) {
            for (Batch.HolderNeed need : resolver.apply(batch)) {
                holders.add(need.holderId());
                if (need.sending()) {
                    sending.add(need.holderId());
                }
            }
        }
        loadHolders(holders, sending);
    }

    private static AccountState accountWithSetter(ResultSet rs) throws SQLException {
        AccountState a = Rows.account(rs);
        String setBy = rs.getString("status_set_by");
        a.statusSetBy = setBy == null ? null : StatusActor.valueOf(setBy);
        return a;
    }

    /** The rows of {@code ids}, read (and locked) in id order. */
    private <R> List<R> select(String head, String alias, Set<String> ids, Jdbc.RowMapper<R> mapper) throws SQLException {
        String sql = head + Rows.placeholders(ids.size()) + ") ORDER BY " + alias + ".id" + dialect.lockRows(alias);
        List<R> rows = new ArrayList<>(ids.size());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
        }
        return rows;
    }

    /**
     * Locks the holders (PostgreSQL) and reads what they hold and, for {@code sending}, what they sent
     * in the last 24 hours. What a holder holds is kept as the part outside this batch's wallets plus
     * those wallets as the tasks leave them, so every change an earlier task made counts without
     * anyone tracking it.
     */
    private void loadHolders(Collection<String> holders, Collection<String> sending) throws SQLException {
        List<String> toLock = holders.stream().filter(h -> !heldLoaded.contains(h)).sorted().toList();
        if (!toLock.isEmpty()) {
            if (!dialect.lockRowsKeepingKeys("u").isEmpty()) {
                // the tier as of the lock: a KYC change committed while the accounts were read counts
                Map<String, KycTier> tiers = Holders.lock(connection, dialect, toLock);
                accounts.values().stream().filter(a -> tiers.containsKey(a.userId)).forEach(a -> a.tier = tiers.get(a.userId));
            }
            for (Map.Entry<Holders.Key, Long> held : Holders.held(connection, toLock).entrySet()) {
                long inBatch = 0;
                for (AccountState a : holderWallets.getOrDefault(held.getKey(), List.of())) {
                    inBatch = Math.addExact(inBatch, a.heldAtLoad);
                }
                totals(held.getKey()).heldElsewhere = held.getValue() - inBatch;
            }
            heldLoaded.addAll(toLock);
        }
        List<String> toSum = sending.stream().filter(h -> !sentLoaded.contains(h)).sorted().toList();
        if (!toSum.isEmpty()) {
            Holders.sentToday(connection, toSum, now).forEach((key, sent) -> totals(key).sentToday = sent);
            sentLoaded.addAll(toSum);
        }
    }

    private HolderTotals totals(Holders.Key key) {
        return holderTotals.computeIfAbsent(key, k -> new HolderTotals());
    }

    long held(AccountState wallet) throws SQLException {
        if (!heldLoaded.contains(wallet.userId)) {
            // only a task that did not declare the holder gets here; on PostgreSQL this lock comes out of
            // order, and a deadlock it causes is detected by the database and the batch run again
            loadHolders(List.of(wallet.userId), List.of());
        }
        Holders.Key key = new Holders.Key(wallet.userId, wallet.currency);
        long held = totals(key).heldElsewhere;
        for (AccountState a : holderWallets.getOrDefault(key, List.of())) {
            held = Math.addExact(held, Math.addExact(a.balance.posted(), a.balance.pendingCredits()));
        }
        return held;
    }

    long sentToday(AccountState wallet) throws SQLException {
        if (!heldLoaded.contains(wallet.userId) || !sentLoaded.contains(wallet.userId)) {
            loadHolders(List.of(wallet.userId), List.of(wallet.userId));
        }
        return totals(new Holders.Key(wallet.userId, wallet.currency)).sentToday;
    }

    void countSent(AccountState wallet, long minor) throws SQLException {
        long before = sentToday(wallet);
        totals(new Holders.Key(wallet.userId, wallet.currency)).sentToday = Math.addExact(before, minor);
    }

    /** One holder's totals in one currency, as this batch reads and changes them. */
    private static final class HolderTotals {
        /** Held in the holder's wallets that this batch did not load. */
        long heldElsewhere;
        /** Sent in the rolling 24 hours, this batch's earlier tasks included. */
        long sentToday;
    }
}
