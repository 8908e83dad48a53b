package coffer.server.ledger;

import coffer.core.error.Result;

/**
 * What a ledger call returned, and whether it is the stored answer to an earlier call with the same
 * idempotency key ({@code replayed}), in which case nothing was done again.
 */
public record Outcome<T>(Result<T> result, boolean replayed) {

    public static <T> Outcome<T> fresh(Result<T> result) {
        return new Outcome<>(result, false);
    }

    /** The value, or the refusal thrown as a {@link coffer.core.error.CofferException}. */
    public T orThrow() {
        return result.orThrow();
    }

    public boolean isOk() {
        return result.isOk();
    }
}
