package coffer.server.provider;

import coffer.core.signature.WebhookSigner;
import coffer.server.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Delivers the outbox: each due event POSTed to Coffer's {@code /webhooks/provider}, signed with the
 * provider's webhook secret at the moment of sending ({@code Coffer-Signature}); a 2xx marks it
 * delivered, anything else waits {@code retryBase * 2^attempts} (at most {@code retryMax}) and is sent
 * again, across restarts, until Coffer acknowledges it. Runs on the simulator's one thread.
 */
final class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String PATH = "/webhooks/provider";
    private static final int BATCH = 50;

    private record Due(String id, String type, String body, int attempts) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final ProviderSettings settings;
    private final WebhookSigner signer;
    private final Supplier<String> cofferBaseUrl;
    private final Supplier<HttpClient> client;

    WebhookSender(Jdbc jdbc, Clock clock, ProviderSettings settings, String webhookSecret, Supplier<String> cofferBaseUrl,
                  Supplier<HttpClient> client) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.signer = new WebhookSigner(List.of(webhookSecret));
        this.cofferBaseUrl = cofferBaseUrl;
        this.client = client;
    }

    /** Sends every event that is due now; answers how many were acknowledged. */
    int deliverDue() {
        int delivered = 0;
        List<Due> due = jdbc.query("SELECT id, type, body, attempts FROM provider_webhook_outbox "
                        + "WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + BATCH,
                rs -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), clock.millis());
        for (Due event : due) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            String failure = send(event);
            if (failure == null) {
                jdbc.update("UPDATE provider_webhook_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ?", clock.millis(), event.id());
                delivered++;
            } else {
                long wait = backoff(event.attempts()).toMillis();
                log.info("Provider webhook {} ({}) not acknowledged ({}); attempt {} again in {} ms", event.id(),
                        event.type(), failure, event.attempts() + 2, wait);
                jdbc.update("UPDATE provider_webhook_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                        + "WHERE id = ?", clock.millis() + wait, failure, event.id());
            }
        }
        return delivered;
    }

    /** The wait after {@code attempts} earlier failed attempts plus this one. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryBase();
        for (int i = 0; i < attempts && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    /** Null when Coffer acknowledged the event, else what went wrong. */
    private String send(Due event) {
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(cofferBaseUrl.get() + PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signer.sign(body, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = client.get().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
