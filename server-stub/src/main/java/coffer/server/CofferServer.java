package coffer.server;

import coffer.core.kyc.KycLimitTable;
import coffer.server.auth.AuthRoutes;
import coffer.server.auth.PasswordHasher;
import coffer.server.auth.TokenService;
import coffer.server.http.HealthRoutes;
import coffer.server.ledger.Environments;
import coffer.server.wallet.AccountRoutes;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.http.HttpApi;
import coffer.server.ledger.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.payment.PaymentProcessor;
import coffer.server.payment.PaymentRoutes;
import coffer.server.payment.TransferRoutes;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: opens the ledger database, starts the ledger service, seeds the demo data if
 * asked, and serves the HTTP API. The CLI, the tests and the desktop app (in-process mode) all start
 * the server through this one class.
 */
public final class CofferServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CofferServer.class);

    /**
     * @param port     TCP port, 0 for any free port
     * @param database where the ledger lives
     * @param demo     seed SPEC.md's demo data (idempotent)
     * @param userEnvironment the environment that users registering through {@code /api/v1/auth/register} join
     */
    public record Options(int port, DatabaseConfig database, boolean demo, String userEnvironment) {
        /** The environment that users signing up through the user API join, unless told otherwise: the demo one. */
        public static final String DEFAULT_USER_ENVIRONMENT = DemoData.ENV_ID;

        public Options(int port, DatabaseConfig database, boolean demo) {
            this(port, database, demo, DEFAULT_USER_ENVIRONMENT);
        }

        public Options {
            Objects.requireNonNull(database, "database");
            Environments.requireValidId(userEnvironment);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
        }
    }

    private final Database database;
    private final LedgerService ledger;
    /** Settles accepted payments in the background; its one thread is {@link #paymentWorker}. */
    private final PaymentProcessor payments;
    private final ExecutorService paymentWorker;
    private final Javalin http;

    private CofferServer(Database database, LedgerService ledger, PaymentProcessor payments, ExecutorService paymentWorker,
                         Javalin http) {
        this.database = database;
        this.ledger = ledger;
        this.payments = payments;
        this.paymentWorker = paymentWorker;
        this.http = http;
    }

    /** Opens everything and starts listening; the returned server is ready ({@code /health} answers 200). */
    public static CofferServer start(Options options) {
        Database database = Database.open(options.database());
        LedgerService ledger = null;
        ExecutorService paymentWorker = null;
        PaymentProcessor payments = null;
        try {
            Clock clock = Clock.systemUTC();
            ledger = new LedgerService(database, clock, LedgerSettings.defaults());
            PasswordHasher passwords = PasswordHasher.standard();
            if (options.demo()) {
                DemoData.seed(ledger, passwords.hash(DemoData.PASSWORD));
                log.info("Demo data ready: environment {}, users {}", DemoData.ENV_ID, DemoData.EMAILS);
            }
            if (ledger.environment(options.userEnvironment()).isEmpty()) {
                ledger.ensureEnvironment(options.userEnvironment(), "Direct users", Environments.newSecret(), null,
                        KycLimitTable.defaults());
            }
            TokenService tokens = new TokenService(database, clock);
            paymentWorker = Executors.newSingleThreadExecutor(r -> new Thread(r, "coffer-payments"));
            payments = new PaymentProcessor(ledger, clock, paymentWorker);
            Javalin http = HttpApi.create(tokens, List.of(
                    new HealthRoutes(database),
                    new AuthRoutes(ledger, passwords, tokens, options.userEnvironment(), clock),
                    new AccountRoutes(ledger),
                    new PaymentRoutes(ledger, payments),
                    new TransferRoutes(ledger)));
            http.start(options.port());
            return new CofferServer(database, ledger, payments, paymentWorker, http);
        } catch (RuntimeException e) {
            stopPayments(payments, paymentWorker);
            if (ledger != null) {
                ledger.close();
            }
            database.close();
            throw e;
        }
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public LedgerService ledger() {
        return ledger;
    }

    /**
     * Stops taking requests, stops settling payments (unfinished ones resume at the next start), then
     * finishes the ledger's queued work and closes the database.
     */
    @Override
    public void close() {
        http.stop();
        stopPayments(payments, paymentWorker);
        ledger.close();
        database.close();
    }

    private static void stopPayments(PaymentProcessor payments, ExecutorService worker) {
        if (payments != null) {
            payments.stop();
        }
        if (worker == null) {
            return;
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The payment processor did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
