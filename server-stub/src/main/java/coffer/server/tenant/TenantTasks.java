package coffer.server.tenant;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.Ids;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.DirectTask;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static coffer.server.ledger.engine.DirectTask.update;

/**
 * Environments, their signing secrets, and users with their KYC status: changes that are not money
 * movements but run in the ledger's writer, serialised with them. Creations are "create or get", so
 * repeating one (a partner retrying, demo data seeded on every start) answers with what exists
 * instead of failing.
 */
final class TenantTasks {
    private TenantTasks() {
    }

    static final class EnsureEnvironment extends DirectTask<Environment> {
        private final String id;
        private final String name;
        private final String secret;
        private final String webhookUrl;
        private final KycLimitTable limits;

        EnsureEnvironment(String id, String name, String secret, String webhookUrl, KycLimitTable limits) {
            super(Environment.class);
            this.id = Objects.requireNonNull(id, "id");
            this.name = Objects.requireNonNull(name, "name");
            this.secret = Objects.requireNonNull(secret, "secret");
            this.webhookUrl = webhookUrl;
            this.limits = Objects.requireNonNull(limits, "limits");
        }

        @Override
        public Result<Environment> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                Optional<Environment> existing = TenantQueries.environment(c, id);
                if (existing.isPresent()) {
                    return Result.ok(existing.get());
                }
                long at = b.now().toEpochMilli();
                update(c, "INSERT INTO environments (id, name, webhook_url, created_at) VALUES (?, ?, ?, ?)", id, name, webhookUrl, at);
                if (webhookUrl != null) {
                    WebhookListeners.startAtHeadIfFirst(c, id);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO environment_secrets (env_id, secret, active, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, secret);
                    ps.setBoolean(3, true);
                    ps.setLong(4, at);
                    ps.executeUpdate();
                }
                for (KycTier tier : KycTier.values()) {
                    update(c, "INSERT INTO kyc_limits (env_id, tier, per_transaction, daily, max_balance) VALUES (?, ?, ?, ?, ?)",
                            id, tier.wireValue(), limits.perTransactionMajor(tier), limits.dailyMajor(tier), limits.maxBalanceMajor(tier));
                }
                return Result.ok(new Environment(id, name, webhookUrl));
            });
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("environment").text(id).text(name).text(webhookUrl);
        }
    }

    static final class EnsureUser extends DirectTask<User> {
        private final NewUser user;
        private final String envId;
        private final String externalId;
        private final String email;
        private final String name;
        private final String passwordHash;
        private final KycStatus kycStatus;
        private final KycTier kycTier;
        private final boolean mustBeNew;

        /** @param mustBeNew ALREADY_EXISTS instead of the user found (registration) */
        EnsureUser(NewUser user, boolean mustBeNew) {
            super(User.class);
            this.mustBeNew = mustBeNew;
            this.user = user;
            this.envId = user.env().value();
            this.externalId = user.externalId();
            this.email = user.email();
            this.name = user.name();
            this.passwordHash = user.passwordHash();
            this.kycStatus = user.kycStatus();
            this.kycTier = user.tier();
            if (externalId == null && email == null) {
                throw new IllegalArgumentException("a user needs an external id or an email");
            }
        }

        @Override
        public Result<User> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                if (TenantQueries.environment(c, envId).isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "Environment " + envId + " was not found",
                            Map.of("env_id", envId));
                }
                Optional<User> existing = externalId != null
                        ? TenantQueries.userByExternalId(c, envId, externalId)
                        : TenantQueries.userByEmail(c, envId, email);
                if (existing.isPresent()) {
                    return mustBeNew
                            ? Result.rejected(ErrorCode.ALREADY_EXISTS, "A user with this email already exists",
                                    email == null ? Map.of() : Map.of("email", email))
                            : Result.ok(existing.get());
                }
                if (email != null && externalId != null && TenantQueries.userByEmail(c, envId, email).isPresent()) {
                    return Result.rejected(ErrorCode.INVALID_REQUEST, "A user with this email already exists",
                            Map.of("email", email));
                }
                String id = Ids.next("usr");
                update(c, "INSERT INTO users (id, env_id, external_id, email, name, password_hash, kyc_status, kyc_tier, "
                                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, envId, externalId, email, name, passwordHash, kycStatus.wireName(), kycTier.wireValue(),
                        b.now().toEpochMilli());
                return Result.ok(new User(id, envId, externalId, email, name, kycStatus, kycTier));
            });
        }

        @Override
        public Fingerprint fingerprint() {
            return user.fingerprint();
        }
    }

    /** Moves a user's KYC status (and tier) and audits it; the user's wallets get the new limits at once. */
    static final class SetKyc extends DirectTask<User> {
        private final KycChange change;
        private final String envId;
        private final String userId;
        private final KycStatus target;
        private final KycTier tier;
        private final String actor;
        private final String reason;

        SetKyc(KycChange change) {
            super(User.class);
            this.change = change;
            this.envId = change.env().value();
            this.userId = change.user().value();
            this.target = change.status();
            this.tier = change.tier();
            this.actor = change.actor();
            this.reason = change.reason();
        }

        @Override
        public void declare(Batch b) {
            // the user's wallets are not needed (a tier change only tightens or loosens later checks), but
            // the user's row is locked in the batch's order before the update below changes it
            b.needHolders(x -> List.of(new Batch.HolderNeed(userId, false)));
        }

        @Override
        public Result<User> apply(Batch b) throws SQLException {
            Result<User> result = b.direct(c -> {
                Optional<User> found = TenantQueries.user(c, envId, userId);
                if (found.isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "User " + userId + " was not found", Map.of("user_id", userId));
                }
                User user = found.get();
                if (user.kycStatus() != target) {
                    Result<KycStatus> allowed = user.kycStatus().transitionTo(target);
                    if (!allowed.isOk()) {
                        return allowed.asRejected();
                    }
                }
                update(c, "UPDATE users SET kyc_status = ?, kyc_tier = ? WHERE id = ?", target.wireName(), tier.wireValue(), userId);
                if (user.kycStatus() != target) {
                    b.audit(envId, actor, "user", userId, "kyc_status", user.kycStatus().wireName(), target.wireName(), reason);
                }
                if (user.kycTier() != tier) {
                    b.audit(envId, actor, "user", userId, "kyc_tier", Integer.toString(user.kycTier().wireValue()),
                            Integer.toString(tier.wireValue()), reason);
                }
                return Result.ok(new User(user.id(), envId, user.externalId(), user.email(), user.name(), target, tier));
            });
            if (result.isOk()) {
                for (AccountState a : b.accountsOf(userId)) {
                    a.tier = tier;
                }
            }
            return result;
        }

        @Override
        public Fingerprint fingerprint() {
            return change.fingerprint();
        }
    }

    /** A change to one of an environment's signing secrets, audited with who made it; answers the secret's fingerprint. */
    private abstract static class SecretChange extends DirectTask<String> {
        final String envId;
        final String actor;

        SecretChange(String envId, String actor) {
            super(String.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.actor = Objects.requireNonNull(actor, "actor");
        }
    }

    /** Adds an active signing secret to an environment (a rotation's first step), audited by fingerprint. */
    static final class AddSecret extends SecretChange {
        private final String secret;

        AddSecret(String envId, String secret, String actor) {
            super(envId, actor);
            this.secret = Objects.requireNonNull(secret, "secret");
        }

        @Override
        public Result<String> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                if (TenantQueries.environment(c, envId).isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "Environment " + envId + " was not found", Map.of("env_id", envId));
                }
                update(c, "INSERT INTO environment_secrets (env_id, secret, active, created_at) VALUES (?, ?, ?, ?)",
                        envId, secret, true, b.now().toEpochMilli());
                String fingerprint = Environments.fingerprint(secret);
                b.audit(envId, actor, "environment", envId, "secret_added", null, fingerprint, null);
                return Result.ok(fingerprint);
            });
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("secret-add").text(envId).text(Environments.fingerprint(secret));
        }
    }

    /**
     * Revokes the environment's active secret with this fingerprint (a rotation's last step): signatures
     * made with it are refused from the next request on. The last active secret cannot be revoked
     * (CONFLICT): add its successor first.
     */
    static final class RevokeSecret extends SecretChange {
        private final String fingerprint;

        RevokeSecret(String envId, String fingerprint, String actor) {
            super(envId, actor);
            this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public Result<String> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                java.util.List<String> active = TenantQueries.activeSecrets(c, envId);
                Optional<String> target = active.stream().filter(s -> Environments.fingerprint(s).equals(fingerprint)).findFirst();
                if (target.isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "Environment " + envId + " has no active secret " + fingerprint,
                            Map.of("env_id", envId, "fingerprint", fingerprint));
                }
                if (active.size() == 1) {
                    return Result.rejected(ErrorCode.CONFLICT, "Secret " + fingerprint + " is the environment's last active "
                            + "secret: add its successor first", Map.of("env_id", envId, "fingerprint", fingerprint));
                }
                update(c, "UPDATE environment_secrets SET active = ? WHERE env_id = ? AND secret = ?", false, envId, target.get());
                b.audit(envId, actor, "environment", envId, "secret_revoked", fingerprint, "revoked", null);
                return Result.ok(fingerprint);
            });
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("secret-revoke").text(envId).text(fingerprint);
        }
    }
}
