package coffer.app.api;

import coffer.core.error.ErrorCode;
import java.util.Objects;

/**
 * Every way a call to the server can fail, sorted into what the user can act on. The message is
 * readable as it is; it never holds a token or a card number.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the user's point of view. */
    public enum Kind {
        /** Not signed in, or the session ended: sign in again. */
        UNAUTHENTICATED,
        /** The server said no, with a reason ({@link #code()}). */
        REFUSED,
        /** The server failed (5xx or an answer it should not have sent). */
        SERVER_ERROR,
        /** The server could not be reached. */
        NETWORK_DOWN
    }

    private final Kind kind;
    private final ErrorCode code;

    ApiException(Kind kind, ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    static ApiException unauthenticated(String message) {
        return new ApiException(Kind.UNAUTHENTICATED, ErrorCode.UNAUTHORIZED, message, null);
    }

    static ApiException refused(ErrorCode code, String message) {
        return new ApiException(Kind.REFUSED, Objects.requireNonNull(code, "code"), message, null);
    }

    static ApiException serverError(String message) {
        return new ApiException(Kind.SERVER_ERROR, ErrorCode.INTERNAL, message, null);
    }

    static ApiException networkDown(Throwable cause) {
        return new ApiException(Kind.NETWORK_DOWN, null,
                "The Coffer server cannot be reached. Check the connection and try again.", cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's reason for {@link Kind#REFUSED} ({@code UNAUTHORIZED}/{@code INTERNAL} for the others); null when the network is down. */
    public ErrorCode code() {
        return code;
    }
}
