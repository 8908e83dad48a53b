package coffer.server;

import coffer.server.db.Database;
import coffer.server.http.RateLimiting;
import coffer.server.ledger.LedgerService;
import coffer.server.metrics.Metrics;
import coffer.server.payment.PaymentProcessor;
import coffer.server.provider.ProviderSimulator;
import coffer.server.settlement.SettlementSchedules;
import coffer.server.sync.EventRoutes;
import coffer.server.webhook.WebhookDispatcher;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a {@link CofferServer} runs and must stop, filled in as {@link CofferServer#start} starts each part,
 * so that a start that fails half way and a server that closes stop the same parts in the same order.
 * A part not started yet is null.
 */
final class ServerParts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerParts.class);

    final Database database;
    LedgerService ledger;
    /** Runs the KYC verifier's decisions and the purge of spent partner signatures. */
    ScheduledExecutorService background;
    Metrics metrics;
    /** Settles accepted payments in the background; its one thread is {@link #paymentWorker}. */
    PaymentProcessor payments;
    ExecutorService paymentWorker;
    /** Set once it listens. */
    Javalin http;
    EventRoutes events;
    /** The bundled payment-provider simulator, when it runs. */
    ProviderSimulator simulator;
    /** Sends partner webhooks for committed movements, on its own thread. */
    WebhookDispatcher webhooks;
    /** Runs settlement schedules (db-scheduler). */
    SettlementSchedules schedules;
    /** The rate limits' buckets (in the database on PostgreSQL, so every process counts together). */
    RateLimiting rateLimiting;

    ServerParts(Database database) {
        this.database = database;
    }

    /**
     * Stops running settlement schedules (a run due meanwhile is picked up after the next start, by this
     * process or another on the same database), ends open event streams, stops taking requests, stops
     * settling payments (unfinished ones resume at the next start) and other background work (a KYC
     * decision not yet due is made after the next start; partner webhooks not yet delivered are sent
     * after it), then finishes the ledger's queued work and closes the database.
     */
    @Override
    public void close() {
        stop(schedules, SettlementSchedules::close);
        stop(events, EventRoutes::close);
        stop(http, Javalin::stop);
        stop(rateLimiting, RateLimiting::close);
        stop(simulator, ProviderSimulator::close);
        stop(payments, PaymentProcessor::stop);
        stop(paymentWorker, w -> shutDown(w, "The payment processor"));
        stop(background, b -> shutDown(b, "Background work"));
        stop(webhooks, WebhookDispatcher::close);
        stop(metrics, Metrics::close);
        stop(ledger, LedgerService::close);
        database.close();
    }

    private static <T> void stop(T part, Consumer<T> stopping) {
        if (part != null) {
            stopping.accept(part);
        }
    }

    private static void shutDown(ExecutorService executor, String what) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 30 s", what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
