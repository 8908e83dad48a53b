package coffer.server.ledger;

/** The database could not be reached or failed; nothing was changed. Maps to 500 INTERNAL (or 503). */
public final class LedgerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(Throwable cause) {
        super("The ledger database is unavailable", cause);
    }
}
