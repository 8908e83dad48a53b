package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a wallet owner's identity verification stands.
 *
 * <pre>
 *   UNVERIFIED -&gt; PENDING -&gt; VERIFIED
 *                 PENDING -&gt; REJECTED -&gt; PENDING   (resubmission)
 * </pre>
 *
 * <p>VERIFIED is final here: raising a verified owner to an enhanced tier is a change of
 * {@link KycTier}, not of this status. On the wire a status is its lower-case name
 * ({@code "unverified"}, {@code "pending"}, {@code "verified"}, {@code "rejected"}).
 */
public enum KycStatus {
    /** Nothing submitted yet. */
    UNVERIFIED,
    /** Submitted and awaiting a decision. */
    PENDING,
    /** Identity confirmed. */
    VERIFIED,
    /** The submission was refused; the owner may submit again. */
    REJECTED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in JSON and storage, such as {@code "pending"}; never null. */
    public String wireName() {
        return wireName;
    }

    /**
     * The status for its exact wire name.
     *
     * @param wire a lower-case status name; null, blank, padded or differently cased text is refused
     * @return the status, never null
     * @throws CofferException {@link ErrorCode#INVALID_REQUEST} for anything but an exact wire name
     */
    public static KycStatus fromWire(String wire) {
        for (KycStatus status : values()) {
            if (status.wireName.equals(wire)) {
                return status;
            }
        }
        throw new CofferException(ErrorCode.INVALID_REQUEST,
                "Unknown KYC status '" + wire + "': use one of unverified, pending, verified, rejected",
                Map.of("status", String.valueOf(wire)));
    }

    /**
     * True when the verification flow allows moving from this status to {@code target}.
     *
     * @throws NullPointerException if {@code target} is null
     */
    public boolean canTransitionTo(KycStatus target) {
        Objects.requireNonNull(target, "target");
        return switch (this) {
            case UNVERIFIED, REJECTED -> target == PENDING;
            case PENDING -> target == VERIFIED || target == REJECTED;
            case VERIFIED -> false;
        };
    }

    /**
     * Decides a move from this status to {@code target}.
     *
     * @param target the requested status, never null
     * @return {@link Result.Ok} with {@code target}, or {@link Result.Rejected} with
     *         {@link ErrorCode#INVALID_STATUS_TRANSITION} and context {@code from} and {@code to}
     * @throws NullPointerException if {@code target} is null
     */
    public Result<KycStatus> transitionTo(KycStatus target) {
        if (canTransitionTo(target)) {
            return Result.ok(target);
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("from", wireName);
        context.put("to", target.wireName);
        return Result.rejected(ErrorCode.INVALID_STATUS_TRANSITION, refusal(target), context);
    }

    private String refusal(KycStatus target) {
        if (target == this) {
            return "Verification is already " + wireName;
        }
        return switch (this) {
            case UNVERIFIED -> "Verification must be submitted before it can be " + target.wireName;
            case PENDING -> "A pending verification can only be approved or rejected";
            case VERIFIED -> "Verification is complete and cannot change to " + target.wireName;
            case REJECTED -> "A rejected verification can only be submitted again";
        };
    }
}
