package coffer.app;

import coffer.app.api.ApiClient;
import coffer.app.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bundled server with fresh demo data for one test class, started the way the app starts it.
 * Register as {@code @RegisterExtension static final InProcessServer SERVER = new InProcessServer();}.
 */
public final class InProcessServer implements BeforeAllCallback, AfterAllCallback {
    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String PASSWORD = "demo-password";

    private EmbeddedServer server;
    private Path dataDir;
    private int port;
    /** One session per user and class: the server rate-limits sign-ins, as it should. */
    private final Map<String, ApiClient> sessions = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path base = Path.of("target", "test-servers");
        Files.createDirectories(base);
        dataDir = Files.createTempDirectory(base, context.getRequiredTestClass().getSimpleName());
        server = EmbeddedServer.start(dataDir);
        port = java.net.URI.create(server.baseUrl()).getPort();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sessions.clear();
        if (server != null) {
            server.close();
        }
    }

    /** Stops the server: its port refuses connections until {@link #startAgain()}. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the stopped server again on the same port over the same data. */
    public void startAgain() {
        if (server == null) {
            server = EmbeddedServer.start(dataDir, port);
        }
    }

    /** Checks every ledger invariant over the server's tables (balances equal postings, no overdraft...). */
    public coffer.server.ledger.LedgerVerifier.Report verifyLedger() throws java.sql.SQLException {
        try (coffer.server.db.Database database = coffer.server.db.Database.open(
                coffer.server.db.DatabaseConfig.sqlite(dataDir))) {
            return coffer.server.ledger.LedgerVerifier.verify(database);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client not yet signed in. */
    public ApiClient client() {
        return ApiClient.create(baseUrl());
    }

    /** A client signed in as a demo user (the same one for the whole class). */
    public ApiClient signedIn(String email) {
        return sessions.computeIfAbsent(email, e -> {
            ApiClient client = client();
            client.login(e, PASSWORD);
            return client;
        });
    }
}
