package coffer.core.ledger;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Locale;
import java.util.Map;

/**
 * Where a movement is in its life. A {@link #FAILED} or {@link #REVERSED} movement leaves balances as
 * if it never happened.
 */
public enum TransactionStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, REVERSED;

    /** True once the status can no longer change on its own. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REVERSED;
    }

    /** The lower-case name used on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws CofferException {@link ErrorCode#INVALID_REQUEST} for an unknown name */
    public static TransactionStatus fromWire(String wire) {
        for (TransactionStatus status : values()) {
            if (status.wire().equals(wire)) {
                return status;
            }
        }
        throw new CofferException(ErrorCode.INVALID_REQUEST, "Unknown transaction status '" + wire + "'",
                Map.of("status", String.valueOf(wire)));
    }
}
