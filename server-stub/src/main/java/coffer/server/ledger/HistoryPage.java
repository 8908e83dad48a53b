package coffer.server.ledger;

import java.util.List;

/**
 * One page of history, newest first.
 *
 * @param nextCursor pass to get the next page with the same filters; null on the last page
 */
public record HistoryPage(List<Movement> movements, String nextCursor) {
    public HistoryPage {
        movements = List.copyOf(movements);
    }
}
