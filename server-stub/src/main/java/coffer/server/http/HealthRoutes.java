package coffer.server.http;

import coffer.server.Version;
import coffer.server.db.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: 200 when the server can read its database, 503 otherwise. */
public record HealthRoutes(Database database) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = databaseAnswers();
        body.put("status", up ? "ok" : "unavailable");
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
