package coffer.server.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link ProviderEventHandler}s the provider webhook dispatches to. Features add theirs when the
 * server starts; tests may add one for a while and remove it again.
 */
public final class ProviderEventHandlers {
    private final List<ProviderEventHandler> handlers = new CopyOnWriteArrayList<>();

    /** Adds a handler; closing the answer removes it. */
    public AutoCloseable add(ProviderEventHandler handler) {
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    /** The handlers that apply {@code type}, in the order they were added. */
    public List<ProviderEventHandler> forType(String type) {
        return handlers.stream().filter(h -> h.types().contains(type)).toList();
    }
}
