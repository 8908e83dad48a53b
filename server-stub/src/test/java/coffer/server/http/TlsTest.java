package coffer.server.http;

import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TlsFiles;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server given a certificate and key serves HTTPS only, and reaches its own simulator over HTTPS too. */
class TlsTest {
    @TempDir
    static Path folder;

    private static TlsFiles tls;
    private static CofferServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        tls = TlsFiles.create(folder, "server", "RSA");
        server = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(Files.createDirectory(folder.resolve("data"))), true)
                .withSettings(TestServer.settings()).withTls(TlsIdentity.fromPem(tls.certificate(), tls.key())));
        client = client(tls.trustingIt());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void healthAnswersOverTls12OrLaterToAClientThatTrustsTheCertificate() throws Exception {
        assertThat(server.baseUrl()).isEqualTo("https://localhost:" + server.port());
        HttpResponse<String> r = client.send(get("/health"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ok\"");
        assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isIn("TLSv1.2", "TLSv1.3"));
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health"))
                .timeout(Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void theServersCallsToItselfTrustOnlyItsOwnCertificate() {
        TlsFiles other = TlsFiles.create(folder, "other", "EC");
        HttpClient pinnedToOther = client(TlsIdentity.fromPem(other.certificate(), other.key()).trustingItself());
        assertThatThrownBy(() -> pinnedToOther.send(get("/health"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    /** Coffer asks the simulator for a checkout over HTTPS, and the simulator's webhook reaches Coffer over HTTPS. */
    @Test
    void aTopupGoesThroughTheSimulatorOverHttps() throws Exception {
        String token = Caller.json(send(post("/api/v1/auth/login", null,
                "{\"email\":\"alice@example.com\",\"password\":\"" + DemoData.PASSWORD + "\"}"))).get("access_token").getAsString();
        String wallet = Caller.json(send(HttpRequest.newBuilder(url("/api/v1/accounts"))
                        .header("Authorization", "Bearer " + token).build()))
                .getAsJsonArray("accounts").get(0).getAsJsonObject().get("id").getAsString();
        String before = balance(token, wallet);

        HttpResponse<String> opened = send(post("/api/v1/topups", token,
                "{\"wallet_id\":\"" + wallet + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonObject topup = Caller.json(opened);
        String checkout = topup.get("checkout_url").getAsString();
        assertThat(checkout).startsWith(server.baseUrl() + "/provider/checkout/");
        String session = checkout.substring(checkout.lastIndexOf('/') + 1);
        HttpResponse<String> paid = send(post("/provider/test-helpers/checkout/" + session + "/pay", null,
                "{\"card_number\":\"4242424242424242\"}"));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

        JsonObject done = Poll.until(() -> Caller.json(send(HttpRequest.newBuilder(url("/api/v1/topups/"
                        + topup.get("topup_id").getAsString())).header("Authorization", "Bearer " + token).build())),
                t -> !t.get("status").getAsString().equals("pending"));
        assertThat(done.get("status").getAsString()).isEqualTo("completed");
        assertThat(new java.math.BigDecimal(balance(token, wallet)).subtract(new java.math.BigDecimal(before)))
                .isEqualByComparingTo("5.00");
    }

    private static String balance(String token, String wallet) {
        return Caller.json(send(HttpRequest.newBuilder(url("/api/v1/accounts/" + wallet))
                .header("Authorization", "Bearer " + token).build())).getAsJsonObject("account").get("balance").getAsString();
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }
}
