package coffer.server.ledger.rules;

import coffer.core.kyc.KycPolicy;
import coffer.core.kyc.OutgoingMovement;
import coffer.core.kyc.TierLimits;
import coffer.core.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A holder's KYC standing in one currency: its tier's limits, and what it holds and sent over all of
 * its wallets, as read at {@code at}.
 *
 * @param held      posted plus expected credits of every wallet of the holder in the currency
 * @param sentToday what the holder sent to others in the 24 hours before {@code at}
 */
public record HolderLimits(TierLimits limits, Money held, Money sentToday, Instant at) {
    public HolderLimits {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(sentToday, "sentToday");
        Objects.requireNonNull(at, "at");
    }

    /** What the rolling daily limit still allows the holder to send, zero or more. */
    public Money remainingToday() {
        List<OutgoingMovement> sent = sentToday.isZero() ? List.of() : List.of(new OutgoingMovement(sentToday, at));
        return KycPolicy.remainingToday(limits, sent, at);
    }
}
