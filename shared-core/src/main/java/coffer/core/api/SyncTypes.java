package coffer.core.api;

import java.util.List;

/** Bodies of {@code GET /api/v1/sync} and the events of {@code GET /api/v1/events}. */
public final class SyncTypes {
    private SyncTypes() {
    }

    /**
     * One change: a movement or a wallet as it was right after commit {@code seq}. Apply changes in order;
     * a later change of the same id replaces the earlier one. A page's {@code limit} counts movements; each
     * wallet that changed within a page comes once, as the page's last commit touching it left it.
     *
     * @param type {@code "transaction"} (then {@code transaction} is set) or {@code "account"} (then {@code account})
     */
    public record SyncChange(long seq, String type, TransactionTypes.TransactionView transaction,
                             AccountTypes.AccountView account) {
    }

    /**
     * One page of the change feed.
     *
     * @param accounts   the caller's wallets as of {@code seq}: after applying this page, a client's copy of
     *                   each must equal these balances exactly
     * @param seq        the commit this page ends at
     * @param nextCursor pass as {@code ?cursor=} to continue; keep it after the last page to sync again later
     * @param hasMore    true when more changes are waiting: ask again at once
     */
    public record SyncPage(List<SyncChange> changes, List<AccountTypes.AccountView> accounts, long seq,
                           String nextCursor, boolean hasMore) {
        public SyncPage {
            changes = List.copyOf(changes);
            accounts = List.copyOf(accounts);
        }
    }

    /** Data of the {@code ready} and {@code changed} events: the latest commit number the server knows. */
    public record ChangedEvent(long seq) {
    }
}
