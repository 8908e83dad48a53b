package coffer.server.library;

import coffer.server.CofferServer;
import coffer.server.gateway.StripeWebhook;

import java.util.Objects;

/**
 * Coffer as a Java library (seed 002's services), in-process over the application's own SQLite file or
 * PostgreSQL database: no HTTP between the application and its wallets. Every call goes through the
 * same service layer and ledger as the HTTP surfaces, so the invariants, limits and idempotency are
 * the same.
 *
 * <pre>{@code
 * try (Coffer coffer = Coffer.open(CofferConfig.sqlite(Path.of("wallet-data")))) {
 *     WalletService wallets = coffer.wallets();
 *     Wallet wallet = wallets.getWallet("user-42");
 *     wallets.deposit(wallet, new BigDecimal("25.00"), "Welcome bonus");
 *     Money balance = wallets.getBalance(wallet);
 * }
 * }</pre>
 *
 * <p>No port is opened unless the configured provider must reach Coffer itself ({@link
 * coffer.server.ProviderMode#needsPort()}). Without a provider the application's calls are all there is; Stripe
 * sends its events to the application's own endpoint, which hands each to {@link #stripeWebhook}. The bundled
 * payment-provider simulator is reached over HTTP like a real provider over the internet, serves its hosted
 * pages from Coffer and sends its webhooks to it, so with it {@code open} also starts the server's HTTP side on
 * a free port on loopback (the application never needs to call it).
 */
public final class Coffer implements AutoCloseable {
    private final CofferServer server;
    private final WalletService wallets;
    private final TransactionService transactions;
    private final EscrowService escrow;
    private final CardService cards;
    private final BankService banks;
    private final SettlementService settlements;
    private final OrganizationService organizations;

    private Coffer(CofferServer server, Library lib) {
        this.server = server;
        this.wallets = new WalletService(lib);
        this.transactions = new TransactionService(lib);
        this.escrow = new EscrowService(lib);
        this.cards = new CardService(lib);
        this.banks = new BankService(lib);
        this.settlements = new SettlementService(lib, banks);
        this.organizations = new OrganizationService(lib, lib.services.organizations());
    }

    /** Opens (and migrates) the ledger and creates the environment on first use. */
    public static Coffer open(CofferConfig config) {
        Objects.requireNonNull(config, "config");
        CofferServer.Options options = new CofferServer.Options(0, config.database(), false, config.environmentId())
                .withProvider(config.provider());
        if (config.stripe() != null) {
            options = options.withSettings(options.settings().withStripe(config.stripe()));
        }
        CofferServer server = CofferServer.start(config.provider().needsPort() ? options : options.withoutListening());
        return new Coffer(server, new Library(server.services(), config));
    }

    public WalletService wallets() {
        return wallets;
    }

    public TransactionService transactions() {
        return transactions;
    }

    public EscrowService escrow() {
        return escrow;
    }

    /** Card charges through the provider's page, saved cards. */
    public CardService cards() {
        return cards;
    }

    /** Bank accounts and withdrawals to them. */
    public BankService banks() {
        return banks;
    }

    public SettlementService settlements() {
        return settlements;
    }

    /** Organizations whose wallets their members spend from (seed 002's multi-tenant pattern). */
    public OrganizationService organizations() {
        return organizations;
    }

    /**
     * Verifies and applies one delivery of Stripe's events, received at the application's own endpoint (the one
     * registered in Stripe's dashboard), when Stripe is the provider ({@link CofferConfig#withStripe}). Answer
     * Stripe with the outcome's {@code httpStatus()}: 2xx only once the event is applied, so that Stripe sends
     * again what could not be; a forged or stale delivery is 400 and changes nothing.
     *
     * @param payload   the request body exactly as received, before any JSON parsing
     * @param signature the {@code Stripe-Signature} header
     * @throws IllegalStateException when Stripe is not this Coffer's provider
     */
    public StripeWebhook.Outcome stripeWebhook(String payload, String signature) {
        return server.stripeEvents().orElseThrow(() -> new IllegalStateException(
                "Stripe is not the provider: open Coffer with CofferConfig.withStripe(keys)")).receive(payload, signature);
    }

    /** The server underneath, for tests in this package. */
    CofferServer server() {
        return server;
    }

    /** Finishes queued work and closes the database. */
    @Override
    public void close() {
        server.close();
    }
}
