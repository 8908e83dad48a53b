package coffer.server.gateway;

import java.util.Set;

/**
 * A feature's reaction to provider events (top-ups react to {@code checkout.*}, withdrawals to
 * {@code payout.*}, ...). Handlers must be idempotent: an event can arrive again after a crash
 * between applying it and recording it, and events can arrive out of order (a {@code checkout.failed}
 * after {@code checkout.paid} changes nothing).
 */
public interface ProviderEventHandler {

    /** The event types this handler applies. */
    Set<String> types();

    /**
     * Applies the event. Throwing (or answering false) leaves the event unacknowledged, so the
     * provider sends it again later.
     */
    boolean handle(ProviderEvent event);
}
