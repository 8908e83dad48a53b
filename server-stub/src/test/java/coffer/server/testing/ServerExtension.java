package coffer.server.testing;

import coffer.server.ServerSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One {@link TestServer} for a whole test class, in its own temporary folder:
 * {@code @RegisterExtension static final ServerExtension running = new ServerExtension();}.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final ServerSettings settings;
    private Path folder;
    private TestServer server;

    /** A server with {@link TestServer#settings()}. */
    public ServerExtension() {
        this(TestServer.settings());
    }

    public ServerExtension(ServerSettings settings) {
        this.settings = settings;
    }

    /** The running server; only between the class's first and last test. */
    public TestServer get() {
        if (server == null) {
            throw new IllegalStateException("the server runs only while the test class runs");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("coffer-test-");
        server = TestServer.start(folder, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            server.close();
        } finally {
            server = null;
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(ServerExtension::delete);
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
