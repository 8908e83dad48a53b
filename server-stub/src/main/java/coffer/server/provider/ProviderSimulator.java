package coffer.server.provider;

import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.db.ServerKeys;
import coffer.server.http.HttpApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bundled payment-provider simulator: its routes under {@code /provider/...} (server-to-server API,
 * hosted checkout and payout pages, test helper), its own tables, and one background thread that
 * expires sessions and payout links, finishes pending payouts, and delivers signed webhooks to Coffer
 * with retries. It shares nothing with Coffer but the HTTP server it is mounted on and the database
 * file; Coffer reaches it over HTTP with the API key, and it reaches Coffer's webhook the same way.
 */
public final class ProviderSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProviderSimulator.class);

    /**
     * The provider's API key (Coffer's credential for {@code /provider/v1}) and webhook secret (signs
     * the webhooks it sends), created once in {@code server_keys} and shared by every process.
     */
    public record Credentials(String apiKey, String webhookSecret) {
        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }

    private final Checkouts checkouts;
    private final BankPayouts payouts;
    private final WebhookSender sender;
    private final ProviderSettings settings;
    private final List<HttpApi.Routes> routes;
    private final ScheduledExecutorService worker;

    /**
     * @param baseUrl the server's own base URL (known once it listens): the simulator's pages are there,
     *                and so is Coffer's webhook
     * @param client  reaches that URL (over TLS it trusts the server's own certificate)
     */
    public ProviderSimulator(Database database, Credentials credentials, ProviderSettings settings, Clock clock,
                             Supplier<String> baseUrl, Supplier<HttpClient> client) {
        Jdbc jdbc = new Jdbc(database);
        this.settings = settings;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coffer-provider");
            t.setDaemon(true);
            return t;
        });
        WebhookOutbox outbox = new WebhookOutbox(clock, this::wake);
        this.checkouts = new Checkouts(jdbc, clock, outbox);
        this.payouts = new BankPayouts(jdbc, clock, outbox, settings);
        this.sender = new WebhookSender(jdbc, clock, settings, credentials.webhookSecret(), baseUrl, client);
        this.routes = List.of(new ProviderApi(checkouts, payouts, settings, clock, credentials.apiKey(), baseUrl),
                new CheckoutPage(checkouts, clock), new PayoutPage(payouts));
    }

    /** The provider's credentials, created by the first process that asks. */
    public static Credentials credentials(Database database, Clock clock) {
        Jdbc jdbc = new Jdbc(database);
        return new Credentials(ServerKeys.get(jdbc, "provider.api_key", "sk_test_" + ServerKeys.random(24), clock.millis()),
                ServerKeys.get(jdbc, "provider.webhook_secret", "whsec_" + ServerKeys.random(32), clock.millis()));
    }

    /** The simulator's route groups, for {@code HttpApi.create}. */
    public List<HttpApi.Routes> routes() {
        return routes;
    }

    /** Starts the background work (call once the server listens: webhooks go to it). */
    public void start() {
        long tick = settings.tick().toMillis();
        worker.scheduleWithFixedDelay(this::round, 0, tick, TimeUnit.MILLISECONDS);
    }

    /** Stops the background work; undelivered webhooks and pending payouts resume at the next start. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The provider simulator did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wake() {
        try {
            worker.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            // stopping: the outbox keeps the event for the next start
        }
    }

    private void round() {
        try {
            checkouts.expireDue();
            payouts.finishDue();
        } catch (RuntimeException e) {
            log.warn("The provider simulator could not look for due work", e);
        }
        deliver();
    }

    private void deliver() {
        try {
            sender.deliverDue();
        } catch (RuntimeException e) {
            log.warn("The provider simulator could not deliver webhooks", e);
        }
    }
}
