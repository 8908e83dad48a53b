package coffer.server.ledger.feed;

import coffer.server.ledger.WalletSnapshot;
import java.util.List;

/**
 * One page of a user's change feed, in commit order. A page always ends at a commit boundary: it holds
 * every change of every commit it covers, so {@code wallets} (the user's wallets as of {@code seq})
 * agree exactly with what a client has after applying every page up to this one.
 *
 * @param changes what changed after the requested commit, up to and including {@code seq}
 * @param wallets the user's wallets that existed at {@code seq}, with their status and balances then
 * @param seq     the commit this page ends at: ask for the changes after it next
 * @param hasMore true when changes after {@code seq} exist already
 */
public record FeedPage(List<FeedChange> changes, List<WalletSnapshot> wallets, long seq, boolean hasMore) {
    public FeedPage {
        changes = List.copyOf(changes);
        wallets = List.copyOf(wallets);
    }
}
