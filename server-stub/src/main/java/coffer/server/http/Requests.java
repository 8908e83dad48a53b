package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.json.Json;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Outcome;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import io.javalin.http.Context;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reading requests and writing answers the same way on every route: strict JSON bodies into
 * shared-core's request records, the signed-in caller, the {@code Idempotency-Key} header, and
 * {@link Outcome}s answered with {@code Idempotent-Replayed: true} when they are a stored replay.
 */
public final class Requests {
    /** The attribute under which the authentication filter stores the caller. */
    static final String PRINCIPAL = "coffer.principal";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private Requests() {
    }

    /**
     * The body as {@code type}: a JSON object whose every field is one of the record's components
     * (snake_case on the wire), read strictly ({@link Json#readRequest}). Malformed JSON, another JSON type,
     * an unknown field, a field given twice or a value of the wrong type is INVALID_REQUEST.
     */
    public static <T extends Record> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw invalid("The request needs a JSON body.");
        }
        JsonElement tree = Json.readRequest(text);
        if (!tree.isJsonObject()) {
            throw invalid("The request body must be a JSON object.");
        }
        return read(tree, type);
    }

    /**
     * {@code tree} as {@code type}, as strictly as {@link #body}: a JSON object whose every field is
     * one of the record's components. For requests that carry several objects, such as a batch.
     */
    public static <T extends Record> T read(JsonElement tree, Class<T> type) {
        if (!tree.isJsonObject()) {
            throw invalid("Expected a JSON object.");
        }
        JsonObject object = tree.getAsJsonObject();
        Set<String> known = Arrays.stream(type.getRecordComponents()).map(c -> wireName(type, c))
                .collect(Collectors.toSet());
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                throw new CofferException(ErrorCode.INVALID_REQUEST, "Unknown field '" + field + "'.", Map.of("field", field));
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String field = wireName(type, c);
            JsonElement value = object.get(field);
            if (value != null && !value.isJsonNull()) {
                requireType(field, c.getType(), value);
            }
        }
        try {
            return Json.gson().fromJson(object, type);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw invalid("A field of the request has the wrong type.");
        }
    }

    /**
     * Gson converts where a request should be refused: any string to a boolean ("yes" is false), a string
     * to a number through {@code Long.parseLong} (which reads any Unicode digit), a fraction or a number
     * past the range to a whole number by cutting it. A yes/no or whole-number component takes only its own
     * JSON type; text takes a string or a number (amounts are exact decimals either way), and what it says
     * is judged by the route.
     */
    private static void requireType(String field, Class<?> type, JsonElement value) {
        JsonPrimitive p = value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
        if (type == Boolean.class || type == boolean.class) {
            if (p == null || !p.isBoolean()) {
                throw wrongType(field, "must be true or false");
            }
        } else if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            boolean whole = p != null && p.isNumber() && fits(p.getAsBigDecimal(), type == Long.class || type == long.class);
            if (!whole) {
                throw wrongType(field, "must be a whole number");
            }
        }
    }

    /** A whole number in the long (or int) range; the strict reader keeps every number small enough to ask. */
    private static boolean fits(java.math.BigDecimal number, boolean asLong) {
        try {
            long whole = number.longValueExact();
            return asLong || whole == (int) whole;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static CofferException wrongType(String field, String what) {
        return new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' " + what + ".", Map.of("field", field));
    }

    /** {@code value}, or INVALID_REQUEST naming the missing field. */
    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' is required.", Map.of("field", field));
        }
        return value;
    }

    /**
     * An amount of money from a request: {@code amount} is exact decimal text (a JSON number or string),
     * {@code currency} an ISO 4217 code; both required.
     *
     * @throws CofferException INVALID_REQUEST for a missing field, UNKNOWN_CURRENCY, or INVALID_AMOUNT for
     *                         text that is not a positive amount the currency can hold
     */
    public static Money positiveAmount(String amount, String currency) {
        Currency c = Currencies.of(required(currency, "currency"));
        return Money.parse(required(amount, "amount"), c).requirePositive();
    }

    /** An absolute http(s) URL with a host, of at most 2000 characters (a return URL), or INVALID_REQUEST naming {@code field}. */
    public static java.net.URI httpUrl(String text, String field) {
        java.net.URI uri = null;
        try {
            uri = new java.net.URI(required(text, field));
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        boolean web = uri != null && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        if (!web || text.length() > 2000) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' must be an absolute http or https URL.",
                    Map.of("field", field));
        }
        return uri;
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

    private static String wireName(Class<?> type, RecordComponent component) {
        try {
            return FIELD_NAMES.translateName(type.getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record has a field per component", e);
        }
    }

    private static final FieldNamingPolicy FIELD_NAMES = FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES;

    private static CofferException invalid(String message) {
        return new CofferException(ErrorCode.INVALID_REQUEST, message);
    }
}
