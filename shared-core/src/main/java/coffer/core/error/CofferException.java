package coffer.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception type of Coffer's domain: a refusal with an {@link ErrorCode}, a human message and
 * the context needed to understand it (for a currency mismatch, both currencies). Unchecked, because
 * a caller either handles the code or lets the surface map it to an error response.
 *
 * <p>Expected rejections inside the ledger travel as {@link Result} values; this exception is for
 * validation at the edges (parsing, factories) and for surfaces that prefer throwing.
 */
public final class CofferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Map<String, String> context;

    /**
     * @param code    the reason, never null
     * @param message a human message, never null
     * @param context extra facts, copied; keys and values never null
     */
    public CofferException(ErrorCode code, String message, Map<String, String> context) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
    }

    /** A refusal with no extra context. */
    public CofferException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** A refusal with the code's default message. */
    public static CofferException of(ErrorCode code) {
        return new CofferException(code, code.defaultMessage());
    }

    /** The reason for the refusal. */
    public ErrorCode code() {
        return code;
    }

    /** Extra facts about the refusal, in insertion order; never null, unmodifiable. */
    public Map<String, String> context() {
        return context;
    }

    /** The same refusal as a {@link Result.Rejected}. */
    public <T> Result<T> toResult() {
        return Result.rejected(code, getMessage(), context);
    }
}
