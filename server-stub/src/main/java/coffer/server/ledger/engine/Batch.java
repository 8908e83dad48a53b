package coffer.server.ledger.engine;

import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.TierLimits;
import coffer.core.ledger.Hold;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.db.Dialect;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Ids;
import coffer.server.ledger.Memo;

import coffer.core.organization.OrganizationRole;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One group commit, as its tasks see it: what they declare ({@code need...}), the rows loaded for them
 * ({@link BatchLoad}: once, at the start, locked in id order on PostgreSQL), the changes they stage
 * ({@link Staged}), all written at the end ({@link BatchFlush}) in the same transaction.
 *
 * <p>Because each task sees the effects of the tasks before it, two spends of the same money in one
 * batch cannot both pass; because a refused task changes nothing, it does not disturb the others.
 */
public final class Batch {
    private final Connection connection;
    private final Dialect dialect;
    private final Instant now;
    private final Function<String, KycLimitTable> limits;
    private final BatchLoad rows;
    private final Staged staged = new Staged();
    private long seq;

    Batch(Connection connection, Dialect dialect, Instant now, Function<String, KycLimitTable> limits) {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
        this.limits = limits;
        this.rows = new BatchLoad(connection, dialect, now);
    }

    /** The batch's one clock reading: every task of it decides at this instant. */
    public Instant now() {
        return now;
    }

    // ---- declare: what the tasks will need -------------------------------------------------------

    public void needAccount(String id) {
        rows.needAccount(id);
    }

    public void needHold(String id) {
        rows.needHold(id);
    }

    public void needTransaction(String id) {
        rows.needTransaction(id);
    }

    /**
     * What a task will check of a holder's totals: the maximum balance, and with {@code sending} the
     * rolling daily total too.
     */
    public record HolderNeed(String holderId, boolean sending) {
    }

    /**
     * Names the holders whose KYC totals a task will check, found once the accounts are loaded (a
     * task names wallets, not their owners). Their rows are then locked in id order after the
     * accounts, and their totals read with one query per kind for the whole batch; a holder nobody
     * declared is still read on first use.
     */
    public void needHolders(Function<Batch, List<HolderNeed>> resolver) {
        rows.needHolders(resolver);
    }

    void load() throws SQLException {
        rows.load(this);
    }

    // ---- what tasks read ---------------------------------------------------------------------------

    /** The account, or null if it does not exist (or was not declared). */
    public AccountState account(String id) {
        return rows.accounts.get(id);
    }

    public HoldRow hold(String id) {
        return rows.holds.get(id);
    }

    public TxRow transaction(String id) {
        return rows.transactions.get(id);
    }

    /** Every account of {@code userId} loaded in this batch. */
    public List<AccountState> accountsOf(String userId) {
        return rows.accounts.values().stream().filter(a -> userId.equals(a.userId)).toList();
    }

    /**
     * The role {@code userId} has in the organization {@code holderId} (a holder whose members act for it), or
     * empty when they are not a member (or the holder is not an organization). Read when asked, in the
     * batch's transaction, so a role changed by an earlier task of the batch counts.
     */
    public Optional<OrganizationRole> memberRole(String holderId, String userId) throws SQLException {
        return Rows.memberRole(connection, holderId, userId);
    }

    /**
     * What the holder of a user wallet holds in the wallet's currency, over all its wallets (posted
     * plus expected credits), including what earlier tasks of this batch moved.
     */
    public long held(AccountState wallet) throws SQLException {
        return rows.held(wallet);
    }

    /** What the holder of a user wallet sent in the wallet's currency in the rolling 24 hours, this batch included. */
    public long sentToday(AccountState wallet) throws SQLException {
        return rows.sentToday(wallet);
    }

    /** Adds a movement to its holder's outgoing total, for later checks in the same batch. */
    public void countSent(AccountState wallet, long minor) throws SQLException {
        rows.countSent(wallet, minor);
    }

    /** The KYC limits of a user wallet's holder in the wallet's currency. */
    public TierLimits limitsOf(AccountState wallet) {
        return limits.apply(wallet.envId).forTier(wallet.tier, wallet.currency);
    }

    // ---- what tasks write --------------------------------------------------------------------------

    /** A new movement between two loaded accounts, written at the flush. */
    public TxRow newTransaction(TransactionKind kind, TransactionStatus status, Money amount, AccountState debit,
                                AccountState credit, String holdId, String originalId, Memo memo) {
        return newTransaction(kind, status, amount, debit, credit, holdId, originalId, memo, null);
    }

    /**
     * A new movement between two loaded accounts, written at the flush.
     *
     * @param initiatedBy the member who moves money out of an organization's wallet, else null
     */
    public TxRow newTransaction(TransactionKind kind, TransactionStatus status, Money amount, AccountState debit,
                                AccountState credit, String holdId, String originalId, Memo memo, String initiatedBy) {
        TxRow row = new TxRow(Ids.next("txn"), debit.envId, kind, status, amount, debit.id, credit.id, holdId,
                originalId, Money.zero(amount.currency()), memo.reference(), memo.description(), memo.metadata(), null, now,
                status == TransactionStatus.COMPLETED ? now : null, initiatedBy, true);
        rows.transactions.put(row.id, row);
        return row;
    }

    /** Records a posting: {@code signedMinor} credited (positive) or debited (negative). */
    public void post(TxRow tx, AccountState account, long signedMinor) {
        staged.postings.add(new Staged.Posting(tx.id, account.id, signedMinor, account.currency.getCurrencyCode()));
    }

    public void changed(AccountState account) {
        account.dirty = true;
    }

    public void changed(TxRow tx) {
        tx.dirty = true;
    }

    public HoldRow newHold(TxRow tx, Hold hold) {
        HoldRow row = new HoldRow(tx.id, hold, true);
        rows.holds.put(hold.id(), row);
        return row;
    }

    public void changed(HoldRow hold) {
        hold.dirty = true;
    }

    /** An audited change of a subject ({@code "wallet"}, {@code "user"}, {@code "environment"}). */
    public void audit(String envId, String actor, String subjectType, String subjectId, String field, String oldValue,
                      String newValue, String reason) {
        staged.audit.add(new Staged.Audit(now.toEpochMilli(), envId, actor, subjectType, subjectId, field, oldValue,
                newValue, reason));
    }

    void storeIdempotentResponse(IdempotencyKey key, String response) {
        staged.answers.add(new Staged.KeyAnswer(key, response));
    }

    void releaseIdempotencyKey(IdempotencyKey key) {
        staged.answers.add(new Staged.KeyAnswer(key, null));
    }

    /**
     * Adds a row to a feature's own table (a payment, say), written with the batch's other rows so it
     * commits or rolls back with the movement it belongs to. Rows of one statement are sent together.
     *
     * @param insert an INSERT with one {@code ?} per value
     * @param values strings and longs, none null
     */
    public void insert(String insert, Object... values) {
        staged.featureRows.computeIfAbsent(insert, k -> new ArrayList<>()).add(new Staged.FeatureRow(Arrays.asList(values)));
    }

    /**
     * Runs a task's direct SQL (rare writes such as creating users) inside a savepoint, so a refusal or
     * failure undoes only that task's statements.
     */
    public <T> Result<T> direct(SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            Result<T> result = work.run(connection);
            if (result.isOk()) {
                connection.releaseSavepoint(savepoint);
                staged.directWrites = true;
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
    public void openedWallet(String walletId, String userId) {
        staged.openedWallets.put(walletId, userId);
    }

    /** SQL a task runs itself on the batch's connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        Result<T> run(Connection connection) throws SQLException;
    }

    // ---- flush -------------------------------------------------------------------------------------

    /** Writes everything the batch changed; the caller commits. */
    void flush() throws SQLException {
        seq = new BatchFlush(connection, dialect, now).flush(rows, staged);
    }

    /** What the batch changed, for commit listeners; call after {@link #flush()}. */
    LedgerCommit summary() {
        Set<String> changedAccounts = new TreeSet<>(staged.openedWallets.keySet());
        Set<String> users = new TreeSet<>(staged.openedWallets.values());
        rows.transactions.values().stream().filter(t -> t.isNew || t.dirty).forEach(t -> {
            changedAccounts.add(t.debitAccount);
            changedAccounts.add(t.creditAccount);
        });
        rows.accounts.values().stream().filter(a -> a.dirty).forEach(a -> changedAccounts.add(a.id));
        for (String id : changedAccounts) {
            AccountState a = rows.accounts.get(id);
            if (a != null && a.userId != null) {
                users.add(a.userId);
            }
        }
        return new LedgerCommit(seq, users, changedAccounts);
    }
}
