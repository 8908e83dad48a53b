package coffer.server.ledger.engine;

import coffer.core.ledger.Hold;

/** A holds row as the writer holds it during one batch, with the transaction it belongs to. */
public final class HoldRow {
    public final String transactionId;
    public Hold hold;
    final boolean isNew;
    boolean dirty;

    HoldRow(String transactionId, Hold hold, boolean isNew) {
        this.transactionId = transactionId;
        this.hold = hold;
        this.isNew = isNew;
    }
}
