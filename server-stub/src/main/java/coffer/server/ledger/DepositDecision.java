package coffer.server.ledger;

import coffer.core.error.ErrorCode;

/**
 * How the ledger decided a deposit of money already taken from the payer: credited with
 * {@code movement}, or refused with {@code refusal} and {@code reason}. Kept with the deposit's
 * idempotency key either way, so asking again gets the same decision.
 */
public record DepositDecision(Movement movement, ErrorCode refusal, String reason) {
    public DepositDecision {
        if ((movement == null) == (refusal == null)) {
            throw new IllegalArgumentException("a deposit is either credited or refused");
        }
    }

    public boolean credited() {
        return movement != null;
    }
}
