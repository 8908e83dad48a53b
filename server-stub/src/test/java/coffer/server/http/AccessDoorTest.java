package coffer.server.http;

import coffer.server.auth.TokenService;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.ServerExtension;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door decides from the route that matched, so no spelling of a path reaches a route without its
 * credential: a route that declares no {@link Access} answers 401 without a valid Bearer token, a
 * {@link Access#SIGNED} route refuses an unsigned request, and every other spelling reaches no route.
 */
class AccessDoorTest {
    @RegisterExtension
    static final ServerExtension server = new ServerExtension();

    @Test
    void noSpellingReachesABearerRouteWithoutAValidToken() {
        RawHttp anonymous = RawHttp.to(server.get().server().port(), "127.0.30.1");
        RawHttp forged = RawHttp.to(server.get().server().port(), "127.0.30.2").header("Authorization", "Bearer forged.token.value");
        List<String> through = new ArrayList<>();
        int bearerRoutes = 0;
        for (HttpApi.Route route : server.get().server().routes()) {
            if (route.roles().contains(Access.PUBLIC) || route.roles().contains(Access.SIGNED)) {
                continue;
            }
            bearerRoutes++;
            String path = Spellings.fill(route.path(), "x1");
            List<String> spellings = Spellings.of(path);
            for (String spelling : spellings) {
                // a forged token is tried on the spellings that reach the route (the first three)
                for (RawHttp caller : spellings.indexOf(spelling) < 3 ? List.of(anonymous, forged) : List.of(anonymous)) {
                    RawHttp.Answer r = caller.send(route.method(), spelling, "{}");
                    if (!(r.status() == 401 && r.body().contains("UNAUTHORIZED")) && !r.reachedNoHandler()) {
                        through.add(route.method() + " " + spelling + " -> " + r.status() + " " + r.body());
                    }
                }
                if (route.method().equals("GET")) {
                    // HEAD is served by the GET route, behind the same door; it has no body to tell why
                    int status = anonymous.send("HEAD", spelling, null).status();
                    if (status != 401 && status != 404 && status != 400) {
                        through.add("HEAD " + spelling + " -> " + status);
                    }
                }
            }
        }
        assertThat(bearerRoutes).as("routes behind the Bearer door").isGreaterThan(40);
        assertThat(through).as("requests that got past the door without a valid token").isEmpty();
    }

    @Test
    void noSpellingReachesASignedRouteWithoutItsSignature() {
        RawHttp unsigned = RawHttp.to(server.get().server().port(), "127.0.30.3");
        List<String> through = new ArrayList<>();
        int signedRoutes = 0;
        for (HttpApi.Route route : server.get().server().routes()) {
            if (!route.roles().contains(Access.SIGNED)) {
                continue;
            }
            signedRoutes++;
            String path = Spellings.fill(route.path(), "x1");
            for (String spelling : Spellings.of(path)) {
                RawHttp.Answer r = unsigned.header("X-Env-Id", "123")
                        .send(route.method(), spelling, "{\"env_id\":\"123\",\"user_id\":\"123\"}");
                if (r.status() < 400 || r.status() >= 500) {
                    through.add(route.method() + " " + spelling + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertThat(signedRoutes).as("partner and provider routes").isGreaterThan(15);
        assertThat(through).as("unsigned requests a signed route served").isEmpty();
    }

    @Test
    void aRouteThatDeclaresNoAccessNeedsABearerTokenWhereverItIs(@TempDir Path folder) {
        try (Database database = Database.open(DatabaseConfig.sqlite(folder));
             RateLimiting limits = RateLimiting.start(RateLimits.off(), database)) {
            HttpApi.Routes forgotten = routes -> routes.get("/reports/daily", ctx -> ctx.result("every balance"));
            HttpApi.Routes declared = routes -> routes.get("/status", ctx -> ctx.result("fine"), Access.PUBLIC);
            Javalin app = HttpApi.create(new TokenService(database, Clock.systemUTC()), limits, List.of(),
                    List.of(forgotten, declared)).start("127.0.0.1", 0);
            try {
                RawHttp client = RawHttp.to(app.port(), "127.0.30.4");
                RawHttp.Answer hidden = client.send("GET", "/reports/daily", null);
                assertThat(hidden.status()).isEqualTo(401);
                assertThat(hidden.body()).doesNotContain("every balance");
                assertThat(client.send("GET", "/reports/daily/", null).status()).isEqualTo(401);
                assertThat(client.send("GET", "/status", null).body()).isEqualTo("fine");
            } finally {
                app.stop();
            }
        }
    }
}
