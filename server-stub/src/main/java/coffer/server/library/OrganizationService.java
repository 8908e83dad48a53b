package coffer.server.library;

import coffer.core.error.CofferException;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationRole;
import coffer.server.auth.Principal;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.organization.CreatedOrganization;
import coffer.server.organization.SpendingWithoutApproval;
import coffer.server.organization.Member;
import coffer.server.organization.Organizations;
import coffer.server.tenant.User;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Seed 002's multi-tenant pattern: organizations whose wallets their members spend from. The application acts
 * as its environment, with an owner's authority over its organizations (it creates them for a user, who owns
 * them, and adds and removes members), through the same {@link Organizations} service and rules as the HTTP
 * surfaces: the last owner stays, a viewer may not spend. A payment is made as a member, and checked as
 * the member's own in the ledger; a user who is not a member gets {@link NotAMemberException}.
 *
 * <pre>{@code
 * OrganizationService orgs = coffer.organizations();
 * Organization team = orgs.createOrganization("ada", "Team");
 * orgs.addMember(team, "grace", false);
 * orgs.pay(team, "grace", new BigDecimal("12.50"), "Team lunch");   // from the organization's wallet
 * }</pre>
 */
public final class OrganizationService {
    private final Library lib;
    private final Organizations organizations;

    OrganizationService(Library lib, Organizations organizations) {
        this.lib = lib;
        this.organizations = Objects.requireNonNull(organizations, "organizations");
    }

    /** A new organization owned by {@code ownerRef} (created on first use), with a wallet in the default currency. */
    public Organization createOrganization(String ownerRef, String name) {
        return createOrganization(ownerRef, name, lib.config.defaultCurrency().getCurrencyCode());
    }

    /** A new organization owned by {@code ownerRef} (created on first use), with its first wallet in {@code currency}. */
    public Organization createOrganization(String ownerRef, String name, String currency) {
        Currency c = Library.typed(() -> Currencies.of(currency));
        User owner = lib.user(ownerRef);
        CreatedOrganization created = Library.orThrow(Library.typed(() -> organizations.createFor(env(), new UserId(owner.id()),
                Objects.requireNonNull(name, "name"), c, null).result()));
        return view(created.organization());
    }

    /** The organization as it is now; NOT_FOUND when the environment has none with this id. */
    public Organization getOrganization(String organizationId) {
        return view(organization(organizationId));
    }

    /** Seed 002's {@code organization.wallet}: its wallet in its own currency. */
    public Wallet getWallet(Organization organization) {
        var o = organization(organization.id());
        return organizations.wallets(o).stream().filter(w -> w.currency().equals(o.currency())).findFirst()
                .map(w -> WalletService.view(w, o.id())).orElseThrow();
    }

    /** All of the organization's wallets. */
    public List<Wallet> getWallets(Organization organization) {
        var o = organization(organization.id());
        return organizations.wallets(o).stream().map(w -> WalletService.view(w, o.id())).toList();
    }

    /** Its members, oldest first, each with their role. */
    public List<OrganizationMember> getMembers(Organization organization) {
        var o = organization(organization.id());
        return organizations.members(o).stream().map(this::view).toList();
    }

    /** Whether the user is a member, in any role. */
    public boolean isMember(Organization organization, String userRef) {
        return membership(organization, userRef) != null;
    }

    /** Seed 002's {@code OrganizationMember(is_admin=...)}: an admin, or a member who may spend. */
    public OrganizationMember addMember(Organization organization, String userRef, boolean isAdmin) {
        return addMember(organization, userRef, isAdmin ? OrganizationRole.ADMIN : OrganizationRole.MEMBER);
    }

    /** Adds the user (created on first use) with a role; ALREADY_EXISTS when they are a member already. */
    public OrganizationMember addMember(Organization organization, String userRef, OrganizationRole role) {
        Objects.requireNonNull(role, "role");
        var o = organization(organization.id());
        User user = lib.user(userRef);
        return view(Library.orThrow(organizations.addMemberFor(env(), o.id(), new UserId(user.id()), role, null).result()));
    }

    /** Removes a member: they no longer see or spend from its wallets. The last owner cannot leave (CONFLICT). */
    public void removeMember(Organization organization, String userRef) {
        var o = organization(organization.id());
        User user = lib.tenants.userByExternalId(env(), userRef).orElseThrow(NotAMemberException::new);
        Library.orThrow(organizations.removeMemberFor(env(), o.id(), user.id()));
    }

    /**
     * Money out of the organization's wallet ({@link #getWallet}) paid by {@code memberRef}, for a purchase: checked
     * as any payment (the member's role, the organization's balance and limits) and recorded with the member who
     * paid. {@link NotAMemberException} when the user is not a member; FORBIDDEN for a viewer.
     */
    public Transaction pay(Organization organization, String memberRef, BigDecimal amount, String description) {
        User member = membership(organization, memberRef);
        if (member == null) {
            throw new NotAMemberException();
        }
        Wallet wallet = getWallet(organization);
        Money money = Library.money(amount, Currencies.of(wallet.currency()));
        Library.typed(() -> {
            SpendingWithoutApproval.require(lib.ledger, lib.env(), wallet.id(), member.id(), money);
            return null;
        });
        return Library.transaction(Library.orThrow(lib.ledger.withdraw(new SystemMoveCommand(env(), new UserId(member.id()),
                new WalletId(wallet.id()), money, Memo.description(description)), null).result()));
    }

    /** The user when they are a member of the organization, else null. */
    private User membership(Organization organization, String userRef) {
        Objects.requireNonNull(userRef, "userRef");
        User user = lib.tenants.userByExternalId(env(), userRef).orElse(null);
        if (user == null) {
            return null;
        }
        try {
            organizations.membership(new Principal(lib.env(), user.id(), "library"), organization.id());
            return user;
        } catch (CofferException notFound) {
            return null;
        }
    }

    private coffer.server.organization.StoredOrganization organization(String id) {
        return Library.typed(() -> organizations.organization(env(), Objects.requireNonNull(id, "organizationId")));
    }

    private EnvId env() {
        return new EnvId(lib.env());
    }

    private OrganizationMember view(Member m) {
        return new OrganizationMember(lib.userRef(m.userId()), m.role());
    }

    private static Organization view(coffer.server.organization.StoredOrganization o) {
        return new Organization(o.id(), o.name(), o.currency().getCurrencyCode());
    }
}
