package coffer.server.library;

import coffer.server.ProviderMode;
import coffer.core.kyc.KycTier;
import coffer.core.money.Currencies;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.Environments;

import java.nio.file.Path;
import java.util.Currency;
import java.util.Objects;

/**
 * How a Java application opens Coffer in-process: where the ledger lives, which environment its
 * users belong to, the currency of a user's default wallet, and the KYC tier new users start at (the
 * embedding application vouches for its own users, as seed 002's library does).
 */
public record CofferConfig(DatabaseConfig database, String environmentId, Currency defaultCurrency, KycTier newUserTier,
                           ProviderMode provider) {

    public CofferConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(database, "database");
        Environments.requireValidId(environmentId);
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        Objects.requireNonNull(newUserTier, "newUserTier");
    }

    /** An embedded SQLite ledger in {@code dataDir}, environment {@code app}, USD wallets, users at tier 1. */
    public static CofferConfig sqlite(Path dataDir) {
        return new CofferConfig(DatabaseConfig.sqlite(dataDir), "app", Currencies.of("USD"), KycTier.TIER_1, ProviderMode.NONE);
    }

    /** A PostgreSQL ledger ({@code jdbc:postgresql://...}); several processes may share it. */
    public static CofferConfig postgres(String jdbcUrl) {
        return new CofferConfig(DatabaseConfig.url(jdbcUrl), "app", Currencies.of("USD"), KycTier.TIER_1, ProviderMode.NONE);
    }

    public CofferConfig withEnvironment(String id) {
        return new CofferConfig(database, id, defaultCurrency, newUserTier, provider);
    }

    /** @param code ISO 4217, e.g. {@code NGN} */
    public CofferConfig withDefaultCurrency(String code) {
        return new CofferConfig(database, environmentId, Currencies.of(code), newUserTier, provider);
    }

    public CofferConfig withNewUserTier(KycTier tier) {
        return new CofferConfig(database, environmentId, defaultCurrency, tier, provider);
    }

    /**
     * Card and bank money movement through {@code provider}. Without one (the default) card charges,
     * bank accounts, withdrawals and settlements are refused with {@code PROVIDER_UNAVAILABLE};
     * {@link ProviderMode#SIMULATOR} is for demos and tests.
     */
    public CofferConfig withProvider(ProviderMode mode) {
        return new CofferConfig(database, environmentId, defaultCurrency, newUserTier, mode);
    }
}
