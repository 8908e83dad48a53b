package coffer.server.organization;

import coffer.core.organization.OrganizationRole;

/** An organization as one of its members sees it: with their role in it. */
public record Membership(StoredOrganization organization, OrganizationRole role) {
}
