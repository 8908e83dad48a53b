package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Map;
import java.util.Objects;

/**
 * How far a wallet owner's identity has been established, which picks the owner's limits from a
 * {@link KycLimitTable}. On the wire a tier is the integer 0, 1 or 2.
 */
public enum KycTier {
    /** Identity not established: unverified, pending or rejected. */
    TIER_0(0),
    /** Identity verified. */
    TIER_1(1),
    /** Identity verified with enhanced checks. */
    TIER_2(2);

    private final int wireValue;

    KycTier(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The integer used in JSON and storage: 0, 1 or 2. */
    public int wireValue() {
        return wireValue;
    }

    /**
     * The tier for its wire value.
     *
     * @param wire 0, 1 or 2
     * @return the tier, never null
     * @throws CofferException {@link ErrorCode#INVALID_REQUEST} for any other value
     */
    public static KycTier fromWire(int wire) {
        for (KycTier tier : values()) {
            if (tier.wireValue == wire) {
                return tier;
            }
        }
        throw new CofferException(ErrorCode.INVALID_REQUEST,
                "Unknown KYC tier " + wire + ": use 0, 1 or 2", Map.of("tier", Integer.toString(wire)));
    }

    /**
     * The tier a status grants by itself: {@link #TIER_1} for {@link KycStatus#VERIFIED},
     * {@link #TIER_0} otherwise. {@link #TIER_2} is never a default; it is granted explicitly.
     *
     * @param status never null
     * @return never null
     * @throws NullPointerException if {@code status} is null
     */
    public static KycTier defaultFor(KycStatus status) {
        Objects.requireNonNull(status, "status");
        return status == KycStatus.VERIFIED ? TIER_1 : TIER_0;
    }
}
