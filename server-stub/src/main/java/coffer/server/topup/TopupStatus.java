package coffer.server.topup;

import java.util.Locale;

/**
 * Where a top-up is: {@code PENDING} until the provider says the card was charged, then {@code COMPLETED}
 * (the wallet credited once) or {@code FAILED} (declined, expired, or paid money the ledger refused, which
 * goes back to the card). Final states never change. The wire values are the lower-case names.
 */
public enum TopupStatus {
    PENDING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TopupStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
