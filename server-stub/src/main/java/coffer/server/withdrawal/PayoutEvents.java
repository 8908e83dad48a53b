package coffer.server.withdrawal;

import coffer.server.gateway.ProviderEvent;
import coffer.server.gateway.ProviderEventHandler;

import java.util.Objects;
import java.util.Set;

/**
 * The provider's {@code payout.*} events, for withdrawals and settlements alike: {@code payout.succeeded}
 * captures the payout's hold, {@code payout.failed} voids it (the money goes back to the wallet). The
 * event's {@code reference} is the payout id. Repeats and late contradicting events change nothing.
 */
public final class PayoutEvents implements ProviderEventHandler {
    public static final String SUCCEEDED = "payout.succeeded";
    public static final String FAILED = "payout.failed";

    private final Payouts payouts;

    public PayoutEvents(Payouts payouts) {
        this.payouts = Objects.requireNonNull(payouts, "payouts");
    }

    @Override
    public Set<String> types() {
        return Set.of(SUCCEEDED, FAILED);
    }

    @Override
    public boolean handle(ProviderEvent event) {
        String reference = event.string("reference");
        if (reference == null) {
            return true;
        }
        payouts.noteProviderId(reference, event.string("payout_id"));
        boolean succeeded = SUCCEEDED.equals(event.type());
        String reason = event.string("reason");
        return payouts.finish(reference, succeeded, succeeded ? null : (reason == null ? "failed" : reason));
    }
}
