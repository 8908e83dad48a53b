package coffer.server.ledger.tasks;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.AccountKind;
import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.core.wallet.WalletStatusRules;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.Ids;
import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.WalletStatusChange;
import coffer.server.ledger.engine.AccountState;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.DirectTask;
import coffer.server.ledger.engine.Holders;
import coffer.server.ledger.engine.TypedTask;
import coffer.server.ledger.query.LedgerQueries;
import coffer.server.ledger.rules.MoveRules;
import coffer.server.ledger.rules.SystemAccounts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static coffer.server.ledger.engine.DirectTask.update;

/**
 * Changes to wallets that are not money movements but must be serialised with them: opening one
 * ("create or get", so a repeat answers the wallet that exists), its status, and forgetting old
 * idempotency keys.
 */
public final class WalletTasks {
    private WalletTasks() {
    }

    /** Opens a wallet (or answers the user's existing one in that currency unless another is asked for). */
    public static final class OpenWallet extends DirectTask<WalletSnapshot> {
        private final NewWallet command;
        private final String envId;
        private final String userId;
        private final Currency currency;

        public OpenWallet(NewWallet command) {
            super(WalletSnapshot.class);
            this.command = command;
            this.envId = command.env().value();
            this.userId = command.user().value();
            this.currency = command.currency();
        }

        @Override
        public Result<WalletSnapshot> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                if (!LedgerQueries.isUser(c, envId, userId)) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "User " + userId + " was not found", Map.of("user_id", userId));
                }
                if (command.opening() == NewWallet.Opening.ONE_PER_CURRENCY) {
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
            return command.fingerprint();
        }
    }

    /** Moves a wallet between active, locked, suspended and closed, and audits the change. */
    public static final class SetWalletStatus extends TypedTask<WalletSnapshot> {
        private final WalletStatusChange change;
        private final String envId;
        private final String actingUserId;
        private final String walletId;
        private final WalletStatus target;
        private final StatusActor actor;
        private final String reason;

        public SetWalletStatus(WalletStatusChange change) {
            super(WalletSnapshot.class);
            this.change = change;
            this.envId = change.env().value();
            this.actingUserId = UserId.text(change.actingUser());
            this.walletId = change.wallet().value();
            this.target = change.status();
            this.actor = change.actor();
            this.reason = change.reason();
        }

        @Override
        public void declare(Batch b) {
            b.needAccount(walletId);
        }

        @Override
        public Result<WalletSnapshot> apply(Batch b) throws SQLException {
            AccountState a = b.account(walletId);
            if (a == null || !a.isUserWallet() || !a.envId.equals(envId)) {
                return MoveRules.notFound(walletId);
            }
            if (actingUserId != null && !actingUserId.equals(a.userId)) {
                // an organization's wallet: its owners and admins lock and unlock it, its other members may not, and to
                // anyone else it does not exist; none of its members closes it (it is the organization's, not theirs)
                Optional<OrganizationRole> role = a.userId == null ? Optional.empty() : b.memberRole(a.userId, actingUserId);
                if (role.isEmpty()) {
                    return MoveRules.notFound(walletId);
                }
                if (target == WalletStatus.CLOSED) {
                    return Result.rejected(ErrorCode.FORBIDDEN, "An organization's wallet is not closed by its members.",
                            Map.of("wallet_id", walletId));
                }
                if (!OrganizationRules.allows(role.get(), OrganizationAction.CHANGE_SETTINGS)) {
                    return OrganizationRules.check(role.get(), OrganizationAction.CHANGE_SETTINGS).asRejected();
                }
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
            return change.fingerprint();
        }
    }

    /** Forgets idempotency keys older than the retention period. */
    public static final class PurgeIdempotencyKeys extends DirectTask<Integer> {
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

    /** Forgets the per-minute outgoing sums no 24-hour window reaches any more. */
    public static final class PurgeOutgoingSums extends DirectTask<Integer> {
        public PurgeOutgoingSums() {
            super(Integer.class);
        }

        @Override
        public Result<Integer> apply(Batch b) throws SQLException {
            return b.direct(c -> Result.ok(Holders.purgeOutgoing(c, b.now())));
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("purge-outgoing-sums");
        }
    }
}
