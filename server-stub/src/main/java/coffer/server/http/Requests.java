package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.json.RequestBodies;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Outcome;
import com.google.gson.JsonElement;
import io.javalin.http.Context;

/**
 * Reading requests and writing answers the same way on every route: strict JSON bodies into
 * shared-core's request records, the signed-in caller, the {@code Idempotency-Key} header, and
 * {@link Outcome}s answered with {@code Idempotent-Replayed: true} when they are a stored replay.
 * Controllers (the {@code *Routes} classes) use it and hand services typed values; services never see it
 * (an ArchUnit rule keeps it so). What reads a body without HTTP lives in {@link RequestBodies}.
 */
public final class Requests {
    /** The attribute under which the authentication filter stores the caller. */
    static final String PRINCIPAL = "coffer.principal";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private Requests() {
    }

    /** The body as {@code type}, read strictly ({@link RequestBodies#read(String, Class)}); INVALID_REQUEST if it is not. */
    public static <T extends Record> T body(Context ctx, Class<T> type) {
        return RequestBodies.read(ctx.body(), type);
    }

    /** One object of a request that carries several, such as a batch, read as strictly as {@link #body}. */
    public static <T extends Record> T read(JsonElement tree, Class<T> type) {
        return RequestBodies.read(tree, type);
    }

    /** {@code value}, or INVALID_REQUEST naming the missing field ({@link RequestBodies#required}). */
    public static <T> T required(T value, String field) {
        return RequestBodies.required(value, field);
    }

    /** An amount of money from a request ({@link RequestBodies#positiveAmount}). */
    public static Money positiveAmount(String amount, String currency) {
        return RequestBodies.positiveAmount(amount, currency);
    }

    /** An absolute http(s) URL of at most 2000 characters ({@link RequestBodies#httpUrl}). */
    public static java.net.URI httpUrl(String text, String field) {
        return RequestBodies.httpUrl(text, field);
    }

    /** The signed-in caller; the authentication filter has already refused anyone else. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new CofferException(ErrorCode.UNAUTHORIZED, "A Bearer access token is required.");
        }
        return p;
    }

    /** The caller's {@code Idempotency-Key}, or null when none was sent. */
    public static IdempotencyKey idempotencyKey(Context ctx, Principal principal) {
        return IdempotencyKey.ofNullable(principal.idempotencyScope(), ctx.header(IDEMPOTENCY_KEY));
    }

    /** The outcome's value (or its refusal thrown for {@link ErrorHandling}), marking a stored replay on the answer. */
    public static <T> T value(Context ctx, Outcome<T> outcome) {
        if (outcome.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        return outcome.orThrow();
    }

    /** Answers {@code status} with {@code body(value)}, or the refusal; marks stored replays. */
    public static <T> void answer(Context ctx, int status, Outcome<T> outcome, java.util.function.Function<T, Object> body) {
        if (outcome.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        answer(ctx, status, outcome.result(), body);
    }

    /** Answers {@code status} with {@code body(value)}, or throws the refusal for {@link ErrorHandling}. */
    public static <T> void answer(Context ctx, int status, Result<T> result, java.util.function.Function<T, Object> body) {
        ctx.status(status).json(body.apply(result.orThrow()));
    }
}
