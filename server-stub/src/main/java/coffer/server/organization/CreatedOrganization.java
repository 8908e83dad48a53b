package coffer.server.organization;

import coffer.server.ledger.WalletSnapshot;

/** What creating an organization made: the organization and its first wallet. */
public record CreatedOrganization(StoredOrganization organization, WalletSnapshot wallet) {
}
