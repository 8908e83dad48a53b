package coffer.server.gateway;

import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The one way a provider's event is applied, whichever webhook it came in on: every
 * {@link ProviderEventHandler} for its type applies it, and only once they all have is its id recorded
 * in {@code provider_events}, so an event id already there is applied never again, and one whose
 * handler failed is applied again when the provider sends it again.
 */
final class AppliedEvents {
    private static final Logger log = LoggerFactory.getLogger(AppliedEvents.class);

    private final Jdbc jdbc;
    private final ProviderEventHandlers handlers;
    private final Clock clock;

    AppliedEvents(Database database, ProviderEventHandlers handlers, Clock clock) {
        this.jdbc = new Jdbc(database);
        this.handlers = handlers;
        this.clock = clock;
    }

    /** Whether the event recorded as {@code id} was applied already. */
    boolean seen(String id) {
        return jdbc.one("SELECT 1 FROM provider_events WHERE id = ?", rs -> true, id).isPresent();
    }

    /**
     * Applies {@code event} through every handler of its type and records it as {@code id}; false, with
     * nothing recorded, when a handler could not apply it now (the provider should send it again).
     */
    boolean apply(String id, ProviderEvent event) {
        for (ProviderEventHandler handler : handlers.forType(event.type())) {
            boolean applied;
            try {
                applied = handler.handle(event);
            } catch (RuntimeException e) {
                log.warn("Provider event {} ({}) could not be applied yet; the provider will send it again", id,
                        event.type(), e);
                applied = false;
            }
            if (!applied) {
                return false;
            }
        }
        record(id, event.type());
        return true;
    }

    /** Records {@code id} as done without applying anything (an event none of Coffer's features reads). */
    void record(String id, String type) {
        jdbc.update("INSERT INTO provider_events (id, type, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                id, type, clock.millis());
    }
}
