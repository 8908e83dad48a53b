package coffer.core.api;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Objects;

/**
 * The user API's error body: {@code {"error": {"code": "INSUFFICIENT_BALANCE", "message": "..."}}}.
 *
 * @param error the code and message, never null
 */
public record ErrorBody(Detail error) {
    public ErrorBody {
        Objects.requireNonNull(error, "error");
    }

    /**
     * @param code    the {@link ErrorCode} name
     * @param message a human message
     */
    public record Detail(String code, String message) {
    }

    /** The body for a code and message. */
    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(new Detail(code.name(), message));
    }

    /** The body for a refusal. */
    public static ErrorBody of(CofferException e) {
        return of(e.code(), e.getMessage());
    }

    /** The code as the enum; {@link ErrorCode#INTERNAL} for a code this version does not know. */
    public ErrorCode code() {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(error.code())) {
                return c;
            }
        }
        return ErrorCode.INTERNAL;
    }
}
