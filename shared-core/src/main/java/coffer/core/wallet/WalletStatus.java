package coffer.core.wallet;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import java.util.Locale;
import java.util.Map;

/**
 * What a wallet may currently do with money. Each constant answers whether it accepts debits and
 * credits; how a wallet moves between statuses is decided by {@link WalletStatusRules}.
 *
 * <p>On the wire a status is its lower-case name ({@code "active"}, {@code "locked"},
 * {@code "suspended"}, {@code "closed"}).
 */
public enum WalletStatus {
    /** Normal operation: debits and credits allowed. */
    ACTIVE,
    /** Frozen by its user or partner: credits allowed, debits refused. */
    LOCKED,
    /** Stopped by the operator: no movement in either direction. */
    SUSPENDED,
    /** Terminal: no movement, and no status change ever again. */
    CLOSED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in JSON and storage, such as {@code "active"}; never null. */
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
    public static WalletStatus fromWire(String wire) {
        for (WalletStatus status : values()) {
            if (status.wireName.equals(wire)) {
                return status;
            }
        }
        throw new CofferException(ErrorCode.INVALID_REQUEST,
                "Unknown wallet status '" + wire + "': use one of active, locked, suspended, closed",
                Map.of("status", String.valueOf(wire)));
    }

    /** True when money may leave a wallet in this status. */
    public boolean allowsDebit() {
        return this == ACTIVE;
    }

    /** True when money may arrive in a wallet in this status. */
    public boolean allowsCredit() {
        return this == ACTIVE || this == LOCKED;
    }

    /**
     * Whether money may leave a wallet in this status.
     *
     * @return {@link Result.Ok} with this status, or {@link Result.Rejected} with
     *         {@link ErrorCode#WALLET_LOCKED}, {@link ErrorCode#WALLET_SUSPENDED} or
     *         {@link ErrorCode#WALLET_CLOSED}; never null
     */
    public Result<WalletStatus> checkDebit() {
        return switch (this) {
            case ACTIVE -> Result.ok(this);
            case LOCKED -> rejected(ErrorCode.WALLET_LOCKED,
                    "The wallet is locked: unlock it before sending or spending money");
            case SUSPENDED -> suspended();
            case CLOSED -> closed();
        };
    }

    /**
     * Whether money may arrive in a wallet in this status.
     *
     * @return {@link Result.Ok} with this status, or {@link Result.Rejected} with
     *         {@link ErrorCode#WALLET_SUSPENDED} or {@link ErrorCode#WALLET_CLOSED}; never null
     */
    public Result<WalletStatus> checkCredit() {
        return switch (this) {
            case ACTIVE, LOCKED -> Result.ok(this);
            case SUSPENDED -> suspended();
            case CLOSED -> closed();
        };
    }

    private Result<WalletStatus> suspended() {
        return rejected(ErrorCode.WALLET_SUSPENDED,
                "The wallet is suspended by the operator: no money can move in or out");
    }

    private Result<WalletStatus> closed() {
        return rejected(ErrorCode.WALLET_CLOSED, "The wallet is closed: no money can move in or out");
    }

    private Result<WalletStatus> rejected(ErrorCode code, String message) {
        return Result.rejected(code, message, Map.of("status", wireName));
    }
}
