package coffer.server.ledger;

import coffer.core.kyc.KycLimitTable;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** Movements that count against a wallet's rolling 24-hour outgoing limit. */
    static final Set<TransactionKind> OUTGOING = Set.of(TransactionKind.WITHDRAWAL, TransactionKind.PAYMENT,
            TransactionKind.P2P, TransactionKind.SETTLEMENT);

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
    private final Set<String> wantedOutgoing = new TreeSet<>();

    private final Map<String, AccountState> accounts = new HashMap<>();
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
     * Names a wallet whose rolling 24-hour outgoing total a task will check, so the totals are read
     * with one query at load; a total nobody declared is still read on first use.
     */
    void needOutgoingToday(String walletId) {
        if (walletId != null) {
            wantedOutgoing.add(walletId);
        }
    }

    // ---- load --------------------------------------------------------------------------------------

    /**
     * Loads the declared rows. On PostgreSQL each is locked as it is read, so a row another server
     * process is changing is read only once that change is committed: a hold or a movement read before
     * the lock could already have been captured or refunded by then. Every batch locks holds, then
     * movements, then accounts, each kind in id order, so two writers never wait on each other in a cycle.
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
                }
            }
        }
        loadOutgoingToday(accounts.values().stream().filter(a -> a.isUserWallet() && wantedOutgoing.contains(a.id)).toList());
    }

    /**
     * Reads the wallets' outgoing totals of the last 24 hours. Only for wallets whose limit is checked:
     * the query reads every outgoing movement of the day, which grows with the wallet's history.
     */
    private void loadOutgoingToday(List<AccountState> toLoad) throws SQLException {
        if (toLoad.isEmpty()) {
            return;
        }
        toLoad.forEach(a -> a.outgoingLoaded = true);
        List<String> wallets = toLoad.stream().map(a -> a.id).toList();
        String sql = "SELECT debit_account, SUM(amount) FROM transactions WHERE debit_account IN ("
                + Rows.placeholders(wallets.size()) + ") AND created_at > ? AND kind IN ("
                + Rows.placeholders(OUTGOING.size()) + ") AND status IN (?, ?, ?) GROUP BY debit_account";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = bind(ps, wallets);
            ps.setLong(i++, now.minus(Duration.ofHours(24)).toEpochMilli());
            for (TransactionKind kind : OUTGOING) {
                ps.setString(i++, kind.wire());
            }
            ps.setString(i++, TransactionStatus.PENDING.wire());
            ps.setString(i++, TransactionStatus.PROCESSING.wire());
            ps.setString(i, TransactionStatus.COMPLETED.wire());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.get(rs.getString(1)).outgoingToday = rs.getLong(2);
                }
            }
        }
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

    /** The wallet's outgoing total of the rolling 24 hours, including earlier tasks of this batch. */
    long outgoingToday(AccountState wallet) throws SQLException {
        if (!wallet.outgoingLoaded) {
            loadOutgoingToday(List.of(wallet));
        }
        return wallet.outgoingToday;
    }

    /** Adds a movement to the wallet's outgoing total, for later checks in the same batch. */
    void countOutgoing(AccountState wallet, long minor) throws SQLException {
        wallet.outgoingToday = Math.addExact(outgoingToday(wallet), minor);
    }

    /** The KYC limits that apply to a user wallet. */
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
}
