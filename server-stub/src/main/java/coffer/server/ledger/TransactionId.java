package coffer.server.ledger;

import java.util.Objects;

/** A movement's id, typed so that it cannot be passed where a description or a hold's id goes. */
public record TransactionId(String value) {
    public TransactionId {
        Objects.requireNonNull(value, "transaction id");
    }
}
