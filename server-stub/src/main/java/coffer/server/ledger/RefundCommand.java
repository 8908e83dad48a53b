package coffer.server.ledger;

import coffer.core.money.Money;

import java.util.Objects;

/**
 * Send money of a completed movement back the way it came.
 *
 * @param actingUser    when a user refunds, the money must have reached their wallet; null for a partner
 * @param transactionId the movement to refund
 * @param amount        the part to refund, or null for all that is left
 */
public record RefundCommand(EnvId env, UserId actingUser, String transactionId, Money amount, String description) {
    public RefundCommand {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** The refund's fields after {@code kind} ("refund" or "reverse"), in the order stored keys were made with. */
    public Fingerprint fingerprint(String kind) {
        return Fingerprint.of(kind).text(env.value()).text(UserId.text(actingUser)).text(transactionId).money(amount)
                .legacy(amount == null ? "all" : amount.toString()).text(description);
    }
}
