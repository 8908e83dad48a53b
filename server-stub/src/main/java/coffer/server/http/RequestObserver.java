package coffer.server.http;

import io.javalin.http.Context;

import java.time.Duration;
import java.util.Set;

/** Told about every finished request, once the answer is known (access log, metrics). */
public interface RequestObserver {
    /** The request methods reported by name; any other is {@value #OTHER_METHOD}. */
    Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    String OTHER_METHOD = "OTHER";

    /**
     * @param ctx   the finished request; only its method ({@link #method(Context)}), status and route may be
     *              read, never headers or bodies
     * @param route the route template that served it ({@code /api/v1/accounts/{id}}), or null when no route matched
     * @param took  how long the server spent on it
     */
    void observe(Context ctx, String route, Duration took);

    /**
     * The request's method when it is a standard one, else {@value #OTHER_METHOD}: a client may send any
     * token as its method, and each distinct one must not become a metric series or a log entry of its own.
     */
    static String method(Context ctx) {
        String name = ctx.method().name();
        return KNOWN_METHODS.contains(name) ? name : OTHER_METHOD;
    }
}
