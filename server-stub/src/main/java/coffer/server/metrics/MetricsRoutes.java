package coffer.server.metrics;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /metrics}: every meter in Prometheus text format, unauthenticated like {@code /health},
 * for a scraper on the operator's network.
 */
public record MetricsRoutes(Metrics metrics) implements HttpApi.Routes {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(metrics.scrape()), Access.PUBLIC);
    }
}
