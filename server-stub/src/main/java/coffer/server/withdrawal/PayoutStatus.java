package coffer.server.withdrawal;

/**
 * Where a payout is: {@code PENDING} while the money is held and the provider has not said it paid
 * (or the user has not yet filled in the payout page); then {@code SUCCEEDED} (hold captured) or
 * {@code FAILED} (hold voided, the money back in the wallet). Final states never change.
 */
public enum PayoutStatus {
    PENDING, SUCCEEDED, FAILED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static PayoutStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
