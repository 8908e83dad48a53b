package coffer.server.webhook;

import coffer.core.signature.WebhookSigner;
import coffer.server.http.Lazy;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How every webhook leaves the server, a delivery of the dispatcher or a test event of the {@code trigger}
 * command alike: one signed POST of an event's exact bytes. The URL is checked by {@link WebhookTargets}
 * first, and the client resolves host names through {@link WebhookTargets#publicOnly()}, so the address it
 * connects to is one that check let through, not one a second lookup returned (OkHttp rather than the
 * JDK's client for this: the JDK's has no hook between resolving and connecting). No proxy, no redirects,
 * no retries inside an attempt.
 */
final class WebhookClient {
    private static final MediaType JSON = MediaType.get("application/json");
    /** The longest error text an outcome keeps (the delivery log shows it). */
    private static final int MAX_ERROR = 200;

    private final WebhookTargets targets;
    private final Duration timeout;
    /** Built at the first post: building it loads the TLS stack and the JDK's trusted certificates. */
    private final Lazy<OkHttpClient> http;

    /** @param timeout how long one attempt may take, connecting included */
    WebhookClient(WebhookTargets targets, Duration timeout) {
        this.targets = targets;
        this.timeout = timeout;
        this.http = Lazy.of(() -> new OkHttpClient.Builder()
                .dns(targets.publicOnly())
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(timeout)
                .callTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build());
    }

    /**
     * What one attempt came to: acknowledged (a 2xx), or why not.
     *
     * @param status     the receiver's HTTP status, or null when none came
     * @param error      why the attempt does not count as delivered, in words for the partner, or null
     * @param refused    the environment's URL may not receive webhooks: trying again changes nothing
     * @param unanswered the request went out, or was going out, and no answer came
     */
    record Outcome(Integer status, String error, boolean refused, boolean unanswered) {
        boolean acknowledged() {
            return error == null;
        }
    }

    /**
     * Sends {@code body}, the event {@code eventId}, to an environment's {@code url} (null when it has none),
     * signed with its active {@code secrets}, as {@link #post} does, and says what came of it.
     */
    Outcome send(String url, List<String> secrets, String eventId, byte[] body, Instant now) {
        if (url == null) {
            return new Outcome(null, "The environment has no webhook URL", false, false);
        }
        if (secrets.isEmpty()) {
            return new Outcome(null, "The environment has no active secret to sign with", false, false);
        }
        try {
            int status = post(url, secrets, eventId, body, now);
            return new Outcome(status, status < 200 || status > 299 ? "The receiver answered HTTP " + status : null, false, false);
        } catch (WebhookTargets.Refused | WebhookTargets.NonPublicHost e) {
            // the check's own words, whole: they say what to change
            return new Outcome(null, e.getMessage(), true, false);
        } catch (IOException e) {
            String error = e instanceof InterruptedIOException ? "No answer within " + timeout.toMillis() + " ms"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(null, error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR), false, true);
        }
    }

    /**
     * POSTs {@code body}, the event {@code eventId}, to {@code url}, signed at {@code now} with every one of
     * {@code secrets} ({@code Coffer-Signature}, one {@code v1} each), and answers the receiver's HTTP status.
     *
     * @throws WebhookTargets.Refused       the URL may not receive webhooks (nothing was sent)
     * @throws WebhookTargets.NonPublicHost its host resolves to nothing public now (no connection was made)
     * @throws IOException                  no answer came (refused or dropped connection, time out)
     */
    int post(String url, List<String> secrets, String eventId, byte[] body, Instant now) throws WebhookTargets.Refused, IOException {
        HttpUrl target = targets.deliverable(url);
        Request request = new Request.Builder().url(target)
                .header("User-Agent", "Coffer-Webhooks/1")
                .header(WebhookSigner.HEADER, new WebhookSigner(secrets).sign(body, now))
                .header(WebhookDispatcher.EVENT_ID_HEADER, eventId)
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = http.get().newCall(request).execute()) {
            return response.code();
        }
    }

    /** Cuts short the attempts in flight (they end in an {@link IOException}). */
    void cancelAll() {
        http.ifMade(h -> h.dispatcher().cancelAll());
    }

    /** Lets go of the client's connections and threads. */
    void close() {
        http.ifMade(h -> {
            h.connectionPool().evictAll();
            h.dispatcher().executorService().shutdown();
        });
    }
}
