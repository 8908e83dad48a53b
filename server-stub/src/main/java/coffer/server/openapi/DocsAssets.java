package coffer.server.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files {@code /docs} is made of, read from the classpath: Swagger UI's own, from the
 * {@code org.webjars:swagger-ui} jar, and the page's initializer. Only the files named here are served, by
 * name: a request names one of them or gets nothing, so no path reaches anything else on the classpath.
 */
final class DocsAssets {
    /** The one file of the server's own: it starts Swagger UI (a script file, since the page allows no inline script). */
    static final String INITIALIZER = "coffer-docs.js";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> SWAGGER_UI_FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    /** A file to answer with: its bytes and its content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    /** The Swagger UI version the jar on the classpath carries; part of its files' addresses, so they can be cached for good. */
    static final String SWAGGER_UI_VERSION = swaggerUiVersion();

    /** Each file read once, at its first request. */
    private static final Map<String, byte[]> READ = new ConcurrentHashMap<>();

    private DocsAssets() {
    }

    /** One of Swagger UI's files by its name, or empty for any name not listed. */
    static Optional<Asset> swaggerUi(String name) {
        String type = SWAGGER_UI_FILES.get(name);
        return type == null ? Optional.empty() : Optional.of(new Asset(read(WEBJAR + SWAGGER_UI_VERSION + "/" + name), type));
    }

    /** The page's initializer script. */
    static Asset initializer() {
        return new Asset(read("docs/" + INITIALIZER), "text/javascript; charset=utf-8");
    }

    private static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] read(String name) {
        return READ.computeIfAbsent(name, DocsAssets::load);
    }

    private static byte[] load(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DocsAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (the org.webjars:swagger-ui jar?)");
        }
        return in;
    }
}
