package coffer.app.api;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The server's event stream as the signed-in user: each event's name (and data) as it comes.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface EventsApi {
    /**
     * Starts reading the server's event stream as the signed-in user; {@code onEvent} gets each event's
     * name on the stream's own thread. Close the stream on sign-out.
     */
    EventStream events(Consumer<String> onEvent);
    /** As {@link #events(Consumer)}, with each event's data too (for {@code ready}/{@code changed}: {@code {"seq": n}}). */
    EventStream eventsWithData(BiConsumer<String, String> onEvent);
}
