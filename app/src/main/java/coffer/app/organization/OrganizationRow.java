package coffer.app.organization;

import coffer.app.format.Names;
import coffer.core.api.OrganizationTypes.OrganizationSummary;

/**
 * An organization the user belongs to, as their list of organizations shows it.
 *
 * @param role the user's role in it as the API says it ({@code owner}); {@link #roleName()} in the user's language
 */
public record OrganizationRow(String id, String name, String role) {
    static OrganizationRow of(OrganizationSummary o) {
        return new OrganizationRow(o.id(), o.name(), o.role());
    }

    public String roleName() {
        return Names.role(role);
    }
}
