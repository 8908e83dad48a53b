package coffer.server.openapi;

import coffer.server.testing.Http;
import coffer.server.testing.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /docs}: Swagger UI, every file of it from the server itself, under a policy of the server's own origin. */
class DocsPageTest {
    @RegisterExtension
    static final ServerExtension server = new ServerExtension();

    private static String url(String path) {
        return server.get().url(path);
    }

    @Test
    void theDocsPageIsSwaggerUiFromThisServerOnlyUnderAStrictPolicy() {
        HttpResponse<String> page = Http.get(url("/docs"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String version = DocsAssets.SWAGGER_UI_VERSION;
        assertThat(page.body()).contains(
                "<link rel=\"stylesheet\" href=\"/docs/swagger-ui/" + version + "/swagger-ui.css\">",
                "<script src=\"/docs/swagger-ui/" + version + "/swagger-ui-bundle.js\"></script>",
                "<script src=\"/docs/coffer-docs.js\"></script>");
        assertThat(page.body()).as("nothing from elsewhere, no inline script").doesNotContain("http://", "https://", "<script>");
        assertThat(srcAndHrefs(page.body())).allSatisfy(address -> assertThat(address).startsWith("/docs/"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void everyFileThePageNamesIsServedWithItsTypeAndCacheHeaders() {
        for (String address : srcAndHrefs(Http.get(url("/docs")).body())) {
            HttpResponse<String> r = Http.get(url(address));
            assertThat(r.statusCode()).as(address).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(address).hasValue("nosniff");
        }
        String base = "/docs/swagger-ui/" + DocsAssets.SWAGGER_UI_VERSION + "/";
        HttpResponse<String> script = Http.get(url(base + "swagger-ui-bundle.js"));
        HttpResponse<String> style = Http.get(url(base + "swagger-ui.css"));
        HttpResponse<String> initializer = Http.get(url("/docs/coffer-docs.js"));

        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("SwaggerUIBundle");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(style.body()).contains(".swagger-ui");
        assertThat(style.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(initializer.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(initializer.body()).contains("SwaggerUIBundle(", "url: \"/openapi.json\"");
        assertThat(initializer.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void onlyTheListedFilesOfTheBundledVersionAreServed() {
        String base = "/docs/swagger-ui/" + DocsAssets.SWAGGER_UI_VERSION + "/";

        assertThat(Http.get(url(base + "index.html")).statusCode()).as("a webjar file not listed").isEqualTo(404);
        assertThat(Http.get(url("/docs/swagger-ui/1.0.0/swagger-ui.css")).statusCode()).as("another version").isEqualTo(404);
    }

    @Test
    void aTraversalSentAsWrittenReachesNothing() throws IOException {
        // the JDK client would send "..", but a raw request line is what an attacker sends
        for (String target : new String[]{
                "/docs/swagger-ui/" + DocsAssets.SWAGGER_UI_VERSION + "/../../../openapi-base.json",
                "/docs/swagger-ui/..%2f..%2f..%2fopenapi-base.json/x",
                "/docs/swagger-ui/" + DocsAssets.SWAGGER_UI_VERSION + "/..%2F..%2F..%2Fmaven%2Forg.webjars%2Fswagger-ui%2Fpom.properties",
                "/docs/swagger-ui/%2e%2e/%2e%2e/openapi-base.json"}) {
            String answer = rawGet(target);
            assertThat(answer).as(target).matches("(?s)HTTP/1\\.1 (400|404) .*").doesNotContain("\"openapi\"", "version=");
        }
    }

    private static String rawGet(String target) throws IOException {
        URI base = URI.create(url("/"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> srcAndHrefs(String html) {
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).isNotEmpty();
        return found;
    }
}
