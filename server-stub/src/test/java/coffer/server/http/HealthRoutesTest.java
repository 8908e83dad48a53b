package coffer.server.http;

import coffer.server.auth.TokenService;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.Http;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /health} says 200 only once the server has finished starting: a client waiting for it may then use everything. */
class HealthRoutesTest {
    @Test
    void healthIsStartingUntilTheServerHasStartedEverythingThenOk(@TempDir Path folder) {
        AtomicBoolean started = new AtomicBoolean();
        try (Database database = Database.open(DatabaseConfig.sqlite(folder));
             RateLimiting limits = RateLimiting.start(RateLimits.off(), database)) {
            Javalin app = HttpApi.create(new TokenService(database, Clock.systemUTC()), limits, List.of(),
                    List.of(new HealthRoutes(database, started::get))).start("127.0.0.1", 0);
            try {
                HttpResponse<String> starting = Http.get("http://127.0.0.1:" + app.port() + "/health");
                assertThat(starting.statusCode()).isEqualTo(503);
                assertThat(starting.body()).contains("\"status\":\"starting\"");

                started.set(true);
                HttpResponse<String> ok = Http.get("http://127.0.0.1:" + app.port() + "/health");
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.body()).contains("\"status\":\"ok\"");
            } finally {
                app.stop();
            }
        }
    }
}
