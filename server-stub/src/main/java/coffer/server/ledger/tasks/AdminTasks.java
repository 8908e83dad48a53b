package coffer.server.ledger.tasks;

import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.User;
import coffer.server.ledger.Environment;
import coffer.server.ledger.Environments;
import coffer.server.ledger.Ids;
import coffer.server.ledger.rules.MoveRules;
import coffer.server.ledger.rules.SystemAccounts;
import coffer.server.ledger.query.LedgerQueries;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.AccountState;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.ledger.AccountKind;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.core.wallet.WalletStatusRules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes that are not money movements but must be serialised with them: environments, users,
 * wallets, wallet status and KYC. Creations are "create or get", so repeating one (a partner retrying,
 * demo data seeded on every start) answers with what exists instead of failing.
 */
public final class AdminTasks {
    private AdminTasks() {
    }

    /** Base for tasks that only run their own SQL. */
    private abstract static class Direct<T> extends TypedTask<T> {
        Direct(Class<T> resultType) {
            super(resultType);
        }

        @Override
        public void declare(Batch batch) {
            // direct SQL reads what it needs inside its own savepoint
        }
    }

    public static final class EnsureEnvironment extends Direct<Environment> {
        private final String id;
        private final String name;
        private final String secret;
        private final String webhookUrl;
        private final KycLimitTable limits;

        public EnsureEnvironment(String id, String name, String secret, String webhookUrl, KycLimitTable limits) {

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
                Optional<Environment> existing = LedgerQueries.environment(c, id);
                if (existing.isPresent()) {
                    return Result.ok(existing.get());
                }
                long at = b.now().toEpochMilli();
                update(c, "INSERT INTO environments (id, name, webhook_url, created_at) VALUES (?, ?, ?, ?)", id, name, webhookUrl, at);
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

    public static final class EnsureUser extends Direct<User> {
        private final String envId;
        private final String externalId;
        private final String email;
        private final String name;
        private final String passwordHash;
        private final KycStatus kycStatus;
        private final KycTier kycTier;
        private final boolean mustBeNew;

        public EnsureUser(String envId, String externalId, String email, String name, String passwordHash,
                   KycStatus kycStatus, KycTier kycTier, boolean mustBeNew) {

            super(User.class);
            this.mustBeNew = mustBeNew;
            this.envId = Objects.requireNonNull(envId, "envId");
            if (externalId == null && email == null) {
                throw new IllegalArgumentException("a user needs an external id or an email");
            }
            this.externalId = externalId;
            this.email = email == null ? null : email.toLowerCase(Locale.ROOT);
            this.name = name;
            this.passwordHash = passwordHash;
            this.kycStatus = Objects.requireNonNull(kycStatus, "kycStatus");
            this.kycTier = kycTier == null ? KycTier.defaultFor(kycStatus) : kycTier;
        }

        @Override
        public Result<User> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                if (LedgerQueries.environment(c, envId).isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "Environment " + envId + " was not found",
                            Map.of("env_id", envId));
                }
                Optional<User> existing = externalId != null
                        ? LedgerQueries.userByExternalId(c, envId, externalId)
                        : LedgerQueries.userByEmail(c, envId, email);
                if (existing.isPresent()) {
                    return mustBeNew
                            ? Result.rejected(ErrorCode.ALREADY_EXISTS, "A user with this email already exists",
                                    email == null ? Map.of() : Map.of("email", email))
                            : Result.ok(existing.get());
                }
                if (email != null && externalId != null && LedgerQueries.userByEmail(c, envId, email).isPresent()) {
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
            return Fingerprint.of("user").text(envId).text(externalId).text(email).text(name).name(kycStatus).name(kycTier);
        }
    }

    /** Opens a wallet (or answers the user's existing one in that currency unless another is asked for). */
    public static final class OpenWallet extends Direct<WalletSnapshot> {
        private final String envId;
        private final String userId;
        private final Currency currency;
        private final boolean additional;

        public OpenWallet(String envId, String userId, Currency currency, boolean additional) {

            super(WalletSnapshot.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.userId = Objects.requireNonNull(userId, "userId");
            this.currency = Objects.requireNonNull(currency, "currency");
            this.additional = additional;
        }

        @Override
        public Result<WalletSnapshot> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                Optional<User> user = LedgerQueries.user(c, envId, userId);
                if (user.isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "User " + userId + " was not found", Map.of("user_id", userId));
                }
                if (!additional) {
                    Optional<WalletSnapshot> existing = LedgerQueries.walletsOf(c, envId, userId).stream()
                            .filter(w -> w.currency().equals(currency) && w.status() != WalletStatus.CLOSED).findFirst();
                    if (existing.isPresent()) {
                        return Result.ok(existing.get());
                    }
                }
                long at = b.now().toEpochMilli();
                for (AccountKind kind : AccountKind.values()) {
                    if (kind.isSystemAccount()) {
                        update(c, "INSERT INTO accounts (id, env_id, user_id, kind, currency, status, created_at, updated_at) "
                                        + "VALUES (?, ?, NULL, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                SystemAccounts.id(envId, kind, currency), envId, kind.name(), currency.getCurrencyCode(),
                                WalletStatus.ACTIVE.wireName(), at, at);
                    }
                }
                String id = Ids.next("wal");
                update(c, "INSERT INTO accounts (id, env_id, user_id, kind, currency, status, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        id, envId, userId, AccountKind.USER_WALLET.name(), currency.getCurrencyCode(),
                        WalletStatus.ACTIVE.wireName(), at, at);
                b.openedWallet(id, userId);
                return Result.ok(new WalletSnapshot(id, envId, userId, AccountKind.USER_WALLET, currency, WalletStatus.ACTIVE,
                        coffer.core.ledger.Balance.empty(currency)));
            });
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("wallet").text(envId).text(userId).text(currency.getCurrencyCode()).flag(additional);
        }
    }

    /** Moves a wallet between active, locked, suspended and closed, and audits the change. */
    public static final class SetWalletStatus extends TypedTask<WalletSnapshot> {
        private final String envId;
        private final String actingUserId;
        private final String walletId;
        private final WalletStatus target;
        private final StatusActor actor;
        private final String reason;

        public SetWalletStatus(String envId, String actingUserId, String walletId, WalletStatus target, StatusActor actor, String reason) {

            super(WalletSnapshot.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.actingUserId = actingUserId;
            this.walletId = Objects.requireNonNull(walletId, "walletId");
            this.target = Objects.requireNonNull(target, "target");
            this.actor = Objects.requireNonNull(actor, "actor");
            this.reason = reason;
        }

        @Override
        public void declare(Batch b) {
            b.needAccount(walletId);
        }

        @Override
        public Result<WalletSnapshot> apply(Batch b) {
            AccountState a = b.account(walletId);
            if (a == null || !a.isUserWallet() || !a.envId.equals(envId)
                    || (actingUserId != null && !actingUserId.equals(a.userId))) {
                return MoveRules.notFound(walletId);
            }
            Result<WalletStatus> allowed = WalletStatusRules.transition(a.status, a.statusSetBy, target, actor,
                    a.balance.isEmpty());
            if (!allowed.isOk()) {
                return allowed.asRejected();
            }
            WalletStatus before = a.status;
            a.status = target;
            a.statusSetBy = actor;
            b.changed(a);
            b.audit(envId, actor.name().toLowerCase(Locale.ROOT) + (actingUserId == null ? "" : ":" + actingUserId),
                    "wallet", walletId, "status", before.wireName(), target.wireName(), reason);
            return Result.ok(a.toWallet());
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("status").text(envId).text(actingUserId).text(walletId).name(target).name(actor).text(reason);
        }
    }

    /** Moves a user's KYC status (and tier) and audits it; the user's wallets get the new limits at once. */
    public static final class SetKyc extends Direct<User> {
        private final String envId;
        private final String userId;
        private final KycStatus target;
        private final KycTier tier;
        private final String actor;
        private final String reason;

        public SetKyc(String envId, String userId, KycStatus target, KycTier tier, String actor, String reason) {

            super(User.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.userId = Objects.requireNonNull(userId, "userId");
            this.target = Objects.requireNonNull(target, "target");
            this.tier = tier == null ? KycTier.defaultFor(target) : tier;
            this.actor = Objects.requireNonNull(actor, "actor");
            this.reason = reason;
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
                Optional<User> found = LedgerQueries.user(c, envId, userId);
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
            return Fingerprint.of("kyc").text(envId).text(userId).name(target).name(tier).text(actor).text(reason);
        }
    }

    public static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Forgets idempotency keys older than the retention period. */
    public static final class PurgeIdempotencyKeys extends Direct<Integer> {
        private final java.time.Duration keep;

        public PurgeIdempotencyKeys(java.time.Duration keep) {

            super(Integer.class);
            this.keep = keep;
        }

        @Override
        public Result<Integer> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_keys WHERE created_at < ?")) {
                    ps.setLong(1, b.now().minus(keep).toEpochMilli());
                    return Result.ok(ps.executeUpdate());
                }
            });
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("purge-idempotency").number(keep.toMillis());
        }
    }

    /** Adds an active signing secret to an environment (a rotation's first step), audited by fingerprint. */
    public static final class AddSecret extends Direct<String> {
        private final String envId;
        private final String secret;
        private final String actor;

        public AddSecret(String envId, String secret, String actor) {

            super(String.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.secret = Objects.requireNonNull(secret, "secret");
            this.actor = Objects.requireNonNull(actor, "actor");
        }

        @Override
        public Result<String> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                if (LedgerQueries.environment(c, envId).isEmpty()) {
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
    public static final class RevokeSecret extends Direct<String> {
        private final String envId;
        private final String fingerprint;
        private final String actor;

        public RevokeSecret(String envId, String fingerprint, String actor) {

            super(String.class);
            this.envId = Objects.requireNonNull(envId, "envId");
            this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
            this.actor = Objects.requireNonNull(actor, "actor");
        }

        @Override
        public Result<String> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                java.util.List<String> active = LedgerQueries.activeSecrets(c, envId);
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
