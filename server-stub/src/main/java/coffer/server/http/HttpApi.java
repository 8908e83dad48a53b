package coffer.server.http;

import coffer.server.auth.PasswordHasher;
import coffer.server.db.Database;
import coffer.server.json.Json;
import coffer.server.ledger.LedgerService;
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

    /** What the HTTP layer needs; it talks to the ledger only through {@link LedgerService}. */
    public record Dependencies(LedgerService ledger, Database database, PasswordHasher passwords) {
        public Dependencies {
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(passwords, "passwords");
        }
    }

    /** A group of routes registered together. */
    public interface Routes {
        void register(RoutesConfig routes);
    }

    private HttpApi() {
    }

    public static Javalin create(Dependencies deps) {
        List<Routes> groups = List.of(new HealthRoutes(deps.database()));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinGson(Json.gson(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            ErrorHandling.register(config.routes);
            groups.forEach(g -> g.register(config.routes));
        });
    }
}
