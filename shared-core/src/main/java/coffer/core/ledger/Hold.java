package coffer.core.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A two-phase movement: {@code amount} reserved on {@code debitAccount} for {@code creditAccount}
 * until it is captured (fully or partly), voided, or expires. Resolved at most once. Immutable; each
 * step returns the new hold or a refusal.
 *
 * @param id            unique id
 * @param debitAccount  the account whose money is reserved
 * @param creditAccount the account a capture pays
 * @param amount        the positive amount reserved
 * @param expiresAt     when the hold voids itself
 * @param state         where it is in its life
 * @param captured      what was captured: zero unless {@link HoldState#CAPTURED}
 */
public record Hold(String id, String debitAccount, String creditAccount, Money amount, Instant expiresAt,
                   HoldState state, Money captured) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debitAccount, "debitAccount");
        Objects.requireNonNull(creditAccount, "creditAccount");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        amount.requirePositive();
        captured.requireCurrency(amount.currency());
        if (captured.isNegative() || captured.isGreaterThan(amount)) {
            throw new IllegalArgumentException("captured " + captured + " is outside 0.." + amount);
        }
    }

    /** A new pending hold. */
    public static Hold pending(String id, String debitAccount, String creditAccount, Money amount, Instant expiresAt) {
        return new Hold(id, debitAccount, creditAccount, amount, expiresAt, HoldState.PENDING, Money.zero(amount.currency()));
    }

    /** True if the hold is pending but past its expiry at {@code now}. */
    public boolean isDue(Instant now) {
        return state == HoldState.PENDING && !now.isBefore(expiresAt);
    }

    /**
     * Captures {@code part} (all of it or less); the rest is released.
     *
     * @return the captured hold, or {@link ErrorCode#HOLD_ALREADY_RESOLVED} (also when it has expired),
     *         {@link ErrorCode#INVALID_AMOUNT} for more than was held or a non-positive part,
     *         {@link ErrorCode#CURRENCY_MISMATCH}
     */
    public Result<Hold> capture(Money part, Instant now) {
        Result<Hold> open = requireOpen(now);
        if (!open.isOk()) {
            return open;
        }
        if (!part.currency().equals(amount.currency())) {
            return Result.rejected(ErrorCode.CURRENCY_MISMATCH,
                    "Hold is in " + amount.currencyCode() + ", capture is in " + part.currencyCode(),
                    Map.of("expected", amount.currencyCode(), "actual", part.currencyCode()));
        }
        if (!part.isPositive() || part.isGreaterThan(amount)) {
            return Result.rejected(ErrorCode.INVALID_AMOUNT,
                    "Capture must be more than zero and at most the held " + amount.toDecimalString(),
                    Map.of("held", amount.toDecimalString(), "requested", part.toDecimalString()));
        }
        return Result.ok(new Hold(id, debitAccount, creditAccount, amount, expiresAt, HoldState.CAPTURED, part));
    }

    /** Releases the whole amount. @return the voided hold, or {@link ErrorCode#HOLD_ALREADY_RESOLVED} */
    public Result<Hold> voidHold(Instant now) {
        return requireOpen(now).map(h -> resolved(HoldState.VOIDED));
    }

    /** Releases the whole amount because the hold is due. @return the expired hold, or a refusal if not pending or not yet due */
    public Result<Hold> expire(Instant now) {
        if (state.isResolved()) {
            return alreadyResolved();
        }
        if (!isDue(now)) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "Hold " + id + " is not due until " + expiresAt);
        }
        return Result.ok(resolved(HoldState.EXPIRED));
    }

    private Result<Hold> requireOpen(Instant now) {
        if (state.isResolved()) {
            return alreadyResolved();
        }
        if (isDue(now)) {
            return Result.rejected(ErrorCode.HOLD_ALREADY_RESOLVED, "Hold " + id + " expired at " + expiresAt,
                    Map.of("hold_id", id, "state", "expired"));
        }
        return Result.ok(this);
    }

    private Result<Hold> alreadyResolved() {
        return Result.rejected(ErrorCode.HOLD_ALREADY_RESOLVED,
                "Hold " + id + " was already " + state.name().toLowerCase(java.util.Locale.ROOT),
                Map.of("hold_id", id, "state", state.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private Hold resolved(HoldState newState) {
        return new Hold(id, debitAccount, creditAccount, amount, expiresAt, newState, Money.zero(amount.currency()));
    }
}
