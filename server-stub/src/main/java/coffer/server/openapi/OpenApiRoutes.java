package coffer.server.openapi;

import coffer.server.http.Access;
import coffer.server.http.HtmlPages;
import coffer.server.http.HttpApi;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /openapi.json} (the merged OpenAPI 3.1 document) and {@code GET /docs}, Swagger UI on that
 * document, with its files served by this server from the classpath (nothing from elsewhere, so the page
 * works offline) and "Try it out" sending to this server. The document is merged at the first request for
 * it, not at start: merging the fragments costs a cold server a good part of a second, which every start
 * would pay for a document few starts serve.
 */
public final class OpenApiRoutes implements HttpApi.Routes {
    /** Where Swagger UI's files are served; its version is in the address, so a browser may keep them for good. */
    static final String SWAGGER_UI = "/docs/swagger-ui/" + DocsAssets.SWAGGER_UI_VERSION + "/";
    static final String INITIALIZER = "/docs/" + DocsAssets.INITIALIZER;

    /** The page: Swagger UI's stylesheet and script, and the initializer that starts it. */
    static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width,initial-scale=1">
            <title>Coffer API</title>
            <link rel="stylesheet" href="%1$sswagger-ui.css">
            <link rel="icon" type="image/png" href="%1$sfavicon-32x32.png" sizes="32x32">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="%1$sswagger-ui-bundle.js"></script>
            <script src="%2$s"></script>
            </body>
            </html>
            """.formatted(SWAGGER_UI, INITIALIZER);

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The initializer's address carries no version: a browser asks again each time, so a new server's is used. */
    private static final String REVALIDATE = "no-cache";

    private final Supplier<OpenApiDocument> source;
    private String json;

    /** Routes that build their document from {@code source} when first asked for it. */
    public OpenApiRoutes(Supplier<OpenApiDocument> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(json()), Access.PUBLIC);
        routes.get("/docs", ctx -> {
            HtmlPages.secureScripted(ctx);
            ctx.contentType("text/html; charset=utf-8").result(PAGE);
        }, Access.PUBLIC);
        routes.get(INITIALIZER, ctx -> asset(ctx, DocsAssets.initializer(), REVALIDATE), Access.PUBLIC);
        routes.get("/docs/swagger-ui/{version}/{file}", this::swaggerUi, Access.PUBLIC);
    }

    private void swaggerUi(Context ctx) {
        if (!DocsAssets.SWAGGER_UI_VERSION.equals(ctx.pathParam("version"))) {
            throw new NotFoundResponse("No such file of the API reference: " + ctx.path());
        }
        DocsAssets.Asset asset = DocsAssets.swaggerUi(ctx.pathParam("file"))
                .orElseThrow(() -> new NotFoundResponse("No such file of the API reference: " + ctx.path()));
        asset(ctx, asset, IMMUTABLE);
    }

    private static void asset(Context ctx, DocsAssets.Asset asset, String cacheControl) {
        ctx.header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .contentType(asset.contentType())
                .result(asset.bytes());
    }

    private synchronized String json() {
        if (json == null) {
            json = source.get().json();
        }
        return json;
    }
}
