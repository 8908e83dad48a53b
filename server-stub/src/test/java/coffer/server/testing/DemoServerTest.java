package coffer.server.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A base for functional tests: one demo server ({@link TestServer#start}) for all the tests of a class,
 * and after each test the ledger's invariants must still hold.
 */
public abstract class DemoServerTest {
    @TempDir
    protected static Path data;
    protected static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    protected void ledgerStaysConsistent() throws Exception {
        assertThat(server.verify().violations()).isEmpty();
    }
}
