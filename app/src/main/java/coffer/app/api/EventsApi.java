package coffer.app.api;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The server's event stream as the signed-in user: each event's name (and data) as it comes.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface EventsApi {
    EventStream events(Consumer<String> onEvent);
    EventStream eventsWithData(BiConsumer<String, String> onEvent);
}
