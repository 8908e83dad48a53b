package coffer.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a newest-first page of rows ended: the last row's creation time (epoch milliseconds) and id. The
 * next page holds the rows ordered after it by {@code created_at DESC, id DESC} (keyset paging: a row
 * added meanwhile neither repeats nor hides another).
 */
public record Keyset(long createdMillis, String id) {
    public Keyset {
        Objects.requireNonNull(id, "id");
    }

    public static Keyset of(Instant createdAt, String id) {
        return new Keyset(createdAt.toEpochMilli(), id);
    }

    /**
     * The page in rows fetched with a limit of {@code limit + 1}: at most {@code limit} of them, and where
     * the next page starts when there were more (else null).
     */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, Keyset> position) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> rows = fetched.subList(0, limit);
        return new Page<>(rows, position.apply(rows.get(limit - 1)));
    }

    /** @param next where the next page starts, or null on the last page */
    public record Page<T>(List<T> rows, Keyset next) {
        public Page {
            rows = List.copyOf(rows);
        }
    }
}
