package coffer.server.db;

/**
 * The database could not be reached or failed a statement; what the statement would have changed was not
 * changed. HTTP answers it 503 UNAVAILABLE.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super("The database is unavailable", cause);
    }
}
