package coffer.server.http;

import coffer.server.Version;
import coffer.server.db.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 once the server has started everything (its background schedules start after it
 * listens, since they need its port) and can read its database; 503 {@code "starting"} before that, and 503
 * {@code "unavailable"} when the database does not answer.
 *
 * @param started whether the server has finished starting
 */
public record HealthRoutes(Database database, BooleanSupplier started) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean started = this.started.getAsBoolean();
        boolean up = started && databaseAnswers();
        body.put("status", up ? "ok" : started ? "unavailable" : "starting");
        body.put("version", Version.current());
        body.put("database", database.dialect().name().toLowerCase(java.util.Locale.ROOT));
        ctx.status(up ? 200 : 503).json(body);
    }

    private boolean databaseAnswers() {
        try (Connection c = database.readers().getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
