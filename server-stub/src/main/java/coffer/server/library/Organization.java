package coffer.server.library;

/**
 * An organization (seed 002's multi-tenant {@code Organization}): wallets held together, spent from by its
 * members. Ask {@link OrganizationService} for its wallets and members as they are now.
 *
 * @param currency its first wallet's currency
 */
public record Organization(String id, String name, String currency) {
}
