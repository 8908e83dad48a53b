package coffer.server.http;

import coffer.server.testing.Http;
import coffer.server.testing.RecordingLogger;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client chooses (its method, its path) cannot grow the server's metrics or forge its access
 * log: a made-up method is {@code OTHER}, an unmatched path is one {@code NOT_FOUND} series, and every
 * request is one short, printable log line.
 */
class OutsiderInputBoundsTest {
    private static final RecordingLogger LOG = new RecordingLogger("access");
    private static final int FLOOD = 2_000;
    private static final Pattern SERIES = Pattern.compile("(?m)^http_server_requests_seconds_count\\{");
    /** One access-log line: a known method or OTHER, a printable path or template, a status, a duration. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "INFO (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT|OTHER) [\\x21-\\x7e]{1,140} \\d{3} \\d+\\.\\dms");

    @RegisterExtension
    static final ServerExtension server = new ServerExtension(TestServer.settings().withRequestLog(LOG));

    @Test
    void madeUpMethodsAndUnmatchedPathsLeaveTheMetricsSmall() {
        String before = Http.get(server.get().url("/metrics")).body();
        for (int i = 0; i < FLOOD; i++) {
            Http.send(HttpRequest.newBuilder(URI.create(server.get().url("/api/v1/accounts")))
                    .method("FOO" + i, HttpRequest.BodyPublishers.noBody()));
            Http.get(server.get().url("/nothing/here/" + i));
        }
        String after = Http.get(server.get().url("/metrics")).body();

        assertThat(after).doesNotContain("FOO").doesNotContain("/nothing/");
        assertThat(after).contains("method=\"OTHER\"", "uri=\"NOT_FOUND\"");
        long seriesBefore = SERIES.matcher(before).results().count();
        long seriesAfter = SERIES.matcher(after).results().count();
        // OTHER and GET to no route, and /metrics itself: a handful of series, not thousands
        assertThat(seriesAfter - seriesBefore).as("new request series").isLessThanOrEqualTo(4);
        assertThat(after.length() - before.length()).as("growth of /metrics in characters").isLessThan(20_000);
    }

    @Test
    void oddMethodsAndPathsEachLogOneShortPrintableLine() {
        RawHttp client = RawHttp.to(server.get().server().port(), "127.0.40.1");
        List<String[]> requests = List.of(
                new String[]{"FOO", "/api/v1/accounts"},
                new String[]{"X".repeat(4_000), "/api/v1/accounts"},
                new String[]{"PROPFIND", "/"},
                new String[]{"GET", "/x%0D%0AINFO%20POST%20/api/v1/payments%20201%201.0ms"},
                new String[]{"GET", "/x%0AINFO%20forged"},
                new String[]{"GET", "/caf\u00e9/\u2028/ligne"},
                new String[]{"GET", "/" + "a".repeat(3_000)},
                new String[]{"GET", "/card/4242424242424242"});
        for (String[] request : requests) {
            LOG.clear();
            RawHttp.Answer answer = client.send(request[0], request[1], null);
            List<String> lines = LOG.lines();
            String what = (request[0].length() > 20 ? request[0].substring(0, 20) + "..." : request[0]) + " "
                    + (request[1].length() > 40 ? request[1].substring(0, 40) + "..." : request[1]) + " -> " + answer.status();
            // Jetty refuses some targets before routing (400, no line); everything routed logs exactly one line
            assertThat(lines).as(what).hasSize(answer.status() == 400 ? lines.size() : 1).hasSizeLessThanOrEqualTo(1);
            assertThat(lines).as(what).allSatisfy(l -> assertThat(l).matches(LOG_LINE).doesNotContain("4242424242"));
            if (!request[0].equals("GET")) {
                assertThat(lines).as(what).singleElement().asString().startsWith("INFO OTHER ");
            }
        }
        // a raw line break in the request line never reaches the log: the request is refused before routing
        LOG.clear();
        RawHttp.Answer forged = client.send("GET", "/x\r\nINFO POST /api/v1/payments 201 1.0ms\r\nX:", null);
        assertThat(forged.status()).as("refused by Jetty").isIn(400, 505);
        assertThat(LOG.lines()).noneMatch(l -> l.contains("/api/v1/payments"));
    }
}
