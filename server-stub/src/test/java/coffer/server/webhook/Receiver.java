package coffer.server.webhook;

import coffer.server.json.Json;
import com.google.gson.JsonObject;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A partner's webhook endpoint on a local port: records every request and answers each event's
 * attempts from a script (an HTTP status, {@link #NO_ANSWER} to leave the request hanging until the
 * sender times out, or {@link #CUT_OFF} to drop the connection), then 200 for every later attempt.
 */
final class Receiver implements AutoCloseable {
    /** Where every receiver listens: this machine's loopback. */
    static final String HOST = "127.0.0.1";
    static final int NO_ANSWER = -1;
    static final int CUT_OFF = -2;

    /** One request as received: the headers that matter and the exact body. */
    record Received(String eventId, String signature, byte[] body, int answeredWith) {
        JsonObject json() {
            return Json.gson().fromJson(new String(body, StandardCharsets.UTF_8), JsonObject.class);
        }

        String type() {
            return json().get("type").getAsString();
        }

        JsonObject data() {
            return json().getAsJsonObject("data");
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();

    Receiver() {
        this(0);
    }

    /** A receiver on {@code port} (0: any free port), to come back on the same URL after a stop. */
    Receiver(int port) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String eventId = request.getHeader(WebhookDispatcher.EVENT_ID_HEADER);
                byte[] body = request.getBody().readByteArray();
                String type = Json.gson().fromJson(new String(body, StandardCharsets.UTF_8), JsonObject.class).get("type").getAsString();
                int n = seen.merge(eventId, 1, Integer::sum);
                List<Integer> script = scripts.getOrDefault(type, List.of());
                int answer = n <= script.size() ? script.get(n - 1) : 200;
                received.add(new Received(eventId, request.getHeader("Coffer-Signature"), body, answer));
                return switch (answer) {
                    case NO_ANSWER -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
                    case CUT_OFF -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
                    default -> new MockResponse().setResponseCode(answer).setBody("{}");
                };
            }
        });
        try {
            server.start(InetAddress.getByName(HOST), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    String url() {
        return server.url("/coffer-webhooks").toString();
    }

    /** The first attempts of every event of {@code type} get these answers, in order. */
    void script(String type, Integer... answers) {
        scripts.put(type, List.of(answers));
    }

    /** Every later event is answered 200 at once. */
    void clearScripts() {
        scripts.clear();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (up to 20 s) until a request matching {@code which} was answered 2xx, and returns it. */
    Received awaitAcknowledged(Predicate<Received> which) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (Received r : received) {
                if (r.answeredWith() >= 200 && r.answeredWith() < 300 && which.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no acknowledged webhook matched within 20 s; received " + received.size());
    }

    static Predicate<Received> about(String type, String transactionId) {
        return r -> r.type().equals(type) && r.data().get("transaction_id").getAsString().equals(transactionId);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
