package coffer.server.ledger.engine;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.ledger.Movement;

import java.time.Instant;

/** A transactions row as the writer holds it during one batch. */
public final class TxRow {
    public final String id;
    public final String envId;
    public final TransactionKind kind;
    public TransactionStatus status;
    public Money amount;
    public final String debitAccount;
    public final String creditAccount;
    public final String holdId;
    public final String originalId;
    public Money refunded;
    public final String reference;
    public final String description;
    public final String metadata;
    public String failureReason;
    public final Instant createdAt;
    public Instant completedAt;
    /** The member who moved money out of an organization's wallet, else null. */
    public final String initiatedBy;
    final boolean isNew;
    boolean dirty;
    /** Status and amount as the batch found them (a new row's own): what the holder's outgoing totals counted so far. */
    final TransactionStatus loadedStatus;
    final Money loadedAmount;

    TxRow(String id, String envId, TransactionKind kind, TransactionStatus status, Money amount,
          String debitAccount, String creditAccount, String holdId, String originalId, Money refunded,
          String reference, String description, String metadata, String failureReason,
          Instant createdAt, Instant completedAt, String initiatedBy, boolean isNew) {
        this.id = id;
        this.envId = envId;
        this.kind = kind;
        this.status = status;
        this.amount = amount;
        this.debitAccount = debitAccount;
        this.creditAccount = creditAccount;
        this.holdId = holdId;
        this.originalId = originalId;
        this.refunded = refunded;
        this.reference = reference;
        this.description = description;
        this.metadata = metadata;
        this.failureReason = failureReason;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.initiatedBy = initiatedBy;
        this.isNew = isNew;
        this.loadedStatus = status;
        this.loadedAmount = amount;
    }

    public Movement toMovement() {
        return new Movement(id, envId, kind, status, amount, debitAccount, creditAccount, holdId, originalId, refunded,
                reference, description, metadata, failureReason, createdAt, completedAt, initiatedBy);
    }
}
