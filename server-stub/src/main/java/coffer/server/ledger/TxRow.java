package coffer.server.ledger;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;

import java.time.Instant;

/** A transactions row as the writer holds it during one batch. */
final class TxRow {
    final String id;
    final String envId;
    final TransactionKind kind;
    TransactionStatus status;
    Money amount;
    final String debitAccount;
    final String creditAccount;
    final String holdId;
    final String originalId;
    Money refunded;
    final String reference;
    final String description;
    final String metadata;
    String failureReason;
    final Instant createdAt;
    Instant completedAt;
    final boolean isNew;
    boolean dirty;

    TxRow(String id, String envId, TransactionKind kind, TransactionStatus status, Money amount,
          String debitAccount, String creditAccount, String holdId, String originalId, Money refunded,
          String reference, String description, String metadata, String failureReason,
          Instant createdAt, Instant completedAt, boolean isNew) {
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
        this.isNew = isNew;
    }

    Movement toMovement() {
        return new Movement(id, envId, kind, status, amount, debitAccount, creditAccount, holdId, originalId, refunded,
                reference, description, metadata, failureReason, createdAt, completedAt);
    }
}
