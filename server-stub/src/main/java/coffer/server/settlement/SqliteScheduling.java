package coffer.server.settlement;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler's SQL for SQLite, which the library does not detect: its default row limit
 * ({@code OFFSET ... FETCH FIRST}) is not SQLite's, so the limit is written as {@code LIMIT n}.
 * Timestamps are stored the way sqlite-jdbc stores them (milliseconds), read and compared alike.
 */
final class SqliteScheduling extends DefaultJdbcCustomization {
    SqliteScheduling() {
        super(false);
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String getName() {
        return "SQLite";
    }
}
