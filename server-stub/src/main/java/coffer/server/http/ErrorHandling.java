package coffer.server.http;

import coffer.core.api.ErrorBody;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.db.DatabaseUnavailableException;
import com.google.gson.JsonParseException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: every error body is
 * {@code {"error": {"code": ..., "message": ...}}} with a code from the shared {@link ErrorCode},
 * unless the route belongs to a seed surface with its own error shape: such a surface sets its
 * {@link Style} on the request ({@link #useStyle}) and the same failure is drawn in that shape, still
 * with the shared code. Unexpected exceptions are logged with their stack trace and answered 500
 * without internals.
 */
public final class ErrorHandling {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private static final String STYLE = "coffer.errorStyle";

    /** How a surface draws an error: the status and body for a code and message. */
    @FunctionalInterface
    public interface Style {
        void answer(Context ctx, ErrorCode code, String message);
    }

    /** Draws this request's errors in {@code style} (call from the surface's before-handler). */
    public static void useStyle(Context ctx, Style style) {
        ctx.attribute(STYLE, style);
    }

    private ErrorHandling() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(CofferException.class, (e, ctx) -> answer(ctx, e.code(), e.getMessage()));
        routes.exception(JsonParseException.class, (e, ctx) ->
                answer(ctx, ErrorCode.INVALID_REQUEST, "The request body is not valid JSON of the expected shape."));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, codeFor(e.getStatus()), e.getMessage()));
        routes.exception(DatabaseUnavailableException.class, (e, ctx) -> {
            log.error("{} {}: database unavailable", ctx.method(), ctx.path(), e);
            answer(ctx, ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.defaultMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage());
        });
        // a route that does not exist, or a status set without a body
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, ErrorCode.NOT_FOUND, "No such resource: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /** Answers with {@code code}'s HTTP status and the shared error body, or the surface's own shape. */
    public static void answer(Context ctx, ErrorCode code, String message) {
        String text = message == null || message.isBlank() ? code.defaultMessage() : message;
        Style style = ctx.attribute(STYLE);
        if (style != null) {
            style.answer(ctx, code, text);
            return;
        }
        ctx.status(code.httpStatus()).json(ErrorBody.of(code, text));
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
    }
}
