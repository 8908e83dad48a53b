package coffer.server;

import coffer.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar exactly as the README and SPEC.md do: {@code java -jar coffer-server.jar serve ...}. */
class ServerJarIT {
    private static final Pattern LISTENING = Pattern.compile("Coffer server listening on (http://localhost:(\\d+))");

    @TempDir
    Path data;

    @Test
    void servesHealthWithDemoDataThenStopsCleanlyAndTheLedgerVerifies() throws Exception {
        Process server = java("serve", "--port", "0", "--data", data.toString(), "--demo").start();
        String baseUrl;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("first line on stdout").isNotNull();
            Matcher m = LISTENING.matcher(line);
            assertThat(m.matches()).as("'%s' announces the port", line).isTrue();
            assertThat(Integer.parseInt(m.group(2))).isPositive();
            baseUrl = m.group(1);

            HttpResponse<String> health = Http.get(baseUrl + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");

            // the OpenAPI fragments are found inside the shaded jar, not only in a build folder
            HttpResponse<String> openapi = Http.get(baseUrl + "/openapi.json");
            assertThat(openapi.statusCode()).isEqualTo(200);
            assertThat(openapi.body()).contains("\"/health\"", "\"/api/v1/auth/login\"", "\"/api/v1/kyc/submissions\"");

            // the shaded jar keeps the Swagger UI files /docs serves, and the version they are served under
            HttpResponse<String> docs = Http.get(baseUrl + "/docs");
            assertThat(docs.statusCode()).isEqualTo(200);
            Matcher bundle = Pattern.compile("src=\"(/docs/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"").matcher(docs.body());
            assertThat(bundle.find()).as(docs.body()).isTrue();
            assertThat(Http.get(baseUrl + bundle.group(1)).body()).contains("SwaggerUIBundle");
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook finishes queued ledger work and closes the database
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Process verify = java("verify", "--data", data.toString()).redirectErrorStream(true).start();
        String report = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(report).isZero();
        assertThat(report).contains("OK: every invariant holds.").contains("3 movements");
    }

    private static ProcessBuilder java(String... args) {
        String jar = System.getProperty("coffer.server.jar");
        assertThat(jar).as("system property coffer.server.jar (set by the build)").isNotNull();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 3];
        command[0] = javaBin;
        command[1] = "-jar";
        command[2] = jar;
        System.arraycopy(args, 0, command, 3, args.length);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }
}
