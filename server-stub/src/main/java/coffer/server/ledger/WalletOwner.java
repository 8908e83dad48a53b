package coffer.server.ledger;

/**
 * Who holds a user wallet, as the other side of a movement is shown.
 *
 * @param email the owner's email, or null for a user known only by a partner's id
 */
public record WalletOwner(String walletId, String userId, String email) {
}
