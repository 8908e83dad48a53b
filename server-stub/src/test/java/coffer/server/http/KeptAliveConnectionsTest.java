package coffer.server.http;

import coffer.core.signature.PartnerRequestSigner;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request the server answers without using its body (a refusal from the door, the router, the JSON
 * reader, the rate limiter, the size limit, Jetty's parser, or a route that ignores bodies) must not leave
 * that body on a kept-alive connection to be read as the next request: request smuggling, on a payments
 * server. Each request here carries, as its body, a whole request of its own ({@code GET /api/v1/smuggled});
 * on the same connection a client then asks for {@code /health}. Either the server says
 * {@code Connection: close} and ends the connection with nothing more, or the next answer is /health's, and
 * no answer ever mentions the smuggled request. Bodies go with a length and chunked, at once and after a
 * pause long enough for an early answer to go out first.
 */
class KeptAliveConnectionsTest {
    private static final int SIGN_IN_BURST = 2;

    @RegisterExtension
    static final ServerExtension running = new ServerExtension(TestServer.settings().withRateLimits(
            RateLimits.off().withSignIn(new RateLimits.Limit(SIGN_IN_BURST, Duration.ofHours(1)))));

    /** A complete request of its own, sent as another request's body. */
    private static final String SMUGGLED = "GET /api/v1/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";
    /** Long enough for an answer the server gives from the head alone to be on its way before the body. */
    private static final Duration PAUSE = Duration.ofMillis(150);

    private static String bearer;
    private static String otherBearer;

    /** How the body is framed. */
    enum Framing { LENGTH, CHUNKED }

    /** When the body goes: with the head, or after a pause. */
    enum Timing { AT_ONCE, AFTER_A_PAUSE }

    /** A request answered without its body being of any use, and the statuses it may get. */
    enum Early {
        NO_TOKEN("POST /api/v1/transfers", JSON, Set.of(401)),
        UNKNOWN_TOKEN("POST /api/v1/transfers", JSON + "Authorization: Bearer not-a-token\r\n", Set.of(401)),
        EXPECTING_CONTINUE("POST /api/v1/transfers", JSON + "Expect: 100-continue\r\n", Set.of(401)),
        NO_SUCH_ROUTE("POST /api/v1/no-such-route", JSON + "{bearer}", Set.of(404)),
        METHOD_NOT_SERVED("PUT /api/v1/auth/logout", JSON + "{bearer}", Set.of(404, 405)),
        NOT_JSON("POST /api/v1/transfers", "Content-Type: text/plain\r\n{bearer}", Set.of(400, 415)),
        BAD_SIGNATURE("POST /api/v1/auth/partner-token", JSON + PartnerRequestSigner.HEADER + ": t=1,v1=00\r\n", Set.of(400, 401)),
        LOGOUT("POST /api/v1/auth/logout", JSON + "{other}", Set.of(204, 401)),
        GET_IGNORING_ITS_BODY("GET /health", "", Set.of(200)),
        RATE_LIMITED("POST /api/v1/auth/refresh", JSON, Set.of(429)),
        TOO_LARGE("POST /api/v1/transfers", JSON + "{bearer}", Set.of(413)),
        TARGET_TOO_LONG("POST /api/v1/transfers?x=" + "y".repeat(20_000), JSON + "{bearer}", Set.of(414)),
        BAD_UTF8_IN_TARGET("POST /api/v1/accounts/%FF/lock", JSON + "{bearer}", Set.of(400)),
        NOT_HTTP_1_1("POST /api/v1/auth/logout", JSON + "{bearer}", Set.of(400, 505));

        final String requestLine;
        final String headers;
        final Set<Integer> statuses;

        Early(String requestLine, String headers, Set<Integer> statuses) {
            this.requestLine = requestLine;
            this.headers = headers;
            this.statuses = statuses;
        }

        String version() {
            return this == NOT_HTTP_1_1 ? "HTTP/1.5" : "HTTP/1.1";
        }

        /** The body: the smuggled request, padded past the size limit for {@link #TOO_LARGE}. */
        String body() {
            return this == TOO_LARGE ? SMUGGLED + "x".repeat((int) HttpApi.MAX_REQUEST_BYTES) : SMUGGLED;
        }
    }

    @BeforeAll
    static void signInAndUseUpTheSignInBurst() {
        bearer = "Authorization: Bearer " + running.get().login("alice@example.com").accessToken() + "\r\n";
        otherBearer = "Authorization: Bearer " + running.get().login("bob@example.com").accessToken() + "\r\n";
        for (int i = 0; i <= SIGN_IN_BURST; i++) {
            try (RawConnection c = RawConnection.open(port())) {
                c.send("POST /api/v1/auth/refresh HTTP/1.1\r\nHost: 127.0.0.1\r\n" + JSON + "Content-Length: 2\r\n\r\n{}");
                c.next();
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Early early : Early.values()) {
            for (Framing framing : Framing.values()) {
                for (Timing timing : Timing.values()) {
                    all.add(Arguments.of(early, framing, timing));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, body by {1}, {2}")
    @MethodSource("cases")
    void aBodyTheServerDidNotUseIsNeverReadAsTheNextRequest(Early early, Framing framing, Timing timing) throws Exception {
        try (RawConnection connection = RawConnection.open(port())) {
            String head = early.requestLine + " " + early.version() + "\r\nHost: 127.0.0.1\r\n"
                    + early.headers.replace("{bearer}", bearer).replace("{other}", otherBearer);
            String body = early.body();
            String framed = framing == Framing.LENGTH ? body : Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
            head += (framing == Framing.LENGTH ? "Content-Length: " + body.length() : "Transfer-Encoding: chunked") + "\r\n\r\n";
            if (timing == Timing.AT_ONCE) {
                connection.send(head + framed);
            } else {
                connection.send(head);
                Thread.sleep(PAUSE.toMillis());
                // the server may have answered and closed already; then the body is simply not taken
                connection.send(framed);
            }

            RawConnection.Answer first = connection.next();
            assertThat(first).as("the answer to the request itself").isNotNull();
            assertThat(first.status()).as(first.toString()).isIn(early.statuses);
            assertThat(first.body()).doesNotContain("smuggled");
            assertNextRequestGetsItsOwnAnswer(connection, first);
        }
    }

    /**
     * Framings a front end and the server could read differently (the classic ways to smuggle a request):
     * refused and closed, or read to the end of the body they declare.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguousFramings")
    void anAmbiguouslyFramedBodyIsRefusedOrReadToItsEnd(String name, String headers, String body) {
        try (RawConnection connection = RawConnection.open(port())) {
            connection.send(headers.replace("{bearer}", bearer) + "\r\n" + body);
            RawConnection.Answer first = connection.next();
            assertThat(first).as(name).isNotNull();
            assertThat(first.body()).doesNotContain("smuggled");
            assertNextRequestGetsItsOwnAnswer(connection, first);
        }
    }

    static Stream<Arguments> ambiguousFramings() {
        String line = "POST /api/v1/transfers HTTP/1.1\r\nHost: 127.0.0.1\r\n" + JSON + "{bearer}";
        String chunked = Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n";
        int length = SMUGGLED.length();
        return Stream.of(
                Arguments.of("a length and chunked", line + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", chunked),
                Arguments.of("chunked and a length", line + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", chunked),
                Arguments.of("two lengths", line + "Content-Length: 0\r\nContent-Length: " + length + "\r\n", SMUGGLED),
                Arguments.of("a length written twice", line + "Content-Length: " + length + ", " + length + "\r\n", SMUGGLED),
                Arguments.of("a length with a sign", line + "Content-Length: +" + length + "\r\n", SMUGGLED),
                Arguments.of("chunked not last", line + "Transfer-Encoding: chunked, identity\r\n", chunked),
                Arguments.of("chunked misspelt", line + "Transfer-Encoding: xchunked\r\n", chunked),
                Arguments.of("chunked in capitals", line + "Transfer-Encoding: CHUNKED\r\n", chunked),
                Arguments.of("chunked in a second header", line + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked),
                Arguments.of("chunked folded onto a second line", line + "Transfer-Encoding: gzip\r\n chunked\r\n", chunked),
                Arguments.of("a space before the colon", line + "Transfer-Encoding : chunked\r\n", chunked),
                Arguments.of("a chunk extension", line + "Transfer-Encoding: chunked\r\n",
                        Integer.toHexString(length) + ";x=y\r\n" + SMUGGLED + "\r\n0\r\n\r\n"),
                Arguments.of("a trailer", line + "Transfer-Encoding: chunked\r\n",
                        Integer.toHexString(length) + "\r\n" + SMUGGLED + "\r\n0\r\nX-Trailer: y\r\n\r\n"),
                Arguments.of("HTTP/1.0 kept alive", line.replace("HTTP/1.1", "HTTP/1.0") + "Connection: keep-alive\r\nContent-Length: "
                        + length + "\r\n", SMUGGLED));
    }

    /** The check itself sees a second request on the connection: one sent as such is answered in its turn. */
    @Test
    void aRequestSentBehindAnotherIsAnsweredInItsTurn() {
        try (RawConnection connection = RawConnection.open(port())) {
            connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + SMUGGLED);
            assertThat(connection.next().status()).isEqualTo(200);
            RawConnection.Answer second = connection.next();
            assertThat(second.status()).isEqualTo(404);
            assertThat(second.body()).contains("smuggled");
        }
    }

    private static void assertNextRequestGetsItsOwnAnswer(RawConnection connection, RawConnection.Answer first) {
        if (first.closes()) {
            // the server said the connection ends here: it must end, with nothing more said
            assertThat(connection.untilClosed(Duration.ofSeconds(5))).as("after " + first).isEmpty();
            return;
        }
        assertThat(connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
                .as("a kept-alive connection takes the next request, after " + first).isTrue();
        RawConnection.Answer next = connection.next();
        assertThat(next).as("the answer to the next request, after " + first).isNotNull();
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.body()).contains("\"status\"").doesNotContain("smuggled");
    }

    private static int port() {
        return running.get().server().port();
    }
}
