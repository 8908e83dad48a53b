package coffer.core.kyc;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a movement fits a holder's KYC tier limits. A pure function of its arguments: it
 * keeps no state and reads no clock, so the caller passes {@code now} and the holder's recent
 * outgoing movements and balance, read in the same transaction as the write they guard.
 *
 * <p>Limits count the holder (a user, or an organization), per currency, summed over all of its
 * wallets, so opening more wallets never raises what a holder may hold or send: the caller passes
 * the outgoing movements of every wallet of the holder in the currency and their balance together.
 * Money moving between two wallets of one holder is neither sent nor received, and is not passed here.
 *
 * <p>An outgoing movement is checked in the order of SPEC.md, so the most fundamental reason wins:
 * a positive amount ({@link ErrorCode#INVALID_AMOUNT}), the limits' currency
 * ({@link ErrorCode#CURRENCY_MISMATCH}), the per-transaction limit ({@link ErrorCode#KYC_REQUIRED}),
 * then the rolling 24-hour total ({@link ErrorCode#DAILY_LIMIT_EXCEEDED}). A limit is inclusive: a
 * movement of exactly the limit is allowed.
 *
 * <p>The rolling window holds the movements made after {@code now - 24h}: one made exactly 24 hours
 * before {@code now} no longer counts, one made a nanosecond later still does. Movements stamped after
 * {@code now} count too, because several server instances may stamp with slightly different clocks
 * and leaving such a movement out would let a holder exceed its limit.
 *
 * <p>Movements and balances passed in must be in the limits' currency; anything else is a bug of the
 * caller, not of the request, and is thrown as {@link IllegalArgumentException}.
 */
public final class KycPolicy {

    /** The length of the rolling window of the daily limit. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private KycPolicy() {
    }

    /**
     * Decides an outgoing movement.
     *
     * @param limits  the holder's tier limits, never null
     * @param recent  the holder's completed or in-flight outgoing movements from any of its wallets in
     *                the limits' currency, at least those of the last 24 hours; older ones are ignored;
     *                never null, no null elements
     * @param request the amount to send, never null
     * @param now     the moment of the decision, never null
     * @return allowed with the 24-hour allowance left after {@code request}, or rejected; never null
     * @throws NullPointerException     if an argument or a movement is null
     * @throws IllegalArgumentException if a movement is not in the limits' currency
     * @throws CofferException          {@link ErrorCode#INVALID_AMOUNT} if the movements' total
     *                                  overflows a {@code long} of minor units
     */
    public static KycDecision checkOutgoing(TierLimits limits, List<OutgoingMovement> recent, Money request,
                                            Instant now) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(request, "request");
        Money used = usedInWindow(limits, recent, now);
        KycDecision invalid = checkAmount(limits, request);
        if (invalid != null) {
            return invalid;
        }
        if (request.isGreaterThan(limits.perTransaction())) {
            return reject(ErrorCode.KYC_REQUIRED, "Sending " + text(request) + " is over the per-payment limit of "
                            + text(limits.perTransaction())
                            + " for your verification level; verify your identity to send more",
                    limits.perTransaction(), request);
        }
        Money left = limits.daily().minus(used);
        if (request.isGreaterThan(left)) {
            Money leftOrZero = left.isNegative() ? Money.zero(left.currency()) : left;
            return reject(ErrorCode.DAILY_LIMIT_EXCEEDED, "Sending " + text(request) + " would pass the daily limit of "
                            + text(limits.daily()) + ": " + text(used) + " was already sent from your wallets in the last 24 hours, "
                            + text(leftOrZero) + " can still be sent",
                    limits.daily(), request, "used", used.toDecimalString(),
                    "remaining", leftOrZero.toDecimalString());
        }
        return new KycDecision(Result.ok(left.minus(request)));
    }

    /**
     * Decides an incoming movement against the maximum balance.
     *
     * @param limits         the holder's tier limits, never null
     * @param currentBalance what the holder holds before the movement: the posted balances and expected
     *                       credits of all its wallets in the limits' currency; never null
     * @param incoming       the amount to receive, never null
     * @return allowed with the room left under the maximum balance after {@code incoming}, or rejected
     *         with {@link ErrorCode#INVALID_AMOUNT}, {@link ErrorCode#CURRENCY_MISMATCH} or
     *         {@link ErrorCode#KYC_REQUIRED}; never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code currentBalance} is not in the limits' currency
     */
    public static KycDecision checkIncoming(TierLimits limits, Money currentBalance, Money incoming) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(currentBalance, "currentBalance");
        Objects.requireNonNull(incoming, "incoming");
        requireLimitsCurrency(limits, currentBalance, "balance");
        KycDecision invalid = checkAmount(limits, incoming);
        if (invalid != null) {
            return invalid;
        }
        // comparing with the room left, not the sum, cannot overflow for a huge incoming amount
        Money room = limits.maxBalance().minus(currentBalance);
        if (incoming.isGreaterThan(room)) {
            return reject(ErrorCode.KYC_REQUIRED, "Receiving " + text(incoming) + " would take what is held across all wallets, "
                            + text(currentBalance) + ", over the maximum of " + text(limits.maxBalance())
                            + " for this verification level; verify your identity to hold more",
                    limits.maxBalance(), incoming, "balance", currentBalance.toDecimalString());
        }
        return new KycDecision(Result.ok(room.minus(incoming)));
    }

    /**
     * What the holder may still send within the rolling 24 hours: the daily limit less what was sent
     * in the window, and zero rather than negative when a lowered limit is already passed.
     *
     * @param limits the holder's tier limits, never null
     * @param recent the holder's outgoing movements, as for {@link #checkOutgoing}; never null
     * @param now    the moment of the question, never null
     * @return an amount in the limits' currency, zero or more; never null
     * @throws NullPointerException     if an argument or a movement is null
     * @throws IllegalArgumentException if a movement is not in the limits' currency
     */
    public static Money remainingToday(TierLimits limits, List<OutgoingMovement> recent, Instant now) {
        Objects.requireNonNull(limits, "limits");
        Money left = limits.daily().minus(usedInWindow(limits, recent, now));
        return left.isNegative() ? Money.zero(left.currency()) : left;
    }

    private static Money usedInWindow(TierLimits limits, List<OutgoingMovement> recent, Instant now) {
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(now, "now");
        Instant windowStart = now.minus(WINDOW);
        Money used = Money.zero(limits.currency());
        for (OutgoingMovement movement : recent) {
            Objects.requireNonNull(movement, "movement");
            requireLimitsCurrency(limits, movement.amount(), "outgoing movement");
            if (movement.at().isAfter(windowStart)) {
                used = used.plus(movement.amount());
            }
        }
        return used;
    }

    private static KycDecision checkAmount(TierLimits limits, Money amount) {
        if (!amount.isPositive()) {
            return new KycDecision(Result.rejected(ErrorCode.INVALID_AMOUNT,
                    "The amount must be greater than zero, got " + text(amount),
                    Map.of("amount", amount.toDecimalString(), "currency", amount.currencyCode())));
        }
        if (!amount.currency().equals(limits.currency())) {
            return new KycDecision(Result.rejected(ErrorCode.CURRENCY_MISMATCH,
                    "The amount is in " + amount.currencyCode() + " but the wallet's limits are in "
                            + limits.currency().getCurrencyCode(),
                    Map.of("expected", limits.currency().getCurrencyCode(), "actual", amount.currencyCode())));
        }
        return null;
    }

    private static void requireLimitsCurrency(TierLimits limits, Money amount, String what) {
        if (!amount.currency().equals(limits.currency())) {
            throw new IllegalArgumentException("The " + what + " " + amount + " is not in the limits' currency "
                    + limits.currency().getCurrencyCode());
        }
    }

    /** {@code extraContext} alternates keys and values, kept in order. */
    private static KycDecision reject(ErrorCode code, String message, Money limit, Money attempted,
                                      String... extraContext) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("currency", limit.currencyCode());
        context.put("limit", limit.toDecimalString());
        context.put("attempted", attempted.toDecimalString());
        for (int i = 0; i < extraContext.length; i += 2) {
            context.put(extraContext[i], extraContext[i + 1]);
        }
        return new KycDecision(Result.rejected(code, message, context));
    }

    private static String text(Money amount) {
        return amount.toDecimalString() + " " + amount.currencyCode();
    }
}
