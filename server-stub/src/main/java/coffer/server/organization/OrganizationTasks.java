package coffer.server.organization;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.Ids;
import coffer.server.ledger.NewWallet;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.ledger.engine.Batch;
import coffer.server.ledger.engine.DirectTask;
import coffer.server.ledger.tasks.WalletTasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static coffer.server.ledger.engine.DirectTask.update;

/**
 * Changes to organizations, run in the ledger's writer so they are serialised with the movements that
 * read the members' roles. Each checks the caller's role itself, in the same transaction as its change:
 * a non-member is told the organization does not exist (NOT_FOUND), a member who may not is FORBIDDEN.
 * Every change of a membership is audited ({@code "organization"}, field {@code member:<user id>}).
 */
final class OrganizationTasks {
    static final String AUDIT_SUBJECT = "organization";

    private OrganizationTasks() {
    }

    /** Creates an organization owned by its creator, with the creator's KYC status and tier, and its first wallet. */
    static final class Create extends DirectTask<CreatedOrganization> {
        private final EnvId env;
        private final UserId creator;
        private final String name;
        private final Currency currency;

        Create(EnvId env, UserId creator, String name, Currency currency) {
            super(CreatedOrganization.class);
            this.env = Objects.requireNonNull(env, "env");
            this.creator = Objects.requireNonNull(creator, "creator");
            this.name = Objects.requireNonNull(name, "name");
            this.currency = Objects.requireNonNull(currency, "currency");
        }

        @Override
        public Result<CreatedOrganization> apply(Batch b) throws SQLException {
            Result<StoredOrganization> made = b.direct(c -> {
                Optional<String[]> kyc = kycOf(c, env.value(), creator.value());
                if (kyc.isEmpty()) {
                    return Result.rejected(ErrorCode.NOT_FOUND, "User " + creator.value() + " was not found",
                            Map.of("user_id", creator.value()));
                }
                String id = Ids.next(Ids.ORGANIZATION);
                long at = b.now().toEpochMilli();
                // the organization holds wallets as a user does: a users row, without email or password
                update(c, "INSERT INTO users (id, env_id, external_id, email, name, password_hash, kyc_status, kyc_tier, "
                                + "created_at) VALUES (?, ?, NULL, NULL, ?, NULL, ?, ?, ?)",
                        id, env.value(), name, kyc.get()[0], Integer.parseInt(kyc.get()[1]), at);
                update(c, "INSERT INTO organizations (id, env_id, name, currency, approval_threshold, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, NULL, ?, ?)", id, env.value(), name, currency.getCurrencyCode(), creator.value(), at);
                update(c, "INSERT INTO organization_members (organization_id, user_id, role, added_at) VALUES (?, ?, ?, ?)",
                        id, creator.value(), OrganizationRole.OWNER.wire(), at);
                b.audit(env.value(), creator.value(), AUDIT_SUBJECT, id, "member:" + creator.value(), null,
                        OrganizationRole.OWNER.wire(), "created the organization");
                return Result.ok(new StoredOrganization(id, env.value(), name, currency, null));
            });
            if (!made.isOk()) {
                return made.asRejected();
            }
            StoredOrganization organization = made.orThrow();
            Result<WalletSnapshot> wallet = new WalletTasks.OpenWallet(
                    NewWallet.inCurrency(env, new UserId(organization.id()), currency)).apply(b);
            return wallet.isOk() ? Result.ok(new CreatedOrganization(organization, wallet.orThrow())) : wallet.asRejected();
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("organization-create").text(env.value()).text(creator.value()).text(name)
                    .text(currency.getCurrencyCode());
        }

        private static Optional<String[]> kycOf(Connection c, String envId, String userId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT kyc_status, kyc_tier FROM users WHERE id = ? AND env_id = ?")) {
                ps.setString(1, userId);
                ps.setString(2, envId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new String[]{rs.getString(1), Integer.toString(rs.getInt(2))}) : Optional.empty();
                }
            }
        }
    }

    /**
     * A change asked by a member ({@code actor}) of an organization, or by the environment itself (a null
     * actor: its partner over the signed API, or the embedding application through the Java library), which
     * acts with an owner's authority over its environment's organizations and under the same rules (the last
     * owner stays). It locks the organization's holder row in the batch's lock order (on PostgreSQL), so two
     * changes of its members, or a change and a spend, take turns across processes.
     */
    private abstract static class ByMember<T> extends DirectTask<T> {
        /** Who an environment's own change is audited as. */
        static final String ENVIRONMENT_ACTOR = "partner";
        final String envId;
        final String actor;
        final String organizationId;

        /** @param actor the member asking, or null for the environment itself */
        ByMember(Class<T> type, EnvId env, UserId actor, String organizationId) {
            super(type);
            this.envId = Objects.requireNonNull(env, "env").value();
            this.actor = actor == null ? null : actor.value();
            this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        }

        @Override
        public void declare(Batch b) {
            b.needHolders(x -> List.of(new Batch.HolderNeed(organizationId, false)));
        }

        @Override
        public Result<T> apply(Batch b) throws SQLException {
            return b.direct(c -> {
                Optional<Membership> membership = actor == null
                        ? OrganizationQueries.organization(c, envId, organizationId).map(o -> new Membership(o, OrganizationRole.OWNER))
                        : OrganizationQueries.membership(c, envId, organizationId, actor);
                return membership.isEmpty() ? notFound(organizationId) : change(b, c, membership.get());
            });
        }

        String auditActor() {
            return actor == null ? ENVIRONMENT_ACTOR : actor;
        }

        /** The change, once the actor is known to be a member. */
        abstract Result<T> change(Batch b, Connection c, Membership actorsMembership) throws SQLException;

        void auditMember(Batch b, String userId, OrganizationRole before, OrganizationRole after) {
            b.audit(envId, auditActor(), AUDIT_SUBJECT, organizationId, "member:" + userId, before == null ? null : before.wire(),
                    after == null ? "removed" : after.wire(), null);
        }

        /** CONFLICT when {@code member}, an owner, is the organization's last one. */
        static Result<Member> keepAnOwner(Connection c, String organizationId, Member member, String what) throws SQLException {
            if (member.role() == OrganizationRole.OWNER && OrganizationQueries.members(c, organizationId).stream()
                    .filter(m -> m.role() == OrganizationRole.OWNER).count() == 1) {
                return Result.rejected(ErrorCode.CONFLICT, "The organization's last owner cannot " + what
                        + ": make another member an owner first", Map.of("user_id", member.userId()));
            }
            return Result.ok(member);
        }

        static Result<Member> existing(Connection c, String organizationId, String userId) throws SQLException {
            return OrganizationQueries.member(c, organizationId, userId).map(Result::ok)
                    .orElseGet(() -> Result.rejected(ErrorCode.NOT_FOUND, "User " + userId + " is not a member of the organization",
                            Map.of("user_id", userId)));
        }
    }

    /** Renames the organization and sets or removes its approval threshold. */
    static final class Update extends ByMember<StoredOrganization> {
        private final String name;
        private final boolean setThreshold;
        private final Long threshold;

        /**
         * @param name         the new name, or null to keep it
         * @param setThreshold whether to change the threshold, to {@code threshold} (null: none)
         */
        Update(EnvId env, UserId actor, String organizationId, String name, boolean setThreshold, Long threshold) {
            super(StoredOrganization.class, env, actor, organizationId);
            this.name = name;
            this.setThreshold = setThreshold;
            this.threshold = threshold;
        }

        @Override
        Result<StoredOrganization> change(Batch b, Connection c, Membership m) throws SQLException {
            Result<OrganizationRole> allowed = OrganizationRules.check(m.role(), OrganizationAction.CHANGE_SETTINGS);
            if (!allowed.isOk()) {
                return allowed.asRejected();
            }
            StoredOrganization before = m.organization();
            String newName = name == null ? before.name() : name;
            Long newThreshold = setThreshold ? threshold : before.approvalThreshold();
            StoredOrganization after = new StoredOrganization(before.id(), before.envId(), newName, before.currency(), newThreshold);
            if (!newName.equals(before.name())) {
                update(c, "UPDATE organizations SET name = ? WHERE id = ?", newName, organizationId);
                update(c, "UPDATE users SET name = ? WHERE id = ?", newName, organizationId);
                b.audit(envId, auditActor(), AUDIT_SUBJECT, organizationId, "name", before.name(), newName, null);
            }
            if (!Objects.equals(newThreshold, before.approvalThreshold())) {
                update(c, "UPDATE organizations SET approval_threshold = " + (newThreshold == null ? "NULL" : "?") + " WHERE id = ?",
                        newThreshold == null ? new Object[]{organizationId} : new Object[]{newThreshold, organizationId});
                b.audit(envId, auditActor(), AUDIT_SUBJECT, organizationId, "approval_threshold", before.approvalThresholdText(),
                        after.approvalThresholdText() == null ? "none" : after.approvalThresholdText(), null);
            }
            return Result.ok(after);
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("organization-update").text(envId).text(actor).text(organizationId).text(name)
                    .flag(setThreshold).text(threshold == null ? null : threshold.toString());
        }
    }

    /** Adds a user of the environment as a member with a role. */
    static final class AddMember extends ByMember<Member> {
        private final String userId;
        private final OrganizationRole role;

        AddMember(EnvId env, UserId actor, String organizationId, UserId user, OrganizationRole role) {
            super(Member.class, env, actor, organizationId);
            this.userId = Objects.requireNonNull(user, "user").value();
            this.role = Objects.requireNonNull(role, "role");
        }

        @Override
        Result<Member> change(Batch b, Connection c, Membership m) throws SQLException {
            Result<OrganizationRole> allowed = OrganizationRules.checkRoleChange(m.role(), null, role);
            if (!allowed.isOk()) {
                return allowed.asRejected();
            }
            if (OrganizationQueries.member(c, organizationId, userId).isPresent()) {
                return Result.rejected(ErrorCode.ALREADY_EXISTS, "The user is already a member of the organization",
                        Map.of("user_id", userId));
            }
            update(c, "INSERT INTO organization_members (organization_id, user_id, role, added_at) VALUES (?, ?, ?, ?)",
                    organizationId, userId, role.wire(), b.now().toEpochMilli());
            auditMember(b, userId, null, role);
            return existing(c, organizationId, userId);
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("organization-member-add").text(envId).text(actor).text(organizationId).text(userId)
                    .text(role.wire());
        }
    }

    /** Gives a member another role. */
    static final class ChangeRole extends ByMember<Member> {
        private final String userId;
        private final OrganizationRole role;

        ChangeRole(EnvId env, UserId actor, String organizationId, String userId, OrganizationRole role) {
            super(Member.class, env, actor, organizationId);
            this.userId = Objects.requireNonNull(userId, "userId");
            this.role = Objects.requireNonNull(role, "role");
        }

        @Override
        Result<Member> change(Batch b, Connection c, Membership m) throws SQLException {
            Result<Member> target = existing(c, organizationId, userId);
            if (!target.isOk()) {
                return target;
            }
            Member before = target.orThrow();
            Result<OrganizationRole> allowed = OrganizationRules.checkRoleChange(m.role(), before.role(), role);
            if (!allowed.isOk()) {
                return allowed.asRejected();
            }
            if (before.role() == role) {
                return target;
            }
            if (role != OrganizationRole.OWNER) {
                Result<Member> kept = keepAnOwner(c, organizationId, before, "be demoted");
                if (!kept.isOk()) {
                    return kept;
                }
            }
            update(c, "UPDATE organization_members SET role = ? WHERE organization_id = ? AND user_id = ?",
                    role.wire(), organizationId, userId);
            auditMember(b, userId, before.role(), role);
            return Result.ok(new Member(before.userId(), before.email(), role));
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("organization-member-role").text(envId).text(actor).text(organizationId).text(userId)
                    .text(role.wire());
        }
    }

    /** Removes a member; any member may leave (remove themselves), but the last owner cannot. */
    static final class RemoveMember extends ByMember<Member> {
        private final String userId;

        RemoveMember(EnvId env, UserId actor, String organizationId, String userId) {
            super(Member.class, env, actor, organizationId);
            this.userId = Objects.requireNonNull(userId, "userId");
        }

        @Override
        Result<Member> change(Batch b, Connection c, Membership m) throws SQLException {
            boolean leaving = userId.equals(actor);
            if (!leaving) {
                Result<OrganizationRole> manage = OrganizationRules.check(m.role(), OrganizationAction.MANAGE_MEMBERS);
                if (!manage.isOk()) {
                    return manage.asRejected();
                }
            }
            Result<Member> target = existing(c, organizationId, userId);
            if (!target.isOk()) {
                return target;
            }
            Member before = target.orThrow();
            if (!leaving) {
                Result<OrganizationRole> allowed = OrganizationRules.checkRoleChange(m.role(), before.role(), null);
                if (!allowed.isOk()) {
                    return allowed.asRejected();
                }
            }
            Result<Member> kept = keepAnOwner(c, organizationId, before, "leave");
            if (!kept.isOk()) {
                return kept;
            }
            update(c, "DELETE FROM organization_members WHERE organization_id = ? AND user_id = ?", organizationId, userId);
            auditMember(b, userId, before.role(), null);
            return target;
        }

        @Override
        public Fingerprint fingerprint() {
            return Fingerprint.of("organization-member-remove").text(envId).text(actor).text(organizationId).text(userId);
        }
    }

    private static <T> Result<T> notFound(String organizationId) {
        return Result.rejected(ErrorCode.NOT_FOUND, "Organization " + organizationId + " was not found",
                Map.of("organization_id", organizationId));
    }
}
