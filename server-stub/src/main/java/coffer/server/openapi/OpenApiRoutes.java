package coffer.server.openapi;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;

/** {@code GET /openapi.json} (the merged OpenAPI 3.1 document) and {@code GET /docs} (the same as a page). */
public final class OpenApiRoutes implements HttpApi.Routes {
    private final OpenApiDocument document;
    private final String page;

    public OpenApiRoutes(OpenApiDocument document) {
        this.document = document;
        this.page = DocsPage.render(document.document());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document.json()), Access.PUBLIC);
        routes.get("/docs", ctx -> ctx.html(page), Access.PUBLIC);
    }
}
