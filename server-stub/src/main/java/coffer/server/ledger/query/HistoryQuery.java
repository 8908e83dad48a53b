package coffer.server.ledger.query;

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
 * @param from      created at or after, or null; from {@link #EARLIEST} to {@link #LATEST}
 * @param to        created before, or null; from {@link #EARLIEST} to {@link #LATEST}
 * @param minAmount at least this much (its currency must match), or null
 * @param maxAmount at most this much, or null
 * @param text      case-insensitive text in the description, reference, metadata, id or counterparty (the
 *                  other side's wallet id or owner's email), or null
 * @param limit     page size, 1 to 500
 */
public record HistoryQuery(List<String> walletIds, Set<TransactionKind> kinds, Set<TransactionStatus> statuses,
                           Instant from, Instant to, Money minAmount, Money maxAmount, String text, int limit) {

    public static final int MAX_LIMIT = 500;
    /** The bounds of a date filter: four-digit years, well inside the epoch milliseconds the ledger stores. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1);

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
        if (outOfRange(from) || outOfRange(to)) {
            throw new IllegalArgumentException("from and to must be between " + EARLIEST + " and " + LATEST);
        }
        if (text != null && text.isBlank()) {
            text = null;
        }
    }

    /** True for an instant outside the years 0000 to 9999 (one far enough out overflows epoch milliseconds). */
    public static boolean outOfRange(Instant instant) {
        return instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST));
    }

    /** Every movement of one wallet, {@code limit} at a time. */
    public static HistoryQuery of(String walletId, int limit) {
        return new HistoryQuery(List.of(walletId), Set.of(), Set.of(), null, null, null, null, null, limit);
    }
}
