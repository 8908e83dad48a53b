package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.json.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.javalin.http.Context;

import java.util.Map;
import java.util.Set;

/**
 * A request body read field by field, for the seed surfaces whose field names and types do not fit a
 * snake_case record ({@link Requests#body} is the user API's way): a JSON object with known fields
 * only, read strictly ({@link Json#readRequest}); malformed JSON, another JSON type, an unknown field or
 * a field given twice is INVALID_REQUEST.
 */
public record JsonFields(JsonObject json) {

    /**
     * @param encodedObjectToo also accept a JSON string that holds the object (what a client sends
     *                         when it encodes the JSON twice, as seed 000's examples do); the object in
     *                         the string is read as strictly as any body
     */
    public static JsonFields read(Context ctx, Set<String> fields, boolean encodedObjectToo) {
        JsonElement tree = ctx.body().isBlank() ? null : Json.readRequest(ctx.body());
        if (encodedObjectToo && tree != null && tree.isJsonPrimitive() && tree.getAsJsonPrimitive().isString()) {
            tree = Json.readRequest(tree.getAsString());
        }
        if (tree == null || !tree.isJsonObject()) {
            throw invalid("The request body must be a JSON object.", null);
        }
        for (String field : tree.getAsJsonObject().keySet()) {
            if (!fields.contains(field)) {
                throw invalid("Unknown field '" + field + "'.", field);
            }
        }
        return new JsonFields(tree.getAsJsonObject());
    }

    /** The field, or null when absent or JSON null. */
    public JsonElement get(String field) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? null : e;
    }

    /** An optional string field; another JSON type is INVALID_REQUEST. */
    public String string(String field) {
        JsonElement e = get(field);
        if (e == null) {
            return null;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw invalid("'" + field + "' must be a string.", field);
        }
        return p.getAsString();
    }

    /**
     * A required amount as exact decimal text, from a JSON number or string (never through {@code double});
     * anything else is INVALID_AMOUNT.
     */
    public String decimalText(String field) {
        JsonElement e = get(field);
        if (e == null) {
            throw invalid("'" + field + "' is required.", field);
        }
        if (!(e instanceof JsonPrimitive p) || !(p.isNumber() || p.isString())) {
            throw new CofferException(ErrorCode.INVALID_AMOUNT, "'" + field + "' must be a decimal number.", Map.of("field", field));
        }
        // exact, in scientific form when that is shorter (1E+999, not 1000 digits): Money.parse judges its size first
        return p.getAsString();
    }

    public static CofferException invalid(String message, String field) {
        return field == null ? new CofferException(ErrorCode.INVALID_REQUEST, message)
                : new CofferException(ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }
}
