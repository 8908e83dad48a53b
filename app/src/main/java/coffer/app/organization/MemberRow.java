package coffer.app.organization;

import coffer.app.format.Names;
import coffer.core.api.OrganizationTypes.MemberView;
import coffer.core.organization.OrganizationRole;

/**
 * One member of an organization as the members table shows it.
 *
 * @param email the member's email, or their user id for a user known only by a partner's id
 * @param role  as the API says it ({@code admin}); {@link #roleName()} in the user's language
 */
public record MemberRow(String userId, String email, String role) {
    static MemberRow of(MemberView m) {
        return new MemberRow(m.userId(), m.email() == null ? m.userId() : m.email(), m.role());
    }

    /** The role in the user's language: "Admin". */
    public String roleName() {
        return Names.role(role);
    }

    /** The role the rules go by; one this app does not know counts as an owner's, the most guarded. */
    OrganizationRole level() {
        return OrganizationRole.fromWire(role).orElse(OrganizationRole.OWNER);
    }
}
