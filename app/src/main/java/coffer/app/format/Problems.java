package coffer.app.format;

import coffer.app.api.ApiException;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

/** What to tell the user when something failed. */
public final class Problems {
    private Problems() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof ApiException e) {
            return e.getMessage();
        }
        if (failure instanceof CofferException e) {
            return e.getMessage();
        }
        return "Something went wrong: " + (failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName());
    }

    /** A payment's {@code failure_reason} (an ErrorCode name) in words. */
    public static String reason(String failureReason) {
        if (failureReason == null) {
            return "no reason given";
        }
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(failureReason)) {
                return c.defaultMessage();
            }
        }
        return failureReason;
    }
}
