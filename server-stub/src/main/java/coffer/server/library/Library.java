package coffer.server.library;

import coffer.server.ledger.UserId;
import coffer.server.ledger.EnvId;
import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.core.error.CofferException;
import coffer.core.error.Result;
import coffer.core.kyc.KycStatus;
import coffer.core.money.Money;
import coffer.server.CofferServer;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.tenant.User;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every library service shares: the server's service layer and its ledger, the environment, and the one
 * way refusals become exceptions.
 */
final class Library {
    final CofferServer.Services services;
    final LedgerService ledger;
    final Tenants tenants;
    final CofferConfig config;

    Library(CofferServer.Services services, CofferConfig config) {
        this.services = Objects.requireNonNull(services, "services");
        this.ledger = services.ledger();
        this.tenants = services.tenants();
        this.config = Objects.requireNonNull(config, "config");
    }

    String env() {
        return config.environmentId();
    }

    /** The value, or the refusal as its typed {@link WalletException}. */
    static <T> T orThrow(Result<T> result) {
        try {
            return result.orThrow();
        } catch (CofferException e) {
            throw WalletException.of(e);
        }
    }

    /** Runs a call whose argument checks may throw a {@link CofferException}; rethrows it typed. */
    static <T> T typed(Supplier<T> call) {
        try {
            return call.get();
        } catch (CofferException e) {
            throw WalletException.of(e);
        }
    }

    /** The user the application calls {@code userRef}, created (at the configured tier) on first use. */
    User user(String userRef) {
        Objects.requireNonNull(userRef, "userRef");
        return tenants.userByExternalId(new EnvId(env()),
                userRef).orElseGet(() -> orThrow(tenants.ensureUser(NewUser.byExternalId(new EnvId(env()), userRef,
                userRef).kyc(KycStatus.VERIFIED, config.newUserTier()))));
    }

    /** The user as a caller of the service layer, the way a signed-in user reaches it over HTTP. */
    coffer.server.auth.Principal principal(String userRef) {
        return new coffer.server.auth.Principal(env(), user(userRef).id(), "library");
    }

    /** The application's id for a Coffer user of this environment. */
    String userRef(String userId) {
        return tenants.user(new EnvId(env()), new UserId(userId)).map(u -> u.externalId() != null ? u.externalId() : u.id())
                .orElse(userId);
    }

    static Money money(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        return typed(() -> Money.parse(amount.toPlainString(), currency).requirePositive());
    }

    /** A key that makes a multi-step library operation safe to repeat: each step moves money once. */
    IdempotencyKey key(String step) {
        return new IdempotencyKey("library:" + env(), step);
    }

    static Transaction transaction(Movement m) {
        return new Transaction(m.id(), m.reference(), m.kind().wire(), m.status().wire(), m.amount(), m.refunded(),
                m.debitAccount(), m.creditAccount(), m.description(), m.createdAt());
    }
}
