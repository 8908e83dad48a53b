package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.TokenService;
import coffer.server.json.Json;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinGson;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the HTTP server from its dependencies without starting it: the JSON mapper, the body size
 * limit, the error mapping, authentication, rate limiting, the request observers (access log,
 * metrics) and every route group. Each route group is a {@link Routes}; there is no other place where
 * routes are added.
 */
public final class HttpApi {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    /** Largest request body accepted, in bytes; bigger bodies are refused with 413 PAYLOAD_TOO_LARGE. */
    public static final long MAX_REQUEST_BYTES = 256 * 1024;

    /** A group of routes registered together. */
    public interface Routes {
        void register(RoutesConfig routes);
    }

    /**
     * One endpoint as Javalin registered it: an HTTP method, a path template such as
     * {@code /api/v1/accounts/{id}}, and the roles it declared ({@link Access}, {@link RateLimited},
     * {@link NoRateLimit}).
     */
    public record Route(String method, String path, Set<RouteRole> roles) {
        public Route {
            roles = Set.copyOf(roles);
        }

        public Route(String method, String path) {
            this(method, path, Set.of());
        }
    }

    private HttpApi() {
    }

    /**
     * @param tokens       checks the Bearer token of every route that declares no other {@link Access}
     * @param rateLimiting applies the rate limit each route declared ({@link RateLimited})
     * @param observers  told about every finished request
     * @param groups     every route group the server serves
     */
    public static Javalin create(TokenService tokens, RateLimiting rateLimiting, List<RequestObserver> observers,
                                 List<Routes> groups) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(rateLimiting, "rateLimiting");
        List<RequestObserver> watchers = List.copyOf(observers);
        List<Routes> all = new ArrayList<>();
        all.add(new Authentication(tokens));
        // both run once the endpoint is matched, in this order: the caller is known before it is counted
        all.add(rateLimiting);
        all.addAll(groups);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            Transport.protect(config);
            config.jsonMapper(new JavalinGson(Json.gson(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            // gzip at level 1 rather than Javalin's 6: on a sync page of 5,000 movements (2.3 MB of JSON) it
            // halves the server's compression time (6 ms instead of 12) for a body 9 % larger (161 KB, not 148)
            config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(1));
            JavalinState state = config.unsafe;
            config.requestLogger.http((ctx, ms) -> observe(watchers, ctx, route(state, ctx),
                    Duration.ofNanos((long) (ms * 1_000_000f))));
            ErrorHandling.register(config.routes);
            // requests Jetty refuses before routing (a malformed target, headers too large) answer in the same shape
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            // refuse a declared oversized body before anything reads it; a body without a length is cut off by Javalin
            config.routes.before(HttpApi::refuseOversizedBody);
            all.forEach(g -> g.register(config.routes));
        });
    }

    /** Every HTTP endpoint the server registered (before/after handlers left out), sorted by path then method. */
    public static List<Route> routes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> new Route(e.method.name(), e.path, roles(e)))
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    private static Set<RouteRole> roles(Endpoint e) {
        Roles roles = e.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }

    private static void refuseOversizedBody(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
            throw new CofferException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + MAX_REQUEST_BYTES / 1024 + " KiB.");
        }
    }

    /** The template of the route that served (or would have served) the request; null when none matches. */
    private static String route(JavalinState state, Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        // a before handler (authentication, rate limiting) answered before the endpoint was matched
        List<ParsedEndpoint> candidates = state.internalRouter.findHttpHandlerEntries(ctx.method(), ctx.path());
        return candidates.isEmpty() ? null : candidates.get(0).endpoint.path;
    }

    private static void observe(List<RequestObserver> observers, Context ctx, String route, Duration took) {
        for (RequestObserver o : observers) {
            try {
                o.observe(ctx, route, took);
            } catch (RuntimeException e) {
                log.warn("A request observer failed", e);
            }
        }
    }
}
