package coffer.server.ledger.query;

import coffer.server.ledger.Movement;
import java.util.List;

/**
 * One page of history, newest first.
 *
 * @param next  where the next page starts, with the same filters; null on the last page
 * @param query the query this page answers (for a later page, the one its cursor carried)
 */
public record HistoryPage(List<Movement> movements, HistoryCursor next, HistoryQuery query) {
    public HistoryPage {
        movements = List.copyOf(movements);
    }
}
