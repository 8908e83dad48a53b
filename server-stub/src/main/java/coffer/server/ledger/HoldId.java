package coffer.server.ledger;

import java.util.Objects;

/** A hold's id, typed so that it cannot be passed where a reason or a movement's id goes. */
public record HoldId(String value) {
    public HoldId {
        Objects.requireNonNull(value, "hold id");
    }
}
