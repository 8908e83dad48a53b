package coffer.server.organization;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.organization.OrganizationRole;
import coffer.server.auth.Principal;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.payment.PaymentLedger;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.server.withdrawal.Payouts;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Organizations (issue 18): the one service behind every surface that uses them — the user API (as their
 * members), the signed partner API and the Java library (as the environment itself). Reads answer only a
 * member; anyone else is told the organization does not exist. Changes run as {@link OrganizationTasks} in
 * the ledger's writer, which check the caller's role again in their own transaction. The environment acts
 * with an owner's authority over its own organizations, under the same rules; another environment's
 * organization does not exist for it.
 */
public final class Organizations {
    /** Longest name an organization may have. */
    public static final int MAX_NAME = 100;
    private final LedgerService ledger;
    private final Tenants tenants;
    private final PaymentLedger payments;
    private final Payouts payouts;

    /**
     * @param payments the payments on the same ledger, and {@code payouts} its withdrawals: the organizations'
     *                 approvals lists show theirs
     */
    public Organizations(LedgerService ledger, PaymentLedger payments, Payouts payouts) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.tenants = new Tenants(ledger);
        this.payments = Objects.requireNonNull(payments, "payments");
        this.payouts = Objects.requireNonNull(payouts, "payouts");
    }

    /** A new organization owned by the caller, with its first wallet in {@code currency}. */
    Outcome<CreatedOrganization> create(Principal p, String name, Currency currency, IdempotencyKey key) {
        return createFor(new EnvId(p.envId()), new UserId(p.userId()), name, currency, key);
    }

    /** A new organization of the environment owned by its user {@code owner}, with its first wallet in {@code currency}. */
    public Outcome<CreatedOrganization> createFor(EnvId env, UserId owner, String name, Currency currency, IdempotencyKey key) {
        return ledger.run(new OrganizationTasks.Create(env, owner, name(name), currency), key);
    }

    /** The caller's organizations, oldest membership first. */
    List<Membership> of(Principal p) {
        return ledger.read(c -> OrganizationQueries.of(c, p.envId(), p.userId()));
    }

    /** The organization with the caller's role in it, or NOT_FOUND when the caller is not a member. */
    public Membership membership(Principal p, String id) {
        return ledger.read(c -> OrganizationQueries.membership(c, p.envId(), id, p.userId())).orElseThrow(() -> notFound(id));
    }

    /** The environment's organization, or NOT_FOUND when it has none with this id (another environment's included). */
    public StoredOrganization organization(EnvId env, String id) {
        return ledger.read(c -> OrganizationQueries.organization(c, env.value(), id)).orElseThrow(() -> notFound(id));
    }

    /**
     * What waits for an owner's or admin's decision: the payments and withdrawals from the organization's wallets
     * awaiting approval. Every member may read it; anyone else is told the organization does not exist.
     */
    OrganizationApprovals approvals(Principal p, String id) {
        String organization = membership(p, id).organization().id();
        return new OrganizationApprovals(payments.awaitingApproval(p.envId(), organization),
                payouts.awaitingApproval(p.envId(), organization));
    }

    public List<WalletSnapshot> wallets(StoredOrganization organization) {
        return ledger.wallets(organization.envId(), organization.id());
    }

    public List<Member> members(StoredOrganization organization) {
        return ledger.read(c -> OrganizationQueries.members(c, organization.id()));
    }

    Result<StoredOrganization> update(Principal p, String id, String name, boolean setThreshold, Long threshold) {
        return ledger.run(new OrganizationTasks.Update(new EnvId(p.envId()), new UserId(p.userId()), id, name, setThreshold,
                threshold), null).result();
    }

    /** Adds the environment's user with {@code email}; NOT_FOUND when there is none. */
    Outcome<Member> addMember(Principal p, String id, String email, OrganizationRole role, IdempotencyKey key) {
        User user = tenants.userByEmail(new EnvId(p.envId()), email)
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "No user with this email was found.",
                        Map.of("email", email)));
        return ledger.run(new OrganizationTasks.AddMember(new EnvId(p.envId()), new UserId(p.userId()), id,
                new UserId(user.id()), role), key);
    }

    Result<Member> changeRole(Principal p, String id, String userId, OrganizationRole role) {
        return ledger.run(new OrganizationTasks.ChangeRole(new EnvId(p.envId()), new UserId(p.userId()), id, userId, role),
                null).result();
    }

    Result<Member> removeMember(Principal p, String id, String userId) {
        return ledger.run(new OrganizationTasks.RemoveMember(new EnvId(p.envId()), new UserId(p.userId()), id, userId),
                null).result();
    }

    /** The environment adds its user {@code user} to its organization {@code id}, as an owner may. */
    public Outcome<Member> addMemberFor(EnvId env, String id, UserId user, OrganizationRole role, IdempotencyKey key) {
        return ledger.run(new OrganizationTasks.AddMember(env, null, id, user, role), key);
    }

    /** The environment removes its user {@code userId} from its organization {@code id}; the last owner stays. */
    public Result<Member> removeMemberFor(EnvId env, String id, String userId) {
        return ledger.run(new OrganizationTasks.RemoveMember(env, null, id, userId), null).result();
    }

    /** An organization's name as given, stripped: 1 to {@link #MAX_NAME} characters, else INVALID_REQUEST. */
    public static String name(String name) {
        String stripped = Objects.requireNonNull(name, "name").strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'name' must be 1 to " + MAX_NAME + " characters.",
                    Map.of("field", "name"));
        }
        return stripped;
    }

    /** A role by its wire name, else INVALID_REQUEST. */
    public static OrganizationRole role(String wire) {
        return OrganizationRole.fromWire(Objects.requireNonNull(wire, "role")).orElseThrow(() -> new CofferException(
                ErrorCode.INVALID_REQUEST, "'role' must be owner, admin, member or viewer.", Map.of("field", "role")));
    }

    private static CofferException notFound(String id) {
        return new CofferException(ErrorCode.NOT_FOUND, "Organization " + id + " was not found.", Map.of("organization_id", id));
    }
}
