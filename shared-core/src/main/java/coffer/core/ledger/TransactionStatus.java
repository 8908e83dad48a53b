package coffer.core.ledger;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a movement is in its life. A {@link #FAILED} or {@link #REVERSED} movement leaves balances as
 * if it never happened.
 *
 * <p>Every status is exactly one of: in flight ({@link #isInFlight()}: its money is reserved, not yet
 * posted), posted ({@link #isPosted()}), or {@link #FAILED} (nothing moved). The server's verifier, the
 * app's local ledger and its balance chart all read these definitions rather than their own lists.
 */
public enum TransactionStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, REVERSED;

    /** Every status by its wire name: read for each movement a feed page or a sync writes. */
    private static final Map<String, TransactionStatus> BY_WIRE = WireNames.index(values(), TransactionStatus::wire);

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** True once the status can no longer change on its own. */
    public boolean isFinal() {
        return !isInFlight();
    }

    /**
     * True while the money is reserved but not yet moved: it counts against the payer's available
     * balance (as a pending debit), not against either posted balance.
     */
    public boolean isInFlight() {
        return this == PENDING || this == PROCESSING;
    }

    /**
     * True when the movement's postings are in the ledger: completed ones, and reversed ones (a
     * reversal posted the original, then a movement of its own back). A wallet's posted balance is the
     * sum of exactly these movements in and out of it.
     */
    public boolean isPosted() {
        return this == COMPLETED || this == REVERSED;
    }

    /** The lower-case name used on the wire. */
    public String wire() {
        return wire;
    }

    /**
     * The status named on the wire, or empty for a name this version does not know (a client reading a
     * newer server treats such a movement as neither posted nor in flight).
     */
    public static Optional<TransactionStatus> find(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
    }

    /** @throws CofferException {@link ErrorCode#INVALID_REQUEST} for an unknown name */
    public static TransactionStatus fromWire(String wire) {
        return find(wire).orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST,
                "Unknown transaction status '" + wire + "'", Map.of("status", String.valueOf(wire))));
    }
}
