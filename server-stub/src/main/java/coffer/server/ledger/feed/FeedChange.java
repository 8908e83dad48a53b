package coffer.server.ledger.feed;

import coffer.server.ledger.Movement;
import coffer.server.ledger.WalletSnapshot;

/**
 * One entry of the change feed: a movement or a user wallet as it was right after commit {@code seq}.
 * Exactly one of {@code movement} and {@code wallet} is set.
 */
public record FeedChange(long seq, Movement movement, WalletSnapshot wallet) {
    public FeedChange {
        if ((movement == null) == (wallet == null)) {
            throw new IllegalArgumentException("a change is either a movement or a wallet");
        }
    }
}
