package coffer.server.ledger.query;

import java.util.Objects;

/**
 * Where a page of history ended, with the query it answers: the next page keeps the query's filters
 * and size.
 */
public record HistoryCursor(HistoryQuery query, HistoryPosition after) {
    public HistoryCursor {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
    }
}
