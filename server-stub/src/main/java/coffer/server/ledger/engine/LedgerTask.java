package coffer.server.ledger.engine;

import coffer.core.error.Result;
import coffer.server.ledger.Fingerprint;

import java.sql.SQLException;

/**
 * One request to the ledger writer. In a batch, the writer first asks every task what rows it needs
 * ({@link #declare}), loads them once, then lets each task in turn decide ({@link #apply}).
 *
 * <p>A task that refuses must leave the batch as it found it: it checks everything before changing
 * anything. A task that throws fails its batch, which the writer then runs again task by task so the
 * fault stays with the one task that caused it.
 *
 * <p>Features plug their own tasks in from their own packages ({@code LedgerService.run}); the tasks read and
 * stage rows only through the {@link Batch} they are given.
 */
public interface LedgerTask<T> {

    /** Names the accounts, holds and transactions this task will read. */
    void declare(Batch batch);

    /** Decides, and on success records its changes in the batch. */
    Result<T> apply(Batch batch) throws SQLException;

    /** The type of a success, to store and replay answers to idempotent requests. */
    Class<T> resultType();

    /** The request's fields, to tell a replay under an idempotency key from a different request. */
    Fingerprint fingerprint();
}
