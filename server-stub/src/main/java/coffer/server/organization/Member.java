package coffer.server.organization;

import coffer.core.organization.OrganizationRole;

/** A member of an organization: a user of its environment with one role. */
public record Member(String userId, String email, OrganizationRole role) {
}
