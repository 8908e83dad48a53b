package coffer.server.ledger.query;

import java.util.Objects;

/**
 * Where a page of history ended: the commit that created the page's last movement, and its id. History
 * lists movements by the commit that created them, newest first, ties by id (the order of each wallet's
 * changes, V18), so a movement created meanwhile neither repeats nor hides another.
 */
public record HistoryPosition(long createdSeq, String id) {
    public HistoryPosition {
        Objects.requireNonNull(id, "id");
        if (createdSeq < 1) {
            // commits are numbered from 1; a cursor of the order before V18 ({createdMillis, id}) reads as 0
            throw new IllegalArgumentException("not a position in history");
        }
    }
}
