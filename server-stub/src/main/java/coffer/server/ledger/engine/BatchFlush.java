package coffer.server.ledger.engine;

import coffer.core.ledger.Hold;
import coffer.server.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static coffer.server.ledger.engine.BulkWrite.bigint;
import static coffer.server.ledger.engine.BulkWrite.text;

/** A batch's last step: everything its tasks changed, written with batched statements; the caller commits. */
final class BatchFlush {
    private static final List<BulkWrite.Column> ID = List.of(text("id"));
    private static final List<BulkWrite.Column> TX_INSERT = List.of(text("id"), text("env_id"), text("kind"), text("status"),
            bigint("amount"), text("currency"), text("debit_account"), text("credit_account"), text("hold_id"),
            text("original_id"), bigint("refunded"), text("reference"), text("description"), text("metadata"),
            text("failure_reason"), bigint("created_at"), bigint("updated_at"), bigint("completed_at"), bigint("seq"), text("initiated_by"));
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
    private final long at;

    BatchFlush(Connection connection, Dialect dialect, Instant now) {
        this.connection = connection;
        this.dialect = dialect;
        this.at = now.toEpochMilli();
    }

    /** Writes the batch; answers the commit number it took, or 0 when the batch changed nothing. */
    long flush(BatchLoad rows, Staged staged) throws SQLException {
        List<TxRow> newTx = rows.transactions.values().stream().filter(t -> t.isNew).toList();
        List<TxRow> changedTx = rows.transactions.values().stream().filter(t -> !t.isNew && t.dirty).toList();
        List<AccountState> changedAccounts = rows.accounts.values().stream().filter(a -> a.dirty).toList();
        List<HoldRow> newHolds = rows.holds.values().stream().filter(h -> h.isNew).toList();
        List<HoldRow> changedHolds = rows.holds.values().stream().filter(h -> !h.isNew && h.dirty).toList();
        if (newTx.isEmpty() && changedTx.isEmpty() && changedAccounts.isEmpty() && newHolds.isEmpty()
                && changedHolds.isEmpty() && staged.isEmpty()) {
            return 0;
        }
        long seq = nextSeq();
        BulkWrite.insert(connection, dialect, "transactions", TX_INSERT, newTx.stream().map(t -> new Object[]{t.id, t.envId,
                t.kind.wire(), t.status.wire(), t.amount.minor(), t.amount.currencyCode(), t.debitAccount, t.creditAccount,
                t.holdId, t.originalId, t.refunded.minor(), t.reference, t.description, t.metadata, t.failureReason,
                t.createdAt.toEpochMilli(), at, millis(t.completedAt), seq, t.initiatedBy}).toList());
        BulkWrite.update(connection, dialect, "transactions", TX_UPDATE, ID, changedTx.stream().map(t -> new Object[]{
                t.status.wire(), t.amount.minor(), t.refunded.minor(), t.failureReason, millis(t.completedAt), at, seq,
                t.id}).toList());
        List<TxRow> written = Stream.concat(newTx.stream(), changedTx.stream()).toList();
        ChangeLog.movements(connection, dialect, seq, written);
        Holders.recordOutgoing(connection, seq, written, rows.accounts);
        BulkWrite.insert(connection, dialect, "postings", POSTING_INSERT, staged.postings.stream().map(p -> new Object[]{
                p.transactionId(), p.accountId(), p.signedMinor(), p.currency(), seq}).toList());
        BulkWrite.insert(connection, dialect, "holds", HOLD_INSERT, newHolds.stream().map(h -> {
            Hold hold = h.hold;
            return new Object[]{hold.id(), h.transactionId, hold.debitAccount(), hold.creditAccount(),
                    hold.amount().minor(), hold.amount().currencyCode(), hold.state().name(), hold.captured().minor(),
                    hold.expiresAt().toEpochMilli(), at, hold.state().isResolved() ? at : null};
        }).toList());
        resolveHolds(changedHolds);
        BulkWrite.update(connection, dialect, "accounts", ACCOUNT_UPDATE, ID, changedAccounts.stream().map(a -> new Object[]{
                a.balance.posted(), a.balance.pendingDebits(), a.balance.pendingCredits(), a.status.wireName(),
                a.statusSetBy == null ? null : a.statusSetBy.name(), at, seq, a.id}).toList());
        ChangeLog.stampOpened(connection, seq, staged.openedWallets.keySet());
        ChangeLog.wallets(connection, dialect, seq, written, rows.accounts, staged.openedWallets.keySet());
        BulkWrite.insert(connection, dialect, "audit_log", AUDIT_INSERT, staged.audit.stream().map(a -> new Object[]{a.at(),
                a.envId(), a.actor(), a.subjectType(), a.subjectId(), a.field(), a.oldValue(), a.newValue(), a.reason()}).toList());
        writeAnswers(staged.answers);
        for (Map.Entry<String, List<Staged.FeatureRow>> rowsOf : staged.featureRows.entrySet()) {
            try (PreparedStatement ps = connection.prepareStatement(rowsOf.getKey())) {
                for (Staged.FeatureRow row : rowsOf.getValue()) {
                    for (int i = 0; i < row.values().size(); i++) {
                        ps.setObject(i + 1, row.values().get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return seq;
    }

    private void resolveHolds(List<HoldRow> changedHolds) throws SQLException {
        if (changedHolds.isEmpty()) {
            return;
        }
        // "AND state = 'PENDING'" makes resolving twice impossible even if two writers raced; a hold still
        // pending changed only its expiry (an approval gives it a payout's time)
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE holds SET state = ?, captured = ?, expires_at = ?, resolved_at = ? WHERE id = ? AND state = 'PENDING'")) {
            for (HoldRow h : changedHolds) {
                ps.setString(1, h.hold.state().name());
                ps.setLong(2, h.hold.captured().minor());
                ps.setLong(3, h.hold.expiresAt().toEpochMilli());
                if (h.hold.state().isResolved()) {
                    ps.setLong(4, at);
                } else {
                    ps.setNull(4, Types.BIGINT);
                }
                ps.setString(5, h.hold.id());
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

    /** Stores the answers of successes with their keys and releases the keys of refusals. */
    private void writeAnswers(List<Staged.KeyAnswer> answers) throws SQLException {
        BulkWrite.update(connection, dialect, "idempotency_keys", List.of(text("response")),
                List.of(text("scope"), text("idem_key")), answers.stream().filter(a -> a.response() != null)
                        .map(a -> new Object[]{a.response(), a.key().scope(), a.key().key()}).toList());
        List<Staged.KeyAnswer> releases = answers.stream().filter(a -> a.response() == null).toList();
        if (releases.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ?")) {
            for (Staged.KeyAnswer release : releases) {
                ps.setString(1, release.key().scope());
                ps.setString(2, release.key().key());
                ps.addBatch();
            }
            ps.executeBatch();
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
