package coffer.server.http;

import coffer.server.auth.TokenService;
import coffer.server.json.Json;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinGson;

import java.util.List;
import java.util.Objects;

/**
 * Builds the HTTP server from its dependencies without starting it: the JSON mapper, the error
 * mapping, and every route group. Each route group is a {@link Routes}; there is no other place where
 * routes are added.
 */
public final class HttpApi {
    /** Largest request body accepted, in bytes; bigger bodies are refused with 413 PAYLOAD_TOO_LARGE. */
    public static final long MAX_REQUEST_BYTES = 256 * 1024;

    /** A group of routes registered together. */
    public interface Routes {
        void register(RoutesConfig routes);
    }

    private HttpApi() {
    }

    /**
     * @param tokens checks the Bearer token of every {@code /api/v1} request except signing in
     * @param groups every route group the server serves
     */
    public static Javalin create(TokenService tokens, List<Routes> groups) {
        Objects.requireNonNull(tokens, "tokens");
        List<Routes> all = new java.util.ArrayList<>();
        all.add(new Authentication(tokens));
        all.addAll(groups);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinGson(Json.gson(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            ErrorHandling.register(config.routes);
            all.forEach(g -> g.register(config.routes));
        });
    }
}
