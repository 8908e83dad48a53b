package coffer.app.organization;

import coffer.app.format.Names;
import coffer.app.i18n.Texts;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;
import java.util.Objects;

/**
 * Who the screens act for: the signed-in user themself, or one of the organizations they belong to, with their role
 * in it. The holder switcher offers one of each; every screen shows and spends from the chosen holder's wallets.
 *
 * @param organizationId null for the user themself
 * @param name           the user's email, or the organization's name
 * @param role           the user's role in the organization (owner for the user themself: all is theirs)
 */
public record Holder(String organizationId, String name, OrganizationRole role) {
    public Holder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The signed-in user themself. */
    public static Holder me(String email) {
        return new Holder(null, email, OrganizationRole.OWNER);
    }

    /** An organization the user belongs to; an unknown role reads as the least one, viewer. */
    public static Holder organization(String id, String name, String role) {
        return new Holder(Objects.requireNonNull(id, "id"), name, OrganizationRole.fromWire(role).orElse(OrganizationRole.VIEWER));
    }

    public boolean isMe() {
        return organizationId == null;
    }

    /** Whether {@code wallet} is this holder's: the user's own, or the organization's. */
    public boolean holds(AccountView wallet) {
        return Objects.equals(wallet.organizationId(), organizationId);
    }

    /** Whether the user may do {@code action} for this holder (always, for themself). */
    public boolean may(OrganizationAction action) {
        return isMe() || OrganizationRules.allows(role, action);
    }

    /** How the switcher names it: "Me (alice@example.com)", "Trip to Lisbon — admin". */
    @Override
    public String toString() {
        return isMe() ? Texts.text("holder.me", name) : Texts.text("holder.organization", name, Names.role(role.wire()));
    }
}
