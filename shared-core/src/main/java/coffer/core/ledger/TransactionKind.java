package coffer.core.ledger;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Locale;
import java.util.Map;

/** What a movement of money is for; {@link #wire()} is its name in every API. */
public enum TransactionKind {
    TOPUP, WITHDRAWAL, PAYMENT, TRANSFER, P2P, REFUND, REVERSAL, FEE, SETTLEMENT, HOLD, CAPTURE, VOID;

    /** Every kind by its wire name: read for each movement a feed page or a sync writes. */
    private static final Map<String, TransactionKind> BY_WIRE = WireNames.index(values(), TransactionKind::wire);

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire, e.g. {@code "topup"}. */
    public String wire() {
        return wire;
    }

    /**
     * The kind for a wire name.
     *
     * @throws CofferException {@link ErrorCode#INVALID_REQUEST} for an unknown name
     */
    public static TransactionKind fromWire(String wire) {
        TransactionKind kind = wire == null ? null : BY_WIRE.get(wire);
        if (kind != null) {
            return kind;
        }
        throw new CofferException(ErrorCode.INVALID_REQUEST, "Unknown transaction kind '" + wire + "'",
                Map.of("kind", String.valueOf(wire)));
    }
}
