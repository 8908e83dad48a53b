package coffer.server.ledger;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which movements to list: those touching any of {@code walletIds}, narrowed by the optional filters.
 * Newest first. A page's cursor carries these filters, so the next page keeps them.
 *
 * @param kinds     only these kinds; empty for all
 * @param statuses  only these statuses; empty for all
 * @param from      created at or after, or null
 * @param to        created before, or null
 * @param minAmount at least this much (its currency must match), or null
 * @param maxAmount at most this much, or null
 * @param text      case-insensitive text in the description, reference, metadata, id or counterparty (the
 *                  other side's wallet id or owner's email), or null
 * @param limit     page size, 1 to 500
 */
public record HistoryQuery(List<String> walletIds, Set<TransactionKind> kinds, Set<TransactionStatus> statuses,
                           Instant from, Instant to, Money minAmount, Money maxAmount, String text, int limit) {

    public static final int MAX_LIMIT = 500;

    public HistoryQuery {
        walletIds = List.copyOf(walletIds);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (walletIds.isEmpty()) {
            throw new IllegalArgumentException("a history query needs at least one wallet");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (text != null && text.isBlank()) {
            text = null;
        }
    }

    /** Every movement of one wallet, {@code limit} at a time. */
    public static HistoryQuery of(String walletId, int limit) {
        return new HistoryQuery(List.of(walletId), Set.of(), Set.of(), null, null, null, null, null, limit);
    }
}
