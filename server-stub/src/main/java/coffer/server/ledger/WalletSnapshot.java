package coffer.server.ledger;

import coffer.core.ledger.AccountKind;
import coffer.core.ledger.Balance;
import coffer.core.wallet.WalletStatus;

import java.util.Currency;

/**
 * An account as read from the ledger at one moment: a user's wallet ({@code userId} set) or a system account.
 * (The library facade's public {@code coffer.server.library.Wallet} is what its callers see of one.)
 *
 * @param balance posted, pending and available amounts at the time of reading
 */
public record WalletSnapshot(String id, String envId, String userId, AccountKind kind, Currency currency,
                             WalletStatus status, Balance balance) {

    /** The organization that holds this wallet, or null when a user (or the environment) does. */
    public String organizationId() {
        return Ids.isOrganization(userId) ? userId : null;
    }
}
