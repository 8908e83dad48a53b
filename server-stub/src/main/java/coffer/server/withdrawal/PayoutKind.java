package coffer.server.withdrawal;

import coffer.core.ledger.TransactionKind;

/** What a payout is: a user's withdrawal, or a settlement of a wallet's balance (on request or on a schedule). */
public enum PayoutKind {
    WITHDRAWAL("wdr", TransactionKind.WITHDRAWAL),
    SETTLEMENT("stl", TransactionKind.SETTLEMENT);

    private final String idPrefix;
    private final TransactionKind transactionKind;

    PayoutKind(String idPrefix, TransactionKind transactionKind) {
        this.idPrefix = idPrefix;
        this.transactionKind = transactionKind;
    }

    String idPrefix() {
        return idPrefix;
    }

    /** The kind of the ledger hold (and movement) behind a payout of this kind. */
    TransactionKind transactionKind() {
        return transactionKind;
    }

    /** The lower-case name stored and shown. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
