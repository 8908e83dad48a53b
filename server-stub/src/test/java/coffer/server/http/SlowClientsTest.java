package coffer.server.http;

import coffer.server.http.Dribblers.Ending;
import coffer.server.http.Dribblers.Kind;
import coffer.server.tenant.DemoData;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their requests very slowly (a body, or the headers, a byte at a time) must neither
 * keep the server from answering everyone else nor stay connected for long; a client on a merely slow
 * link still gets through.
 */
class SlowClientsTest {
    @RegisterExtension
    static final ServerExtension server = new ServerExtension();

    /** Slow bodies of each kind kept open during the attack: 300 in all, more than the server had threads. */
    private static final int BODIES_PER_KIND = 75;
    /** Slow request headers kept open beside them. */
    private static final int SLOW_HEADERS = 50;
    private static final Duration ATTACK = Duration.ofSeconds(15);
    /**
     * How long a probe may take while the attack runs: generous, since a sign-in hashes a password on a
     * busy machine; a starved server does not answer at all while the attack lasts.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);
    /** How long a slow connection may stay: generous against the server's own deadlines. */
    private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(15);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();

    @Test
    void dribblingClientsDoNotStarveOthersAndAreCutOff() throws Exception {
        String token = server.get().login("bob@example.com").accessToken();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean attacking = new AtomicBoolean(true);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (Dribblers dribblers = new Dribblers(server.get().server().port(), token)) {
            for (Kind kind : Kind.values()) {
                for (int i = 0; i < (kind == Kind.HEADERS ? SLOW_HEADERS : BODIES_PER_KIND); i++) {
                    dribblers.open(kind);
                }
            }
            // every connection the server lets go is replaced while the attack lasts, as an attacker would
            ticker.scheduleWithFixedDelay(() -> {
                for (Kind kind : dribblers.tick()) {
                    if (attacking.get()) {
                        try {
                            dribblers.open(kind);
                        } catch (IOException e) {
                            failures.add("could not open a slow connection: " + e);
                        }
                    }
                }
            }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);

            long end = System.nanoTime() + ATTACK.toNanos();
            int probes = 0;
            while (System.nanoTime() < end) {
                probe("GET /health", HttpRequest.newBuilder(uri("/health")).GET(), failures);
                probe("POST /api/v1/auth/login", HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(login())), failures);
                probes++;
                Thread.sleep(250);
            }
            attacking.set(false);
            // the connections opened last get the same deadline as the first ones
            long giveUp = System.nanoTime() + CUT_OFF_WITHIN.toNanos() + TICK.toNanos() * 2;
            while (System.nanoTime() < giveUp && stillOpen(ticker, dribblers) > 0) {
                Thread.sleep(TICK.toMillis());
            }
            ticker.shutdown();
            assertThat(ticker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(failures).as("answers to others while %d slow connections were open", BODIES_PER_KIND * 4 + SLOW_HEADERS)
                    .isEmpty();
            assertThat(probes).isGreaterThan(1);
            assertThat(dribblers.stillOpen()).as("slow connections still open (oldest %s)", dribblers.oldestOpen())
                    .isZero();
            List<Ending> endings = dribblers.endings();
            assertThat(endings).hasSizeGreaterThanOrEqualTo(BODIES_PER_KIND * 4 + SLOW_HEADERS);
            assertThat(endings).allSatisfy(e -> {
                assertThat(e.lived()).as("%s lived", e.kind()).isLessThanOrEqualTo(CUT_OFF_WITHIN);
                // a slow body is told why; slow headers are simply closed
                if (e.kind() == Kind.HEADERS) {
                    assertThat(e.statusLine()).as("slow headers").isEmpty();
                } else {
                    assertThat(e.statusLine()).as("%s", e.kind()).startsWith("HTTP/1.1 408 ");
                    assertThat(e.answer()).contains("\"code\":\"REQUEST_TIMEOUT\"");
                }
            });
        } finally {
            ticker.shutdownNow();
        }
    }

    /** A body that takes about two seconds to arrive (a slow-ish link) is read and answered as usual. */
    @Test
    void aBodyOnASlowishLinkStillArrives() {
        byte[] body = (login() + " ".repeat(200 * 1024)).getBytes(StandardCharsets.UTF_8);
        // without a length (chunked), then with one
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> slowly(body));
        HttpRequest.BodyPublisher sized = HttpRequest.BodyPublishers.fromPublisher(chunked, body.length);
        for (HttpRequest.BodyPublisher publisher : List.of(chunked, sized)) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(publisher).timeout(Duration.ofSeconds(30)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Caller.json(r).get("access_token").getAsString()).isNotBlank();
        }
    }

    /** Hands out {@code body} in 20 pieces, 100 ms apart. */
    private static InputStream slowly(byte[] body) {
        int piece = body.length / 20 + 1;
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    private static int stillOpen(ScheduledExecutorService ticker, Dribblers dribblers) throws Exception {
        return ticker.submit(dribblers::stillOpen).get();
    }

    private void probe(String what, HttpRequest.Builder request, List<String> failures) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request.timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                failures.add(what + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            failures.add(what + " failed after " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(what + " interrupted");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String login() {
        return "{\"email\":\"alice@example.com\",\"password\":\"" + DemoData.PASSWORD + "\"}";
    }

    private static URI uri(String path) {
        return URI.create(server.get().url(path));
    }
}
