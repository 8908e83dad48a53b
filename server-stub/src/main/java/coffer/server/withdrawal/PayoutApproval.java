package coffer.server.withdrawal;

import java.util.Locale;

/** Whether a withdrawal waits (or waited) for an owner's or admin's approval before it is paid out, and what they decided. */
public enum PayoutApproval {
    NONE, PENDING, APPROVED, REJECTED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PayoutApproval fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
