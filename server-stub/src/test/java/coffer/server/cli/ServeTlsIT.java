package coffer.server.cli;

import coffer.server.testing.TlsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar serves HTTPS when given a certificate and key, and says so on its first line. */
class ServeTlsIT {
    private static final Pattern LISTENING = Pattern.compile("Coffer server listening on (https://localhost:\\d+)");

    @TempDir
    Path folder;

    @Test
    void serveWithACertificateAnnouncesAnHttpsUrlThatAnswers() throws Exception {
        TlsFiles tls = TlsFiles.create(folder, "server", "RSA");
        String jar = System.getProperty("coffer.server.jar");
        assertThat(jar).as("system property coffer.server.jar (set by the build)").isNotNull();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "serve", "--port", "0", "--data", folder.resolve("data").toString(),
                "--tls-cert", tls.certificate().toString(), "--tls-key", tls.key().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("first line on stdout").isNotNull();
            Matcher m = LISTENING.matcher(line);
            assertThat(m.matches()).as("'%s' announces an https URL", line).isTrue();
            HttpClient client = HttpClient.newBuilder().sslContext(tls.trustingIt()).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
