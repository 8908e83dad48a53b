package coffer.app.local;

import java.sql.SQLException;

/** The local database failed: the file is unreadable, full or locked by another process. */
public final class LocalStoreException extends RuntimeException {
    public LocalStoreException(String message, SQLException cause) {
        super(message, cause);
    }
}
