package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;

import java.util.Objects;

/**
 * The verdict of {@link KycPolicy} on one movement, as a {@link Result} so that it chains with the
 * other checks of a request. Immutable.
 *
 * <p>When allowed, the value is what is left of the deciding limit once the movement is made: for
 * an outgoing movement the rolling 24-hour allowance, for an incoming one the room under the maximum
 * balance. When rejected, the code is {@link ErrorCode#INVALID_AMOUNT},
 * {@link ErrorCode#CURRENCY_MISMATCH}, {@link ErrorCode#KYC_REQUIRED} or
 * {@link ErrorCode#DAILY_LIMIT_EXCEEDED}, with a human message and, for a limit, the context keys
 * {@code currency}, {@code limit} and {@code attempted} as decimal strings.
 *
 * @param result {@link Result.Ok} with the remaining allowance, or {@link Result.Rejected}; never null
 */
public record KycDecision(Result<Money> result) {

    /** @throws NullPointerException if {@code result} is null */
    public KycDecision {
        Objects.requireNonNull(result, "result");
    }

    /** True when the movement is within the limits. */
    public boolean isAllowed() {
        return result.isOk();
    }

    /**
     * What is left of the deciding limit after the movement; never negative, never null.
     *
     * @throws IllegalStateException if the movement was rejected
     */
    public Money remaining() {
        if (result instanceof Result.Ok<Money> ok) {
            return ok.value();
        }
        throw new IllegalStateException("No remaining allowance: the movement was rejected with "
                + result.errorCode());
    }

    /** The reason for a rejection, or null when allowed (as {@link Result#errorCode()}). */
    public ErrorCode errorCode() {
        return result.errorCode();
    }

    /**
     * The remaining allowance of an allowed movement.
     *
     * @throws CofferException the rejection, with its code, message and context
     */
    public Money orThrow() {
        return result.orThrow();
    }
}
