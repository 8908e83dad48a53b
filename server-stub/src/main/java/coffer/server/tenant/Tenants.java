package coffer.server.tenant;

import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Environments (with their signing secrets) and their users (with KYC status and password hashes):
 * who holds wallets, kept apart from the money itself. Changes run in the ledger's writer
 * ({@link LedgerService#run}), serialised with the movements whose limits they change.
 */
public final class Tenants {
    private final LedgerService ledger;

    public Tenants(LedgerService ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Creates the environment with its first secret and KYC limits, or answers the existing one unchanged. */
    public Environment ensureEnvironment(EnvId env, String name, String secret, String webhookUrl, KycLimitTable limits) {
        Environments.requireValidId(env.value());
        return ledger.run(new TenantTasks.EnsureEnvironment(env.value(), name, secret, webhookUrl, limits), null).orThrow();
    }


    /** Creates a user, or answers the existing one with the same external id (or email when there is none). */
    public Result<User> ensureUser(NewUser user) {
        return ledger.run(new TenantTasks.EnsureUser(user, false), null).result();
    }


    /** Creates a user who signs in with email and password; ALREADY_EXISTS when the email is taken in the environment. */
    public Result<User> registerUser(EnvId env, String email, String name, String passwordHash) {
        NewUser user = NewUser.byEmail(env, email, name)
                .passwordHash(Objects.requireNonNull(passwordHash, "passwordHash"));
        return ledger.run(new TenantTasks.EnsureUser(user, true), null).result();
    }


    /** Moves a user's KYC status (tier null: the status's default tier), and audits it. */
    public Result<User> setKyc(KycChange change) {
        return ledger.run(new TenantTasks.SetKyc(change), null).result();
    }


    public Optional<Environment> environment(EnvId env) {
        return ledger.read(c -> TenantQueries.environment(c, env.value()));
    }


    /** Adds an active signing secret to the environment; answers its fingerprint, or NOT_FOUND. */
    public Result<String> addSecret(EnvId env, String secret, String actor) {
        return ledger.run(new TenantTasks.AddSecret(env.value(), secret, actor), null).result();
    }


    /** Revokes the active secret with this fingerprint; NOT_FOUND, or CONFLICT for the last active one. */
    public Result<String> revokeSecret(EnvId env, String fingerprint, String actor) {
        return ledger.run(new TenantTasks.RevokeSecret(env.value(), fingerprint, actor), null).result();
    }


    /** The environment's active signing secrets, newest first; empty for an unknown environment. */
    public List<String> secrets(EnvId env) {
        return ledger.read(c -> TenantQueries.activeSecrets(c, env.value()));
    }


    public Optional<User> user(EnvId env, UserId user) {
        return ledger.read(c -> TenantQueries.user(c, env.value(), user.value()));
    }


    public Optional<User> userByExternalId(EnvId env, String externalId) {
        return ledger.read(c -> TenantQueries.userByExternalId(c, env.value(), externalId));
    }


    public Optional<User> userByEmail(EnvId env, String email) {
        return ledger.read(c -> TenantQueries.userByEmail(c, env.value(), email));
    }


    /** The user's password hash, if the user signs in with a password; kept out of {@link User} so it is never serialised. */
    public Optional<String> passwordHash(EnvId env, UserId user) {
        return ledger.read(c -> TenantQueries.passwordHash(c, env.value(), user.value()));
    }

}
