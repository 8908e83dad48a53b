package coffer.server.http;

import io.javalin.http.Context;

import java.time.Duration;

/** Told about every finished request, once the answer is known (access log, metrics). */
public interface RequestObserver {
    /**
     * @param ctx   the finished request; only its method, status and route may be read, never headers or bodies
     * @param route the route template that served it ({@code /api/v1/accounts/{id}}), or null when no route matched
     * @param took  how long the server spent on it
     */
    void observe(Context ctx, String route, Duration took);
}
