package coffer.server.ledger;

import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycTier;
import coffer.core.kyc.TierLimits;
import coffer.core.ledger.Hold;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.core.wallet.StatusActor;
import coffer.server.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static coffer.server.ledger.BulkWrite.bigint;
import static coffer.server.ledger.BulkWrite.text;

/**
 * One group commit: the rows its tasks need, loaded (and on PostgreSQL locked, in id order) once at
 * the start; the tasks' decisions applied to them in memory one task after another; everything they
 * changed written with batched statements at the end, in the same transaction.
 *
 * <p>Because each task sees the effects of the tasks before it, two spends of the same money in one
 * batch cannot both pass; because a refused task changes nothing, it does not disturb the others.
 */
final class Batch {
    private static final List<BulkWrite.Column> ID = List.of(text("id"));
    private static final List<BulkWrite.Column> TX_INSERT = List.of(text("id"), text("env_id"), text("kind"), text("status"),
            bigint("amount"), text("currency"), text("debit_account"), text("credit_account"), text("hold_id"),
            text("original_id"), bigint("refunded"), text("reference"), text("description"), text("metadata"),
            text("failure_reason"), bigint("created_at"), bigint("updated_at"), bigint("completed_at"), bigint("seq"));
    private static final List<BulkWrite.Column> TX_UPDATE = List.of(text("status"), bigint("amount"), bigint("refunded"),
            text("failure_reason"), bigint("completed_at"), bigint("updated_at"), bigint("seq"));
    private static final List<BulkWrite.Column> POSTING_INSERT = List.of(text("transaction_id"), text("account_id"),
            bigint("amount"), text("currency"), bigint("seq"));
    private static final List<BulkWrite.Column> HOLD_INSERT = List.of(text("id"), text("transaction_id"),
            text("debit_account"), text("credit_account"), bigint("amount"), text("currency"), text("state"),
            bigint("captured"), bigint("expires_at"), bigint("created_at"), bigint("resolved_at"));
    private static final List<BulkWrite.Column> ACCOUNT_UPDATE = List.of(bigint("posted"), bigint("pending_debits"),
            bigint("pending_credits"), text("status"), text("status_set_by"), bigint("updated_at"), bigint("seq"));
    private static final List<BulkWrite.Column> AUDIT_INSERT = List.of(bigint("at"), text("env_id"), text("actor"),
            text("subject_type"), text("subject_id"), text("field"), text("old_value"), text("new_value"), text("reason"));

    private final Connection connection;
    private final Dialect dialect;
    private final Instant now;
    private final Function<String, KycLimitTable> limits;

    private final Set<String> wantedAccounts = new TreeSet<>();
    private final Set<String> wantedHolds = new TreeSet<>();
    private final Set<String> wantedTransactions = new TreeSet<>();
    private final List<Function<Batch, List<HolderNeed>>> wantedHolders = new ArrayList<>();

    private final Map<String, AccountState> accounts = new HashMap<>();
    /** The loaded wallets of each holder, by currency: with {@link HolderTotals#heldElsewhere}, all it holds. */
    private final Map<Holders.Key, List<AccountState>> holderWallets = new HashMap<>();
    private final Map<Holders.Key, HolderTotals> holderTotals = new HashMap<>();
    /** Holders whose rows are locked (on PostgreSQL) and whose holdings were read in this batch. */
    private final Set<String> heldLoaded = new HashSet<>();
    /** Holders whose outgoing totals of the last 24 hours were read in this batch. */
    private final Set<String> sentLoaded = new HashSet<>();
    private final Map<String, HoldRow> holds = new HashMap<>();
    private final Map<String, TxRow> transactions = new LinkedHashMap<>();
    private final List<Object[]> postings = new ArrayList<>();
    private final List<Object[]> audit = new ArrayList<>();
    private final List<Object[]> idempotencyResponses = new ArrayList<>();
    private final List<Object[]> idempotencyReleases = new ArrayList<>();
    private final Map<String, String> openedWallets = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> featureRows = new LinkedHashMap<>();
    private boolean directWrites;
    private long seq;

    Batch(Connection connection, Dialect dialect, Instant now, Function<String, KycLimitTable> limits) {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
        this.limits = limits;
    }

    Instant now() {
        return now;
    }

    // ---- declare: what the tasks will need -------------------------------------------------------

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

    /**
     * What a task will check of a holder's totals: the maximum balance, and with {@code sending} the
     * rolling daily total too.
     */
    record HolderNeed(String holderId, boolean sending) {
    }

    /**
     * Names the holders whose KYC totals a task will check, found once the accounts are loaded (a
     * task names wallets, not their owners). Their rows are then locked in id order after the
     * accounts, and their totals read with one query per kind for the whole batch; a holder nobody
     * declared is still read on first use.
     */
    void needHolders(Function<Batch, List<HolderNeed>> resolver) {
        wantedHolders.add(resolver);
    }

    // ---- load --------------------------------------------------------------------------------------

    /**
     * Loads the declared rows. On PostgreSQL each is locked as it is read, so a row another server
     * process is changing is read only once that change is committed: a hold or a movement read before
     * the lock could already have been captured or refunded by then. Every batch locks holds, then
     * movements, then accounts, then holders (users), each kind in id order, so two writers never wait on
     * each other in a cycle; the commit counter, taken at flush, comes last of all.
     */
    void load() throws SQLException {
        if (!wantedHolds.isEmpty()) {
            String sql = "SELECT " + Rows.HOLD_COLUMNS + " FROM holds h WHERE h.id IN (" + Rows.placeholders(wantedHolds.size())
                    + ") ORDER BY h.id" + dialect.lockRows("h");
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, wantedHolds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HoldRow row = Rows.hold(rs);
                        holds.put(row.hold.id(), row);
                        wantedTransactions.add(row.transactionId);
                    }
                }
            }
        }
        if (!wantedTransactions.isEmpty()) {
            String sql = "SELECT " + Rows.TX_COLUMNS + " FROM transactions t WHERE t.id IN ("
                    + Rows.placeholders(wantedTransactions.size()) + ") ORDER BY t.id" + dialect.lockRows("t");
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, wantedTransactions);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TxRow row = Rows.transaction(rs);
                        transactions.put(row.id, row);
                        wantedAccounts.add(row.debitAccount);
                        wantedAccounts.add(row.creditAccount);
                    }
                }
            }
        }
        if (wantedAccounts.isEmpty()) {
            return;
        }
        String sql = "SELECT " + Rows.ACCOUNT_COLUMNS + ", a.status_set_by" + Rows.ACCOUNT_FROM + " WHERE a.id IN ("
                + Rows.placeholders(wantedAccounts.size()) + ") ORDER BY a.id" + dialect.lockRows("a");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, wantedAccounts);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AccountState a = Rows.account(rs);
                    String setBy = rs.getString("status_set_by");
                    a.statusSetBy = setBy == null ? null : StatusActor.valueOf(setBy);
                    accounts.put(a.id, a);
                    if (a.userId != null) {
                        holderWallets.computeIfAbsent(new Holders.Key(a.userId, a.currency), k -> new ArrayList<>()).add(a);
                    }
                }
            }
        }
        Set<String> holders = new TreeSet<>();
        Set<String> sending = new TreeSet<>();
        for (Function<Batch, List<HolderNeed>> resolver : wantedHolders) {
            for (HolderNeed need : resolver.apply(this)) {
                holders.add(need.holderId());
                if (need.sending()) {
                    sending.add(need.holderId());
                }
            }
        }
        loadHolders(holders, sending);
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

    private static int bind(PreparedStatement ps, Iterable<String> values) throws SQLException {
        int i = 1;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }

    // ---- what tasks read ---------------------------------------------------------------------------

    /** The account, or null if it does not exist (or was not declared). */
    AccountState account(String id) {
        return accounts.get(id);
    }

    HoldRow hold(String id) {
        return holds.get(id);
    }

    TxRow transaction(String id) {
        return transactions.get(id);
    }

    /** Every account of {@code userId} loaded in this batch. */
    List<AccountState> accountsOf(String userId) {
        return accounts.values().stream().filter(a -> userId.equals(a.userId)).toList();
    }

    /**
     * What the holder of a user wallet holds in the wallet's currency, over all its wallets (posted
     * plus expected credits), including what earlier tasks of this batch moved.
     */
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

    /** What the holder of a user wallet sent in the wallet's currency in the rolling 24 hours, this batch included. */
    long sentToday(AccountState wallet) throws SQLException {
        if (!heldLoaded.contains(wallet.userId) || !sentLoaded.contains(wallet.userId)) {
            loadHolders(List.of(wallet.userId), List.of(wallet.userId));
        }
        return totals(new Holders.Key(wallet.userId, wallet.currency)).sentToday;
    }

    /** Adds a movement to its holder's outgoing total, for later checks in the same batch. */
    void countSent(AccountState wallet, long minor) throws SQLException {
        long before = sentToday(wallet);
        totals(new Holders.Key(wallet.userId, wallet.currency)).sentToday = Math.addExact(before, minor);
    }

    /** The KYC limits of a user wallet's holder in the wallet's currency. */
    TierLimits limitsOf(AccountState wallet) {
        return limits.apply(wallet.envId).forTier(wallet.tier, wallet.currency);
    }

    // ---- what tasks write --------------------------------------------------------------------------

    TxRow newTransaction(TransactionKind kind, TransactionStatus status, Money amount, AccountState debit,
                         AccountState credit, String holdId, String originalId, String reference,
                         String description, String metadata) {
        TxRow row = new TxRow(Ids.next("txn"), debit.envId, kind, status, amount, debit.id, credit.id, holdId,
                originalId, Money.zero(amount.currency()), reference, description, metadata, null, now,
                status == TransactionStatus.COMPLETED ? now : null, true);
        transactions.put(row.id, row);
        return row;
    }

    /** Records a posting: {@code signedMinor} credited (positive) or debited (negative). */
    void post(TxRow tx, AccountState account, long signedMinor) {
        postings.add(new Object[]{tx.id, account.id, signedMinor, account.currency.getCurrencyCode()});
    }

    void changed(AccountState account) {
        account.dirty = true;
    }

    void changed(TxRow tx) {
        tx.dirty = true;
    }

    HoldRow newHold(TxRow tx, Hold hold) {
        HoldRow row = new HoldRow(tx.id, hold, true);
        holds.put(hold.id(), row);
        return row;
    }

    void changed(HoldRow hold) {
        hold.dirty = true;
    }

    void audit(String envId, String actor, String subjectType, String subjectId, String field, String oldValue,
               String newValue, String reason) {
        audit.add(new Object[]{now.toEpochMilli(), envId, actor, subjectType, subjectId, field, oldValue, newValue, reason});
    }

    void storeIdempotentResponse(IdempotencyKey key, String response) {
        idempotencyResponses.add(new Object[]{response, key.scope(), key.key()});
    }

    void releaseIdempotencyKey(IdempotencyKey key) {
        idempotencyReleases.add(new Object[]{key.scope(), key.key()});
    }

    /**
     * Adds a row to a feature's own table (a payment, say), written with the batch's other rows so it
     * commits or rolls back with the movement it belongs to. Rows of one statement are sent together.
     *
     * @param insert an INSERT with one {@code ?} per value
     * @param values strings and longs, none null
     */
    void insert(String insert, Object... values) {
        for (Object v : values) {
            Objects.requireNonNull(v, "a feature row value");
        }
        featureRows.computeIfAbsent(insert, k -> new ArrayList<>()).add(values);
    }

    /**
     * Runs a task's direct SQL (rare writes such as creating users) inside a savepoint, so a refusal or
     * failure undoes only that task's statements.
     */
    <T> coffer.core.error.Result<T> direct(SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            coffer.core.error.Result<T> result = work.run(connection);
            if (result.isOk()) {
                connection.releaseSavepoint(savepoint);
                directWrites = true;
            } else {
                connection.rollback(savepoint);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint);
            throw e;
        }
    }

    /** A user wallet that a task inserted with its own SQL: the change feed and commit listeners hear of it. */
    void openedWallet(String walletId, String userId) {
        openedWallets.put(walletId, userId);
    }

    /** The commit number this batch took when it wrote, or 0 if it wrote nothing. */
    long seq() {
        return seq;
    }

    /** What the batch changed, for commit listeners; call after {@link #flush()}. */
    LedgerCommit summary() {
        Set<String> changedAccounts = new TreeSet<>(openedWallets.keySet());
        Set<String> users = new TreeSet<>(openedWallets.values());
        transactions.values().stream().filter(t -> t.isNew || t.dirty).forEach(t -> {
            changedAccounts.add(t.debitAccount);
            changedAccounts.add(t.creditAccount);
        });
        accounts.values().stream().filter(a -> a.dirty).forEach(a -> changedAccounts.add(a.id));
        for (String id : changedAccounts) {
            AccountState a = accounts.get(id);
            if (a != null && a.userId != null) {
                users.add(a.userId);
            }
        }
        return new LedgerCommit(seq, users, changedAccounts);
    }

    /** SQL a task runs itself on the batch's connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        coffer.core.error.Result<T> run(Connection connection) throws SQLException;
    }

    // ---- flush -------------------------------------------------------------------------------------

    /** Writes everything the batch changed; the caller commits. */
    void flush() throws SQLException {
        List<TxRow> newTx = transactions.values().stream().filter(t -> t.isNew).toList();
        List<TxRow> changedTx = transactions.values().stream().filter(t -> !t.isNew && t.dirty).toList();
        List<AccountState> changedAccounts = accounts.values().stream().filter(a -> a.dirty).toList();
        List<HoldRow> newHolds = holds.values().stream().filter(h -> h.isNew).toList();
        List<HoldRow> changedHolds = holds.values().stream().filter(h -> !h.isNew && h.dirty).toList();
        boolean anything = !newTx.isEmpty() || !changedTx.isEmpty() || !changedAccounts.isEmpty() || !newHolds.isEmpty()
                || !changedHolds.isEmpty() || !audit.isEmpty() || !idempotencyResponses.isEmpty()
                || !idempotencyReleases.isEmpty() || !featureRows.isEmpty() || directWrites;
        if (!anything) {
            return;
        }
        seq = nextSeq();
        long at = now.toEpochMilli();
        List<Object[]> txRows = new ArrayList<>(newTx.size());
        for (TxRow t : newTx) {
            txRows.add(new Object[]{t.id, t.envId, t.kind.wire(), t.status.wire(), t.amount.minor(), t.amount.currencyCode(),
                    t.debitAccount, t.creditAccount, t.holdId, t.originalId, t.refunded.minor(), t.reference, t.description,
                    t.metadata, t.failureReason, t.createdAt.toEpochMilli(), at, millis(t.completedAt), seq});
        }
        BulkWrite.insert(connection, dialect, "transactions", TX_INSERT, txRows);
        List<Object[]> txChanges = new ArrayList<>(changedTx.size());
        for (TxRow t : changedTx) {
            txChanges.add(new Object[]{t.status.wire(), t.amount.minor(), t.refunded.minor(), t.failureReason,
                    millis(t.completedAt), at, seq, t.id});
        }
        BulkWrite.update(connection, dialect, "transactions", TX_UPDATE, ID, txChanges);
        ChangeLog.movements(connection, seq, java.util.stream.Stream.concat(newTx.stream(), changedTx.stream()).toList());
        List<Object[]> postingRows = new ArrayList<>(postings.size());
        for (Object[] p : postings) {
            postingRows.add(new Object[]{p[0], p[1], p[2], p[3], seq});
        }
        BulkWrite.insert(connection, dialect, "postings", POSTING_INSERT, postingRows);
        List<Object[]> holdRows = new ArrayList<>(newHolds.size());
        for (HoldRow h : newHolds) {
            Hold hold = h.hold;
            holdRows.add(new Object[]{hold.id(), h.transactionId, hold.debitAccount(), hold.creditAccount(),
                    hold.amount().minor(), hold.amount().currencyCode(), hold.state().name(), hold.captured().minor(),
                    hold.expiresAt().toEpochMilli(), at, hold.state().isResolved() ? at : null});
        }
        BulkWrite.insert(connection, dialect, "holds", HOLD_INSERT, holdRows);
        if (!changedHolds.isEmpty()) {
            // "AND state = 'PENDING'" makes resolving twice impossible even if two writers raced
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE holds SET state = ?, captured = ?, resolved_at = ? WHERE id = ? AND state = 'PENDING'")) {
                for (HoldRow h : changedHolds) {
                    ps.setString(1, h.hold.state().name());
                    ps.setLong(2, h.hold.captured().minor());
                    ps.setLong(3, at);
                    ps.setString(4, h.hold.id());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw new SQLException("hold " + changedHolds.get(i).hold.id() + " was already resolved");
                    }
                }
            }
        }
        List<Object[]> accountChanges = new ArrayList<>(changedAccounts.size());
        for (AccountState a : changedAccounts) {
            accountChanges.add(new Object[]{a.balance.posted(), a.balance.pendingDebits(), a.balance.pendingCredits(),
                    a.status.wireName(), a.statusSetBy == null ? null : a.statusSetBy.name(), at, seq, a.id});
        }
        BulkWrite.update(connection, dialect, "accounts", ACCOUNT_UPDATE, ID, accountChanges);
        ChangeLog.wallets(connection, seq, changedAccounts);
        ChangeLog.opened(connection, seq, openedWallets.keySet());
        BulkWrite.insert(connection, dialect, "audit_log", AUDIT_INSERT, audit);
        BulkWrite.update(connection, dialect, "idempotency_keys", List.of(text("response")),
                List.of(text("scope"), text("idem_key")), idempotencyResponses);
        if (!idempotencyReleases.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ?")) {
                for (Object[] row : idempotencyReleases) {
                    ps.setString(1, (String) row[0]);
                    ps.setString(2, (String) row[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        for (Map.Entry<String, List<Object[]>> rows : featureRows.entrySet()) {
            try (PreparedStatement ps = connection.prepareStatement(rows.getKey())) {
                for (Object[] row : rows.getValue()) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** One number for the whole batch, taken inside its transaction: the change feed's commit order. */
    private long nextSeq() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE ledger_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Long millis(Instant value) {
        return value == null ? null : value.toEpochMilli();
    }

    /** One holder's totals in one currency, as this batch reads and changes them. */
    private static final class HolderTotals {
        /** Held in the holder's wallets that this batch did not load. */
        long heldElsewhere;
        /** Sent in the rolling 24 hours, this batch's earlier tasks included. */
        long sentToday;
    }
}
