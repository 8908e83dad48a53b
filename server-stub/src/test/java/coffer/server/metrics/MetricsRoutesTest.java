package coffer.server.metrics;

import coffer.server.testing.Http;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsRoutesTest {
    @RegisterExtension
    static final ServerExtension server = new ServerExtension();

    private static String scrape() {
        HttpResponse<String> r = Http.get(server.get().url("/metrics"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return r.body();
    }

    @Test
    void requestsAreCountedByRouteTemplateNeverByRawId() {
        Caller alice = server.get().login("alice@example.com");
        String wallet = alice.firstWalletId();
        assertThat(alice.get("/api/v1/accounts/" + wallet).statusCode()).isEqualTo(200);
        assertThat(alice.get("/api/v1/accounts/wal_nobody").statusCode()).isEqualTo(404);

        String text = scrape();

        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/accounts/{id}\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/api/v1/accounts/{id}\"}")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/accounts/{id}\",le=\"0.1\"}")
                .doesNotContain(wallet)
                .doesNotContain("wal_nobody");
    }

    @Test
    void unknownPathsAndRefusedRequestsStayTemplated() {
        Http.get(server.get().url("/no/such/path/12345"));
        Http.get(server.get().url("/api/v1/accounts/wal_secret_id"));

        String text = scrape();

        assertThat(text).contains("uri=\"NOT_FOUND\"")
                .contains("status=\"401\",uri=\"/api/v1/accounts/{id}\"")
                .doesNotContain("12345").doesNotContain("wal_secret_id");
    }

    @Test
    void everyRequestOfASeriesIsCountedInIt() {
        String series = "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/health\"} ";
        double before = count(scrape(), series);
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(server.get().url("/health")).statusCode()).isEqualTo(200);
        }
        assertThat(count(scrape(), series)).isEqualTo(before + 3);
    }

    /** The value of the line that starts with {@code series}, 0 when there is none yet. */
    private static double count(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series)).mapToDouble(l -> Double.parseDouble(l.substring(series.length())))
                .findFirst().orElse(0);
    }

    @Test
    void jvmAndLedgerMetricsAreExposed() {
        assertThat(scrape()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
                "coffer_ledger_writer_queue_depth", "coffer_ledger_writer_batch_size");
    }
}
