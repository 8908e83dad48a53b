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
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Organizations as their members use them (issue 18). Reads answer only a member; anyone else is told the
 * organization does not exist. Changes run as {@link OrganizationTasks} in the ledger's writer, which check
 * the caller's role again in their own transaction.
 */
public final class Organizations {
    private final LedgerService ledger;
    private final Tenants tenants;

    public Organizations(LedgerService ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.tenants = new Tenants(ledger);
    }

    /** A new organization owned by the caller, with its first wallet in {@code currency}. */
    Outcome<OrganizationTasks.Created> create(Principal p, String name, Currency currency, IdempotencyKey key) {
        return ledger.run(new OrganizationTasks.Create(new EnvId(p.envId()), new UserId(p.userId()), name, currency), key);
    }

    /** The caller's organizations, oldest membership first. */
    List<Membership> of(Principal p) {
        return ledger.read(c -> OrganizationQueries.of(c, p.envId(), p.userId()));
    }

    /** The organization with the caller's role in it, or NOT_FOUND when the caller is not a member. */
    Membership membership(Principal p, String id) {
        return ledger.read(c -> OrganizationQueries.membership(c, p.envId(), id, p.userId()))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Organization " + id + " was not found.",
                        Map.of("organization_id", id)));
    }

    List<WalletSnapshot> wallets(Organization organization) {
        return ledger.wallets(organization.envId(), organization.id());
    }

    List<Member> members(Organization organization) {
        return ledger.read(c -> OrganizationQueries.members(c, organization.id()));
    }

    Result<Organization> update(Principal p, String id, String name, boolean setThreshold, Long threshold) {
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
}
