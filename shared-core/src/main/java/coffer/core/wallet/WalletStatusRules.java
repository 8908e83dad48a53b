package coffer.core.wallet;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The wallet status machine: which status changes exist, who may make them and when.
 *
 * <pre>
 *   ACTIVE    &lt;-&gt; LOCKED      user, partner or operator
 *   ACTIVE     -&gt; SUSPENDED   operator only
 *   LOCKED     -&gt; SUSPENDED   operator only
 *   SUSPENDED  -&gt; ACTIVE      operator only
 *   ACTIVE     -&gt; CLOSED      user, partner or operator, at zero balance with nothing held
 *   LOCKED     -&gt; CLOSED      user, partner or operator, at zero balance with nothing held
 *   SUSPENDED  -&gt; CLOSED      operator only, at zero balance with nothing held
 * </pre>
 *
 * <p>A restriction stands against weaker actors ({@code OPERATOR > PARTNER > USER}): a wallet locked by
 * its partner is unlocked or closed only by the partner or the operator, never by its user. A stronger
 * actor may lock a wallet a weaker one already locked, so the lock becomes theirs (the one exception
 * to "no change is no transition").
 *
 * <p>Refusals are checked from the most fundamental reason down, so that the answer does not depend
 * on details the caller cannot change: a closed wallet ({@link ErrorCode#WALLET_CLOSED}, even for
 * CLOSED to CLOSED), then a change that is no change or not in the table above
 * ({@link ErrorCode#INVALID_STATUS_TRANSITION}, whoever asks), then the actor's right
 * ({@link ErrorCode#FORBIDDEN}: the table's, then the strength of who set the current status), then the
 * money still in the wallet ({@link ErrorCode#WALLET_NOT_EMPTY}).
 *
 * <p>Stateless and thread-safe.
 */
public final class WalletStatusRules {

    private WalletStatusRules() {
    }

    /**
     * Decides a status change.
     *
     * @param from                 the current status, never null
     * @param setBy                who set the current status; null when nobody did (a new wallet) or it is
     *                             not known, which puts no actor above another
     * @param to                   the requested status, never null
     * @param actor                who asks, never null
     * @param emptyAndNothingHeld  true when the wallet's posted balance is zero and no hold is pending;
     *                             only consulted for a change to {@link WalletStatus#CLOSED}
     * @return {@link Result.Ok} with {@code to}, or {@link Result.Rejected} with
     *         {@link ErrorCode#WALLET_CLOSED}, {@link ErrorCode#INVALID_STATUS_TRANSITION},
     *         {@link ErrorCode#FORBIDDEN} or {@link ErrorCode#WALLET_NOT_EMPTY}; context names
     *         {@code from}, {@code to} and {@code actor} in wire form; never null
     * @throws NullPointerException if an argument is null
     */
    public static Result<WalletStatus> transition(WalletStatus from, StatusActor setBy, WalletStatus to, StatusActor actor,
                                                  boolean emptyAndNothingHeld) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        if (from == WalletStatus.CLOSED) {
            return reject(ErrorCode.WALLET_CLOSED,
                    "The wallet is closed and its status can no longer change", from, to, actor);
        }
        boolean weakerThanSetter = setBy != null && setBy.compareTo(actor) > 0;
        if (from == to) {
            boolean takesOverLock = from == WalletStatus.LOCKED && setBy != null && actor.compareTo(setBy) > 0;
            return takesOverLock ? Result.ok(to) : reject(ErrorCode.INVALID_STATUS_TRANSITION,
                    "The wallet is already " + from.wireName(), from, to, actor);
        }
        boolean operator = actor == StatusActor.OPERATOR;
        Result<WalletStatus> allowed = switch (to) {
            case ACTIVE -> from == WalletStatus.SUSPENDED && !operator
                    ? reject(ErrorCode.FORBIDDEN, "Only the operator can lift a suspension", from, to, actor)
                    : Result.ok(to);
            case LOCKED -> from == WalletStatus.SUSPENDED
                    ? reject(ErrorCode.INVALID_STATUS_TRANSITION,
                            "A suspended wallet cannot be locked; the operator can reactivate or close it",
                            from, to, actor)
                    : Result.ok(to);
            case SUSPENDED -> operator
                    ? Result.ok(to)
                    : reject(ErrorCode.FORBIDDEN, "Only the operator can suspend a wallet", from, to, actor);
            case CLOSED -> close(from, actor, emptyAndNothingHeld);
        };
        if (allowed.isOk() || allowed.errorCode() == ErrorCode.WALLET_NOT_EMPTY) {
            if (weakerThanSetter && from != WalletStatus.ACTIVE) {
                return reject(ErrorCode.FORBIDDEN, "The wallet was " + from.wireName() + " by the " + wire(setBy)
                        + ": only the " + wire(setBy) + (setBy == StatusActor.OPERATOR ? "" : " or the operator")
                        + " can change that", from, to, actor);
            }
        }
        return allowed;
    }

    private static String wire(StatusActor actor) {
        return actor.name().toLowerCase(Locale.ROOT);
    }

    private static Result<WalletStatus> close(WalletStatus from, StatusActor actor, boolean emptyAndNothingHeld) {
        WalletStatus to = WalletStatus.CLOSED;
        if (from == WalletStatus.SUSPENDED && actor != StatusActor.OPERATOR) {
            return reject(ErrorCode.FORBIDDEN, "Only the operator can close a suspended wallet", from, to, actor);
        }
        if (!emptyAndNothingHeld) {
            return reject(ErrorCode.WALLET_NOT_EMPTY,
                    "The wallet can only be closed at a zero balance with no pending holds;"
                            + " move the money out or wait for pending payments to settle",
                    from, to, actor);
        }
        return Result.ok(to);
    }

    private static Result<WalletStatus> reject(ErrorCode code, String message, WalletStatus from, WalletStatus to,
                                               StatusActor actor) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("from", from.wireName());
        context.put("to", to.wireName());
        context.put("actor", wire(actor));
        return Result.rejected(code, message, context);
    }
}
