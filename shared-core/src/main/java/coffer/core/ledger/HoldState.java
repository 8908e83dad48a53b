package coffer.core.ledger;

/** The life of a hold: pending until it is resolved, once, by a capture, a void or its expiry. */
public enum HoldState {
    PENDING, CAPTURED, VOIDED, EXPIRED;

    public boolean isResolved() {
        return this != PENDING;
    }
}
