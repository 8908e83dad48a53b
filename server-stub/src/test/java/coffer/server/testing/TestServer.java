package coffer.server.testing;

import coffer.server.CofferServer;
import coffer.server.ProviderMode;
import coffer.server.ServerSettings;
import coffer.server.http.RateLimits;
import coffer.server.db.DatabaseConfig;
import coffer.server.json.Json;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerVerifier;
import coffer.server.provider.ProviderSettings;
import coffer.server.webhook.WebhookSettings;
import com.google.gson.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The real server on a random port over a temporary SQLite file, with the demo data, for functional
 * tests; and a signed-in caller to talk to it.
 */
public final class TestServer implements AutoCloseable {
    private final CofferServer server;
    private final Path dataDir;

    private TestServer(CofferServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server with the demo data (alice and bob hold 1000.00 USD each), without rate limits and
     * with KYC decided at once ({@link #settings()}).
     */
    public static TestServer start(Path dataDir) {
        return start(dataDir, settings());
    }

    public static TestServer start(Path dataDir, ServerSettings settings) {
        return start(dataDir, settings, ProviderMode.SIMULATOR);
    }

    /** A server with the demo data and {@code provider} ({@code serve --demo --provider none}, say). */
    public static TestServer start(Path dataDir, ServerSettings settings, ProviderMode provider) {
        return new TestServer(CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(dataDir), true)
                .withSettings(settings).withProvider(provider)), dataDir);
    }

    /**
     * The settings tests start from: no rate limits (tests sign in often), KYC decided without delay,
     * the provider simulator's delays short (pending payouts finish after 1 s, webhooks are retried after
     * 100 ms), and partner webhooks allowed to loopback, where tests' receivers listen.
     */
    public static ServerSettings settings() {
        return ServerSettings.defaults().withRateLimits(RateLimits.off()).withKycDecisionDelay(Duration.ZERO)
                .withProvider(ProviderSettings.fast()).withWebhooks(WebhookSettings.defaults().allowingPrivateTargets());
    }

    public CofferServer server() {
        return server;
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    /** Signs in as a demo user. */
    public Caller login(String email) {
        return login(email, DemoData.PASSWORD);
    }

    public Caller login(String email, String password) {
        HttpResponse<String> r = Http.post(url("/api/v1/auth/login"),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return new Caller(this, Json.gson().fromJson(r.body(), JsonObject.class).get("access_token").getAsString());
    }

    /** Registers a new user (unverified KYC, no wallet yet) and signs in as them. */
    public Caller register(String email) {
        HttpResponse<String> r = Http.post(url("/api/v1/auth/register"),
                "{\"email\":\"" + email + "\",\"password\":\"password-1234\",\"name\":\"Test\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("register failed: " + r.statusCode() + " " + r.body());
        }
        return new Caller(this, Json.gson().fromJson(r.body(), JsonObject.class).get("access_token").getAsString());
    }

    /** The ledger's invariant report right now. */
    public LedgerVerifier.Report verify() throws SQLException {
        return server.ledger().verifyInvariants();
    }

    /** The provider simulator's webhook secret, read from the server's database, for tests that craft provider webhooks. */
    public String providerWebhookSecret() {
        return serverKey("provider.webhook_secret");
    }

    /** The provider simulator's API key, for tests that call {@code /provider/v1/...} as Coffer does. */
    public String providerApiKey() {
        return serverKey("provider.api_key");
    }

    private String serverKey(String id) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(DatabaseConfig.sqlite(dataDir).jdbcUrl());
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT secret FROM server_keys WHERE id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the server has no key " + id + " yet");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        Http.forgetConnections();
    }

    /** A signed-in user of the test server. */
    public record Caller(TestServer server, String accessToken) {
        public HttpResponse<String> get(String path) {
            return Http.send(request(path).GET());
        }

        public HttpResponse<String> post(String path, String json) {
            return Http.postJson(request(path), json);
        }

        /** A POST with an {@code Idempotency-Key}. */
        public HttpResponse<String> post(String path, String json, String idempotencyKey) {
            return Http.postJson(request(path).header("Idempotency-Key", idempotencyKey), json);
        }

        public HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + accessToken);
        }

        /** The body as a JSON object. */
        public static JsonObject json(HttpResponse<String> response) {
            return Json.gson().fromJson(response.body(), JsonObject.class);
        }

        /** The {@code error.code} of an error answer. */
        public static String errorCode(HttpResponse<String> response) {
            return json(response).getAsJsonObject("error").get("code").getAsString();
        }

        /** The id of this caller's first wallet. */
        public String firstWalletId() {
            return json(get("/api/v1/accounts")).getAsJsonArray("accounts").get(0).getAsJsonObject().get("id").getAsString();
        }
    }
}
