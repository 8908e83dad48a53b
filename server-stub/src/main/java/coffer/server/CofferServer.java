package coffer.server;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.server.auth.AuthRoutes;
import coffer.server.auth.PasswordHasher;
import coffer.server.auth.TokenService;
import coffer.server.history.TransactionRoutes;
import coffer.server.http.CursorSeal;
import coffer.server.http.HealthRoutes;
import coffer.server.http.RateLimiting;
import coffer.server.http.RequestLog;
import coffer.server.kyc.KycRoutes;
import coffer.server.kyc.KycService;
import coffer.server.sync.EventRoutes;
import coffer.server.sync.SyncRoutes;
import coffer.server.tenant.Environments;
import coffer.server.metrics.Metrics;
import coffer.server.openapi.OpenApiDocument;
import coffer.server.openapi.OpenApiRoutes;
import coffer.server.order.Catalogue;
import coffer.server.order.OrderRoutes;
import coffer.server.order.OrderService;
import coffer.server.organization.OrganizationRoutes;
import coffer.server.organization.Organizations;
import coffer.server.wallet.AccountRoutes;
import coffer.server.walletops.WalletOpsRoutes;
import coffer.server.webwallet.WebWalletRoutes;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.http.HttpApi;
import coffer.server.http.TlsIdentity;
import coffer.server.http.Transport;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.LedgerSettings;
import coffer.server.partner.PartnerOrganizationRoutes;
import coffer.server.partner.PartnerWalletRoutes;
import coffer.server.payment.PaymentLedger;
import coffer.server.payment.PaymentProcessor;
import coffer.server.payment.PaymentRoutes;
import coffer.server.payment.TransferRoutes;
import coffer.server.bank.BankAccountRoutes;
import coffer.server.bank.BankAccountService;
import coffer.server.settlement.SettlementRoutes;
import coffer.server.settlement.SettlementSchedules;
import coffer.server.settlement.Settlements;
import coffer.server.withdrawal.PayoutEvents;
import coffer.server.withdrawal.Payouts;
import coffer.server.withdrawal.WithdrawalRoutes;
import coffer.server.gateway.PaymentProvider;
import coffer.server.gateway.ProviderEventHandlers;
import coffer.server.gateway.ProviderWebhookRoutes;
import coffer.server.gateway.SimulatorProvider;
import coffer.server.gateway.StripeProvider;
import coffer.server.gateway.StripeWebhook;
import coffer.server.gateway.StripeWebhookRoutes;
import coffer.server.provider.ProviderSimulator;
import coffer.server.card.CardRoutes;
import coffer.server.card.SavedCards;
import coffer.server.topup.TopupRoutes;
import coffer.server.topup.TopupService;
import coffer.server.http.PartnerSignatures;
import coffer.server.redirect.ReturnOriginRoutes;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.refund.RefundRoutes;
import coffer.server.webhook.WebhookDispatcher;
import coffer.server.webhook.WebhookRoutes;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The composition root: opens the ledger database, starts the ledger service, seeds the demo data if
 * asked, and serves the HTTP API. The CLI, the tests and the desktop app (in-process mode) all start
 * the server through this one class.
 */
public final class CofferServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CofferServer.class);

    /**
     * @param host     the address to listen on: {@link #LOOPBACK} (the default) serves this machine only,
     *                 {@code 0.0.0.0} a network
     * @param port     TCP port, 0 for any free port
     * @param database where the ledger lives
     * @param demo     seed SPEC.md's demo data (idempotent)
     * @param userEnvironment the environment that users registering through {@code /api/v1/auth/register} join
     * @param provider who moves money by card and bank: none (those requests answer 503 PROVIDER_UNAVAILABLE),
     *                 the bundled simulator (its pages, test helper and automatic KYC verifier included), or Stripe
     *                 (its keys in {@link ServerSettings#stripe()})
     * @param settings rate limits, the KYC verifier's delay, the access log
     * @param tls      the certificate and key to serve HTTPS with (and then only HTTPS); null serves plain HTTP
     * @param listen   whether to open the port at all: an embedding application whose provider sends it no
     *                 port ({@link ProviderMode#needsPort()}) calls the services in-process and needs none
     */
    public record Options(String host, int port, DatabaseConfig database, boolean demo, String userEnvironment,
                          ProviderMode provider, ServerSettings settings, TlsIdentity tls, boolean listen) {
        /** The environment that users signing up through the user API join, unless told otherwise: the demo one. */
        public static final String DEFAULT_USER_ENVIRONMENT = DemoData.ENV_ID;
        /** Where a server listens unless told otherwise: this machine only. */
        public static final String LOOPBACK = "127.0.0.1";

        /**
         * A server on loopback with default settings; with the demo data it also runs the provider
         * simulator (as {@code serve --demo} does), without it no provider.
         */
        public Options(int port, DatabaseConfig database, boolean demo) {
            this(port, database, demo, DEFAULT_USER_ENVIRONMENT);
        }

        public Options(int port, DatabaseConfig database, boolean demo, String userEnvironment) {
            this(LOOPBACK, port, database, demo, userEnvironment, ProviderMode.defaultFor(demo), ServerSettings.defaults(), null,
                    true);
        }

        public Options withSettings(ServerSettings s) {
            return new Options(host, port, database, demo, userEnvironment, provider, s, tls, listen);
        }

        public Options withHost(String h) {
            return new Options(h, port, database, demo, userEnvironment, provider, settings, tls, listen);
        }

        public Options withProvider(ProviderMode p) {
            return new Options(host, port, database, demo, userEnvironment, p, settings, tls, listen);
        }

        /** Opens no port: the services are called in-process only (for a provider that sends no callbacks). */
        public Options withoutListening() {
            return new Options(host, port, database, demo, userEnvironment, provider, settings, tls, false);
        }

        public Options withTls(TlsIdentity t) {
            return new Options(host, port, database, demo, userEnvironment, provider, settings, t, listen);
        }

        public Options {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(provider, "provider");
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must be an address to listen on, such as " + LOOPBACK);
            }
            Environments.requireValidId(userEnvironment);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
        }
    }

    private final ServerParts parts;
    private final boolean listening;
    /** Coffer's side of the payment provider (issue 5). */
    private final Provider provider;
    private final Services services;

    /**
     * The service layer every surface calls, for code that embeds the server in-process (the Java
     * library facade): the same objects the HTTP routes use.
     */
    public record Services(LedgerService ledger, Tenants tenants, TopupService topups, SavedCards cards, BankAccountService bankAccounts,
                           Payouts payouts, Settlements settlements, SettlementSchedules schedules,
                           Organizations organizations) {
    }

    /** The payment provider as Coffer's features see it, and who applies its webhooks. */
    private record Provider(PaymentProvider client, ProviderEventHandlers handlers, StripeWebhook stripeEvents) {
        Provider(PaymentProvider client) {
            this(client, new ProviderEventHandlers(), null);
        }

    }

    private CofferServer(ServerParts parts, Provider provider, Services services, boolean listening) {
        this.listening = listening;
        this.parts = parts;
        this.provider = provider;
        this.services = services;
    }

    /** Opens everything and starts listening; the returned server is ready ({@code /health} answers 200). */
    public static CofferServer start(Options options) {
        StartupClock startup = new StartupClock();
        // each part is recorded in parts once started, so that a failure half way stops what already runs
        ServerParts parts = new ServerParts(Database.open(options.database()));
        startup.mark("database");
        Database database = parts.database;
        ServerSettings settings = options.settings();
        try {
            Clock clock = settings.clock();
            LedgerService ledger = new LedgerService(database, clock, LedgerSettings.defaults());
            parts.ledger = ledger;
            Tenants tenants = new Tenants(ledger);
            PasswordHasher passwords = PasswordHasher.standard();
            startup.mark("ledger");
            if (options.demo()) {
                DemoData.seed(ledger, DemoData.PASSWORD_HASH);
                new Catalogue(database, clock).seedDemo(DemoData.ENV_ID);
                log.info("Demo data ready: environment {}, users {}", DemoData.ENV_ID, DemoData.EMAILS);
                startup.mark("demo data");
            }
            EnvId direct = new EnvId(options.userEnvironment());
            if (tenants.environment(direct).isEmpty()) {
                tenants.ensureEnvironment(direct, "Direct users", Environments.newSecret(), null,
                        KycLimitTable.defaults());
            }
            TokenService tokens = new TokenService(database, clock);
            CursorSeal cursors = CursorSeal.of(database, clock);
            EventRoutes events = new EventRoutes(ledger, tokens);
            parts.events = events;
            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "coffer-background");
                t.setDaemon(true);
                return t;
            });
            parts.background = background;
            boolean simulated = options.provider() == ProviderMode.SIMULATOR;
            KycService kyc = new KycService(ledger, tenants, database, background, settings.kycDecisionDelay(), clock, simulated);
            parts.paymentWorker = Executors.newSingleThreadExecutor(r -> new Thread(r, "coffer-payments"));
            PaymentLedger paymentLedger = new PaymentLedger(ledger, settings.approvalExpiry());
            PaymentProcessor payments = new PaymentProcessor(paymentLedger, clock, parts.paymentWorker);
            parts.payments = payments;
            Metrics metrics = new Metrics(ledger);
            parts.metrics = metrics;
            startup.mark("services");

            // ---- money in and out through the provider (issue 5) ----
            // The simulator is mounted on this server and reached over loopback HTTP like a real provider;
            // its address is known once the server listens, so both sides resolve it lazily. Without a
            // provider nothing of it is mounted, and card and bank operations answer PROVIDER_UNAVAILABLE.
            AtomicReference<String> self = new AtomicReference<>();
            // /health says "starting" until the last part (the schedules, which need the port) has started
            AtomicBoolean started = new AtomicBoolean();
            Supplier<String> baseUrl = () -> Objects.requireNonNull(self.get(), "the server is not listening yet");
            // the links users' browsers follow (return pages) start at the public URL when one is set; the server's
            // calls to itself (the simulator) always go to the address it listens on
            Supplier<String> links = settings.publicOrigin() != null ? settings::publicOrigin : baseUrl;
            Supplier<HttpClient> selfClient = Transport.selfClient(options.tls());
            List<HttpApi.Routes> moneyInAndOut = new ArrayList<>();
            Provider provider;
            if (simulated) {
                ProviderSimulator.Credentials providerKeys = ProviderSimulator.credentials(database, clock);
                parts.simulator = new ProviderSimulator(database, providerKeys, settings.provider(), clock, baseUrl, selfClient);
                provider = new Provider(new SimulatorProvider(baseUrl, selfClient, providerKeys.apiKey()));
                moneyInAndOut.addAll(parts.simulator.routes());
                moneyInAndOut.add(new ProviderWebhookRoutes(database, providerKeys.webhookSecret(), provider.handlers(), clock));
            } else if (options.provider() == ProviderMode.STRIPE) {
                var keys = Objects.requireNonNull(settings.stripe(), "the Stripe provider needs ServerSettings.withStripe(keys)");
                StripeProvider stripe = new StripeProvider(keys, clock);
                ProviderEventHandlers handlers = new ProviderEventHandlers();
                provider = new Provider(stripe, handlers, new StripeWebhook(database, stripe, keys, handlers, clock));
                moneyInAndOut.add(new StripeWebhookRoutes(provider.stripeEvents()));
            } else {
                provider = new Provider(PaymentProvider.none());
            }
            if (options.provider() != ProviderMode.STRIPE) {
                // the path exists on every server (one API description), answering 404 unless Stripe is the provider
                moneyInAndOut.add(StripeWebhookRoutes.notConfigured());
            }
            // where users' browsers may be sent back to: Coffer's own origin and those the partner lists
            ReturnOrigins returnOrigins = new ReturnOrigins(database, links, clock);
            if (options.demo()) {
                returnOrigins.seedDemo(DemoData.ENV_ID);
            }
            TopupService topups = new TopupService(ledger, provider.client(), database, clock, links, returnOrigins);
            SavedCards cards = new SavedCards(database, topups, clock);
            provider.handlers().add(cards.events());
            provider.handlers().add(topups.events());
            moneyInAndOut.add(new TopupRoutes(topups, cursors));
            moneyInAndOut.add(new CardRoutes(cards, topups));
            // ---- end of money in and out ----

            // Partner webhooks and refunds: the dispatcher turns committed movements (change feed) into
            // signed deliveries to each environment's URL; partner routes are signed, not Bearer.
            PartnerSignatures partners = new PartnerSignatures(tenants, database, clock);
            partners.schedulePurge(background);
            WebhookDispatcher webhooks = WebhookDispatcher.start(ledger, tenants, database, settings.webhooks(), clock);
            parts.webhooks = webhooks;
            // ---- money out: bank accounts, withdrawals, settlements and their schedules (issue 5) ----
            // Payouts is the one hold -> payout -> capture/void machinery; the provider's payout.* events
            // finish what its synchronous answers leave pending. Schedules run on db-scheduler once listening.
            BankAccountService bankAccounts = new BankAccountService(database, provider.client(), clock);
            Payouts payouts = new Payouts(database, ledger, provider.client(), clock, links, settings.approvalExpiry());
            provider.handlers().add(new PayoutEvents(payouts));
            Settlements settlements = new Settlements(ledger, payouts);
            SettlementSchedules schedules = new SettlementSchedules(database, settlements, bankAccounts, settings.schedules());
            parts.schedules = schedules;
            startup.mark("provider, webhooks, schedules");
            moneyInAndOut.add(new BankAccountRoutes(bankAccounts));
            moneyInAndOut.add(new WithdrawalRoutes(payouts, bankAccounts, returnOrigins, cursors));
            moneyInAndOut.add(new SettlementRoutes(settlements, schedules, payouts, bankAccounts, cursors));
            // ---- end of money out ----

            // one service of organizations behind the user API, the partner API and the Java library
            Organizations organizations = new Organizations(ledger, paymentLedger, payouts);
            PartnerWalletRoutes partnerWallets = new PartnerWalletRoutes(ledger, tenants, topups, payouts, partners, cursors);
            List<HttpApi.Routes> groups = new ArrayList<>(List.of(
                            new HealthRoutes(database, started::get),
                            new OpenApiRoutes(OpenApiDocument::load),
                            metrics.routes(),
                            new AuthRoutes(tenants, passwords, tokens, options.userEnvironment(), partners),
                            new AccountRoutes(ledger),
                            new OrganizationRoutes(organizations),
                            new PaymentRoutes(paymentLedger, payments, cursors),
                            new TransferRoutes(ledger),
                            new TransactionRoutes(ledger, cursors),
                            new SyncRoutes(ledger, cursors),
                            events,
                            new KycRoutes(kyc),
                            // seed surfaces
                            new WalletOpsRoutes(ledger, partners),
                            partnerWallets,
                            new PartnerOrganizationRoutes(organizations, partnerWallets),
                            new WebWalletRoutes(ledger, topups, returnOrigins),
                            new WebhookRoutes(webhooks, partners, cursors),
                            new ReturnOriginRoutes(returnOrigins, partners),
                            new RefundRoutes(ledger, database, partners)));
            groups.addAll(moneyInAndOut);
            // "pay an order" for app users: the environment's catalogue, paid like the partner API's /wallet/payment/
            groups.add(new OrderRoutes(new OrderService(ledger, new Catalogue(database, clock)), cursors));
            startup.mark("routes");
            parts.rateLimiting = RateLimiting.start(settings.rateLimits(), database);
            Javalin http = HttpApi.create(tokens, parts.rateLimiting,
                    List.of(new RequestLog(settings.requestLog()), metrics.http()), groups);
            kyc.resumePending();
            startup.mark("HTTP API");
            parts.http = http;
            if (options.listen()) {
                Transport.start(http, options.host(), options.port(), options.tls());
                startup.mark("Jetty");
                self.set(Transport.baseUrl(http));
            }
            if (parts.simulator != null) {
                parts.simulator.start();
            }
            schedules.start();
            startup.mark("scheduler");
            started.set(true);
            log.info(startup.summary());
            String with = switch (options.provider()) {
                case SIMULATOR -> "the provider simulator (test cards, test helper, automatic KYC verifier)";
                case STRIPE -> "Stripe as the payment provider (bank payouts unavailable), its events at "
                        + StripeWebhookRoutes.PATH;
                case NONE -> "no payment provider (card and bank payments unavailable)";
            };
            if (options.listen()) {
                log.info("Listening on {}:{} with {}", options.host(), http.port(), with);
            } else {
                log.info("Serving in-process only (no port) with {}", with);
            }
            return new CofferServer(parts, provider,
                    new Services(ledger, tenants, topups, cards, bankAccounts, payouts, settlements, schedules,
                            organizations), options.listen());
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return listening().port();
    }

    /** Where this machine reaches the server, such as {@code https://localhost:8443}. */
    public String baseUrl() {
        return Transport.baseUrl(listening());
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return Transport.address(listening());
    }

    private Javalin listening() {
        if (!listening) {
            throw new IllegalStateException("This server was started without a port (Options.withoutListening)");
        }
        return parts.http;
    }

    public LedgerService ledger() {
        return parts.ledger;
    }

    public Services services() {
        return services;
    }

    /** The payment provider as Coffer's features call it (the bundled simulator over HTTP, or Stripe). */
    public PaymentProvider paymentProvider() {
        return provider.client();
    }

    /**
     * Where Stripe's events are verified and applied when Stripe is the provider: {@code POST /webhooks/stripe}
     * hands them here, and so does an application that embeds Coffer and receives them at its own endpoint.
     */
    public Optional<StripeWebhook> stripeEvents() {
        return Optional.ofNullable(provider.stripeEvents());
    }

    /** Who applies the provider's webhooks: features add their handlers here (tests may add one for a while). */
    public ProviderEventHandlers providerEvents() {
        return provider.handlers();
    }

    /** Every HTTP endpoint the server serves, as registered (for the API description's completeness check). */
    public List<HttpApi.Route> routes() {
        return HttpApi.routes(parts.http);
    }

    /** Stops every part, in the order {@link ServerParts#close()} gives. */
    @Override
    public void close() {
        parts.close();
    }
}
