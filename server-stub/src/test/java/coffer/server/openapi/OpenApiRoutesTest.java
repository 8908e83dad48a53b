package coffer.server.openapi;

import coffer.server.testing.Http;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiRoutesTest {
    private final AtomicInteger built = new AtomicInteger();
    private final OpenApiRoutes routes = new OpenApiRoutes(() -> {
        built.incrementAndGet();
        return OpenApiDocument.load();
    });
    private final Javalin http = Javalin.create(config -> routes.register(config.routes)).start("127.0.0.1", 0);

    @AfterEach
    void stop() {
        http.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    @Test
    void theDocumentIsBuiltAtTheFirstRequestNotAtStartAndThenOnce() {
        assertThat(built).hasValue(0);

        var json = Http.get(url("/openapi.json"));
        var again = Http.get(url("/openapi.json"));

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"openapi\"", "/api/v1/payments");
        assertThat(again.body()).isEqualTo(json.body());
        assertThat(built).hasValue(1);
    }
}
