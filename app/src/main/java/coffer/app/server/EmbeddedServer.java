package coffer.app.server;

import coffer.app.settings.AppSettings;
import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled Coffer server, run in the app's own process on a free port with the demo data, for
 * when no server is configured. The only class of the app that knows the server's insides.
 */
public final class EmbeddedServer implements AutoCloseable {
    /** System property that moves the embedded server's data folder (tests use a temporary one). */
    public static final String DATA_DIR_PROPERTY = "coffer.embedded.dir";

    private final CofferServer server;
    private final Path dataDir;

    private EmbeddedServer(CofferServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** {@code ~/.coffer/embedded}, or the {@value #DATA_DIR_PROPERTY} system property. */
    public static Path defaultDataDir() {
        String configured = System.getProperty(DATA_DIR_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : AppSettings.home().resolve("embedded");
    }

    /** Starts the server (blocking: call off the FX thread); demo data is seeded once, idempotently. */
    public static EmbeddedServer start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** As {@link #start(Path)} on a given port (0: any free one), e.g. to start a stopped server again where it was. */
    public static EmbeddedServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
        }
        return new EmbeddedServer(
                CofferServer.start(new CofferServer.Options(port, DatabaseConfig.sqlite(dataDir), true)), dataDir);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
    }
}
