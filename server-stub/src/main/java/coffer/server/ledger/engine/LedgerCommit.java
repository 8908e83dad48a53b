package coffer.server.ledger.engine;

import java.util.Set;

/**
 * What one committed batch changed, as told to commit listeners ({@code LedgerService.onCommit}).
 *
 * @param seq      the commit's change-feed number ({@code GET /api/v1/sync} pages end on such numbers)
 * @param userIds  owners of the user wallets whose movements, balances or status changed
 * @param accounts every account (user wallet or system account) the commit touched
 */
public record LedgerCommit(long seq, Set<String> userIds, Set<String> accounts) {
    public LedgerCommit {
        userIds = Set.copyOf(userIds);
        accounts = Set.copyOf(accounts);
    }

    /** Both commits as one: the later number and everyone either touched. */
    public LedgerCommit merge(LedgerCommit later) {
        Set<String> users = new java.util.HashSet<>(userIds);
        users.addAll(later.userIds);
        Set<String> all = new java.util.HashSet<>(accounts);
        all.addAll(later.accounts);
        return new LedgerCommit(Math.max(seq, later.seq), users, all);
    }
}
