package coffer.server.library;

import coffer.core.organization.OrganizationAction;
import coffer.core.organization.OrganizationRole;
import coffer.core.organization.OrganizationRules;

/**
 * A member of an organization (seed 002's {@code OrganizationMember}) with their one role.
 *
 * @param userRef the embedding application's id for the user
 */
public record OrganizationMember(String userRef, OrganizationRole role) {

    /** Seed 002's {@code is_admin}: whether the member manages the organization's members (an owner or an admin). */
    public boolean isAdmin() {
        return OrganizationRules.allows(role, OrganizationAction.MANAGE_MEMBERS);
    }

    /** Whether the member may spend from the organization's wallets (every role but a viewer). */
    public boolean canSpend() {
        return OrganizationRules.allows(role, OrganizationAction.SPEND);
    }
}
