package coffer.app.history;

import coffer.app.MockApi;
import coffer.app.api.ApiClient;
import coffer.app.concurrent.BackgroundExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static coffer.app.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export when the server fails: a readable message and no partial file. */
class CsvExportViewModelTest {
    private static final String CSV_START = "id,created_at,completed_at,kind,status,direction,amount\r\n" + "x".repeat(200_000);

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    private CsvExportViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        server.start();
        server.enqueue(json(200, MockApi.TOKENS));
        ApiClient api = ApiClient.create(server.url("/").toString());
        api.login("alice@example.com", "demo-password");
        server.takeRequest(1, TimeUnit.SECONDS);
        viewModel = new CsvExportViewModel(api, BackgroundExecutor.sameThread(),
                () -> Map.of("wallet_id", "wal_1", "kind", "p2p"));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void theFiltersTravelAndTheFileHoldsExactlyWhatTheServerSent() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/csv").setBody("id,kind\r\ntxn_1,p2p\r\n"));
        Path file = dir.resolve("export.csv");

        viewModel.export(file);

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/api/v1/transactions/export.csv");
        assertThat(request.getRequestUrl().queryParameter("wallet_id")).isEqualTo("wal_1");
        assertThat(request.getRequestUrl().queryParameter("kind")).isEqualTo("p2p");
        assertThat(Files.readString(file)).isEqualTo("id,kind\r\ntxn_1,p2p\r\n");
        assertThat(viewModel.message.get()).isEqualTo("Exported to " + file.toAbsolutePath() + " (20 bytes).");
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void aDownloadCutShortLeavesNoPartialFileAndKeepsAnOlderOne() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/csv").setBody(CSV_START)
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "last month's export");

        viewModel.export(file);

        assertThat(viewModel.error.get())
                .isEqualTo("The export failed and no file was written: The Coffer server cannot be reached. "
                        + "Check the connection and try again.");
        assertThat(Files.readString(file)).isEqualTo("last month's export");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(viewModel.busy.get()).isFalse();
    }

    @Test
    void aRefusalIsShownInWords() throws Exception {
        server.enqueue(json(400, "{\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"Unknown transaction kind 'x'\"}}"));
        Path file = dir.resolve("export.csv");

        viewModel.export(file);

        assertThat(viewModel.error.get())
                .isEqualTo("The export failed and no file was written: The request is not valid. (Unknown transaction kind 'x')");
        assertThat(file).doesNotExist();
        assertThat(viewModel.message.get()).isEmpty();
    }
}
