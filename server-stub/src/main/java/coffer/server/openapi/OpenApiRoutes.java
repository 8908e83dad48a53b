package coffer.server.openapi;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /openapi.json} (the merged OpenAPI 3.1 document) and {@code GET /docs} (the same as a page).
 * Both are built at the first request for either, not at start: merging the fragments and rendering the page
 * cost a cold server about half a second, which every start would pay for a page few starts serve.
 */
public final class OpenApiRoutes implements HttpApi.Routes {
    private final Supplier<OpenApiDocument> source;
    private Built built;

    private record Built(String json, String page) {
    }

    /** Routes that build their document from {@code source} when first asked for it. */
    public OpenApiRoutes(Supplier<OpenApiDocument> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(built().json()), Access.PUBLIC);
        routes.get("/docs", ctx -> ctx.html(built().page()), Access.PUBLIC);
    }

    private synchronized Built built() {
        if (built == null) {
            OpenApiDocument document = source.get();
            built = new Built(document.json(), DocsPage.render(document.document()));
        }
        return built;
    }
}
