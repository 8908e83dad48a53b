package coffer.server.ledger;

import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.TierLimits;
import coffer.core.ledger.Hold;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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
    private boolean directWrites;

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

    void load() throws SQLException {
        if (!wantedHolds.isEmpty()) {
            String sql = "SELECT " + Rows.HOLD_COLUMNS + " FROM holds h WHERE h.id IN (" + Rows.placeholders(wantedHolds.size()) + ")";
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
                    + Rows.placeholders(wantedTransactions.size()) + ")";
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
        // ids in sorted order and locked in that order: two writers never wait on each other in a cycle
        String sql = "SELECT " + Rows.ACCOUNT_COLUMNS + Rows.ACCOUNT_FROM + " WHERE a.id IN ("
                + Rows.placeholders(wantedAccounts.size()) + ") ORDER BY a.id" + dialect.lockRows("a");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, wantedAccounts);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AccountState a = Rows.account(rs);
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
                || !idempotencyReleases.isEmpty() || directWrites;
        if (!anything) {
            return;
        }
        long seq = nextSeq();
        long at = now.toEpochMilli();
        if (!newTx.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO transactions (id, env_id, kind, status, "
                    + "amount, currency, debit_account, credit_account, hold_id, original_id, refunded, reference, "
                    + "description, metadata, failure_reason, created_at, updated_at, completed_at, seq) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TxRow t : newTx) {
                    ps.setString(1, t.id);
                    ps.setString(2, t.envId);
                    ps.setString(3, t.kind.wire());
                    ps.setString(4, t.status.wire());
                    ps.setLong(5, t.amount.minor());
                    ps.setString(6, t.amount.currencyCode());
                    ps.setString(7, t.debitAccount);
                    ps.setString(8, t.creditAccount);
                    ps.setString(9, t.holdId);
                    ps.setString(10, t.originalId);
                    ps.setLong(11, t.refunded.minor());
                    ps.setString(12, t.reference);
                    ps.setString(13, t.description);
                    ps.setString(14, t.metadata);
                    ps.setString(15, t.failureReason);
                    ps.setLong(16, t.createdAt.toEpochMilli());
                    ps.setLong(17, at);
                    setNullableInstant(ps, 18, t.completedAt);
                    ps.setLong(19, seq);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changedTx.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE transactions SET status = ?, amount = ?, "
                    + "refunded = ?, failure_reason = ?, completed_at = ?, updated_at = ?, seq = ? WHERE id = ?")) {
                for (TxRow t : changedTx) {
                    ps.setString(1, t.status.wire());
                    ps.setLong(2, t.amount.minor());
                    ps.setLong(3, t.refunded.minor());
                    ps.setString(4, t.failureReason);
                    setNullableInstant(ps, 5, t.completedAt);
                    ps.setLong(6, at);
                    ps.setLong(7, seq);
                    ps.setString(8, t.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!postings.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO postings (transaction_id, account_id, amount, currency, seq) VALUES (?, ?, ?, ?, ?)")) {
                for (Object[] p : postings) {
                    ps.setString(1, (String) p[0]);
                    ps.setString(2, (String) p[1]);
                    ps.setLong(3, (Long) p[2]);
                    ps.setString(4, (String) p[3]);
                    ps.setLong(5, seq);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!newHolds.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO holds (id, transaction_id, debit_account, "
                    + "credit_account, amount, currency, state, captured, expires_at, created_at, resolved_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (HoldRow h : newHolds) {
                    Hold hold = h.hold;
                    ps.setString(1, hold.id());
                    ps.setString(2, h.transactionId);
                    ps.setString(3, hold.debitAccount());
                    ps.setString(4, hold.creditAccount());
                    ps.setLong(5, hold.amount().minor());
                    ps.setString(6, hold.amount().currencyCode());
                    ps.setString(7, hold.state().name());
                    ps.setLong(8, hold.captured().minor());
                    ps.setLong(9, hold.expiresAt().toEpochMilli());
                    ps.setLong(10, at);
                    if (hold.state().isResolved()) {
                        ps.setLong(11, at);
                    } else {
                        ps.setNull(11, Types.BIGINT);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
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
        if (!changedAccounts.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE accounts SET posted = ?, pending_debits = ?, "
                    + "pending_credits = ?, status = ?, updated_at = ?, seq = ? WHERE id = ?")) {
                for (AccountState a : changedAccounts) {
                    ps.setLong(1, a.balance.posted());
                    ps.setLong(2, a.balance.pendingDebits());
                    ps.setLong(3, a.balance.pendingCredits());
                    ps.setString(4, a.status.wireName());
                    ps.setLong(5, at);
                    ps.setLong(6, seq);
                    ps.setString(7, a.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!audit.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_log (at, env_id, actor, "
                    + "subject_type, subject_id, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] row : audit) {
                    ps.setLong(1, (Long) row[0]);
                    for (int i = 1; i < row.length; i++) {
                        ps.setString(i + 1, (String) row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!idempotencyResponses.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE idempotency_keys SET response = ? WHERE scope = ? AND idem_key = ?")) {
                for (Object[] row : idempotencyResponses) {
                    ps.setString(1, (String) row[0]);
                    ps.setString(2, (String) row[1]);
                    ps.setString(3, (String) row[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
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
    }

    /** One number for the whole batch, taken inside its transaction: the change feed's commit order. */
    private long nextSeq() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE ledger_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setNullableInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }
}
