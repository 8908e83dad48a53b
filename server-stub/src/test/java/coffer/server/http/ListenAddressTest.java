package coffer.server.http;

import coffer.server.CofferServer;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Unless told otherwise the server listens on this machine only: the CLI's default, the app's and the library's. */
class ListenAddressTest {
    @TempDir
    Path data;

    @Test
    void aServerWithDefaultOptionsIsBoundToLoopbackOnly() {
        // the desktop app starts its bundled server with these options, the library with the four-argument form
        CofferServer.Options app = new CofferServer.Options(0, DatabaseConfig.sqlite(data), true);
        CofferServer.Options library = new CofferServer.Options(0, DatabaseConfig.sqlite(data), false, "env-1");
        assertThat(library.host()).isEqualTo(app.host()).isEqualTo(CofferServer.Options.LOOPBACK);
        try (CofferServer server = CofferServer.start(app)) {
            InetSocketAddress bound = server.address();
            assertThat(bound.getAddress().isLoopbackAddress()).as("bound to %s", bound).isTrue();
            assertThat(bound.getPort()).isEqualTo(server.port());
            assertThat(server.baseUrl()).isEqualTo("http://localhost:" + server.port());
            assertThat(Http.get(server.baseUrl() + "/health").statusCode()).isEqualTo(200);
        }
    }
}
