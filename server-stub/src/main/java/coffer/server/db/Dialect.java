package coffer.server.db;

/** The two databases Coffer runs on, and the few places their SQL differs. */
public enum Dialect {
    /** The embedded default: one file, one writer. */
    SQLITE("db/migration/sqlite", "", ""),
    /** For several server processes sharing one database. */
    POSTGRESQL("db/migration/postgresql", " FOR UPDATE", " FOR NO KEY UPDATE");

    private final String migrations;
    private final String lockRows;
    private final String lockRowsKeepingKeys;

    Dialect(String migrations, String lockRows, String lockRowsKeepingKeys) {
        this.migrations = migrations;
        this.lockRows = lockRows;
        this.lockRowsKeepingKeys = lockRowsKeepingKeys;
    }

    /** The classpath folder of this dialect's versioned migrations. */
    String migrations() {
        return migrations;
    }

    /**
     * The clause that locks the selected rows of table alias {@code alias} until commit. SQLite needs
     * none: its write transaction already excludes every other writer.
     */
    public String lockRows(String alias) {
        return lockRows.isEmpty() ? "" : lockRows + " OF " + alias;
    }

    /**
     * Like {@link #lockRows}, but other transactions may still insert rows that refer to the locked ones
     * through a foreign key (PostgreSQL's {@code FOR NO KEY UPDATE}), so a row many tables point at can
     * be locked without holding those inserts up.
     */
    public String lockRowsKeepingKeys(String alias) {
        return lockRowsKeepingKeys.isEmpty() ? "" : lockRowsKeepingKeys + " OF " + alias;
    }

    /** The dialect for a JDBC URL. */
    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): "
                + DatabaseConfig.redact(jdbcUrl));
    }
}
