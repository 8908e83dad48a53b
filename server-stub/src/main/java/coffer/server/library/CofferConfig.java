package coffer.server.library;

import coffer.server.ProviderMode;
import coffer.core.kyc.KycTier;
import coffer.core.money.Currencies;
import coffer.server.db.DatabaseConfig;
import coffer.server.gateway.StripeSettings;
import coffer.server.tenant.Environments;

import java.nio.file.Path;
import java.util.Currency;
import java.util.Objects;

/**
 * How a Java application opens Coffer in-process: where the ledger lives, which environment its
 * users belong to, the currency of a user's default wallet, and the KYC tier new users start at (the
 * embedding application vouches for its own users, as seed 002's library does), and the payment provider
 * that moves money by card and bank: none unless chosen ({@link #withProvider}, {@link #withStripe}).
 *
 * @param stripe Stripe's keys, exactly when {@code provider} is {@link ProviderMode#STRIPE}
 */
public record CofferConfig(DatabaseConfig database, String environmentId, Currency defaultCurrency, KycTier newUserTier,
                           ProviderMode provider, StripeSettings stripe) {

    public CofferConfig {
        Objects.requireNonNull(provider, "provider");
        if ((provider == ProviderMode.STRIPE) != (stripe != null)) {
            throw new IllegalArgumentException("Stripe's keys go with the Stripe provider, and only with it: use withStripe(keys)");
        }
        Objects.requireNonNull(database, "database");
        Environments.requireValidId(environmentId);
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        Objects.requireNonNull(newUserTier, "newUserTier");
    }

    /** An embedded SQLite ledger in {@code dataDir}, environment {@code app}, USD wallets, users at tier 1. */
    public static CofferConfig sqlite(Path dataDir) {
        return new CofferConfig(DatabaseConfig.sqlite(dataDir), "app", Currencies.of("USD"), KycTier.TIER_1, ProviderMode.NONE, null);
    }

    /** A PostgreSQL ledger ({@code jdbc:postgresql://...}); several processes may share it. */
    public static CofferConfig postgres(String jdbcUrl) {
        return new CofferConfig(DatabaseConfig.url(jdbcUrl), "app", Currencies.of("USD"), KycTier.TIER_1, ProviderMode.NONE, null);
    }

    public CofferConfig withEnvironment(String id) {
        return new CofferConfig(database, id, defaultCurrency, newUserTier, provider, stripe);
    }

    /** @param code ISO 4217, e.g. {@code NGN} */
    public CofferConfig withDefaultCurrency(String code) {
        return new CofferConfig(database, environmentId, Currencies.of(code), newUserTier, provider, stripe);
    }

    public CofferConfig withNewUserTier(KycTier tier) {
        return new CofferConfig(database, environmentId, defaultCurrency, tier, provider, stripe);
    }

    /**
     * Card and bank money movement through {@code provider}. Without one (the default) card charges,
     * bank accounts, withdrawals and settlements are refused with {@code PROVIDER_UNAVAILABLE};
     * {@link ProviderMode#SIMULATOR} is for demos and tests. Stripe needs its keys: {@link #withStripe}.
     */
    public CofferConfig withProvider(ProviderMode mode) {
        if (mode == ProviderMode.STRIPE) {
            throw new IllegalArgumentException("Stripe needs its keys: use withStripe(new StripeSettings(secretKey, webhookSecret))");
        }
        return new CofferConfig(database, environmentId, defaultCurrency, newUserTier, mode, null);
    }

    /**
     * Card payments through Stripe: top-ups at Stripe Checkout, saved cards, refunds (bank payouts are refused
     * with {@code PROVIDER_UNAVAILABLE}: they would need Stripe Connect). Stripe sends its events to the
     * application's own endpoint, which hands each to {@link Coffer#stripeWebhook}; no port is opened.
     */
    public CofferConfig withStripe(StripeSettings keys) {
        return new CofferConfig(database, environmentId, defaultCurrency, newUserTier, ProviderMode.STRIPE,
                Objects.requireNonNull(keys, "keys"));
    }
}
