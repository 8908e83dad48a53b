package coffer.core.ledger;

/**
 * What an account in the ledger stands for. User wallets and escrow hold other people's money and can
 * never go below zero; the environment's provider clearing, merchant and fee accounts are the
 * ledger's side of the outside world and may.
 */
public enum AccountKind {
    /** A user's wallet in one currency. */
    USER_WALLET(false),
    /** Money in flight with the card/bank provider: debited by top-ups, credited by payouts. */
    PROVIDER_CLEARING(true),
    /** The partner's revenue from orders paid with wallets. */
    MERCHANT(true),
    /** Fees the partner takes. */
    FEES(true),
    /** Money held for an order until it is released to the seller or refunded. */
    ESCROW(false);

    private final boolean overdraftAllowed;

    AccountKind(boolean overdraftAllowed) {
        this.overdraftAllowed = overdraftAllowed;
    }

    /** True if the account's available balance may go below zero. */
    public boolean overdraftAllowed() {
        return overdraftAllowed;
    }

    /** True for the per-environment accounts that are not a user's wallet. */
    public boolean isSystemAccount() {
        return this != USER_WALLET;
    }
}
