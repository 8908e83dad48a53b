package coffer.server.history;

import coffer.core.api.TransactionTypes.TransactionView;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.WalletOwner;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Movements as one user sees them: from the side of their own wallet, with the other side named by
 * email or wallet id. Used by the transaction list, its export and the sync feed, so all three agree.
 */
public final class TransactionViews {
    private TransactionViews() {
    }

    /**
     * @param userId    the caller
     * @param side      the caller's wallets to show the movements from (a movement between two of them is
     *                  seen from the sending one)
     * @param movements movements touching {@code side}
     */
    public static List<TransactionView> of(LedgerService ledger, String envId, String userId, Collection<String> side,
                                           List<Movement> movements) {
        Set<String> sideSet = Set.copyOf(side);
        Set<String> others = movements.stream().map(m -> other(m, sideSet)).collect(Collectors.toSet());
        Map<String, WalletOwner> owners = ledger.walletOwners(envId, others);
        return movements.stream().map(m -> view(m, sideSet, owners, userId)).toList();
    }

    static TransactionView view(Movement m, Set<String> side, Map<String, WalletOwner> owners, String userId) {
        boolean out = side.contains(m.debitAccount());
        String other = out ? m.creditAccount() : m.debitAccount();
        WalletOwner owner = owners.get(other);
        String counterparty = null;
        if (owner != null) {
            counterparty = owner.email() == null || owner.userId().equals(userId) ? owner.walletId() : owner.email();
        }
        return new TransactionView(m.id(), m.kind().wire(), m.status().wire(), m.amount().toDecimalString(),
                m.amount().currencyCode(), out ? "out" : "in", counterparty, owner == null ? null : owner.walletId(),
                m.description(), m.reference(), text(m.createdAt()), text(m.completedAt()),
                out ? m.debitAccount() : m.creditAccount(), m.failureReason());
    }

    private static String other(Movement m, Set<String> side) {
        return side.contains(m.debitAccount()) ? m.creditAccount() : m.debitAccount();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
