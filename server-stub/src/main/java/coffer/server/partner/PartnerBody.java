package coffer.server.partner;

import coffer.core.money.Money;
import coffer.server.http.JsonFields;
import coffer.server.json.RequestBodies;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.javalin.http.Context;

import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A partner API request body, read the way seed 000 sends it: ids as JSON numbers or strings, amounts
 * as exact decimals (a JSON number or text, never through {@code double}), known fields only, read as
 * strictly as every body (no single quotes, comments or field given twice). The seed's examples pass
 * {@code json=json.dumps(...)}, which sends the object as a JSON string holding the JSON; such a body is
 * unwrapped once, and the object inside is read just as strictly.
 */
record PartnerBody(JsonFields fields) {
    /** Longest id a partner may give (its own user ids, wallet and product ids). */
    static final int MAX_ID = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static PartnerBody read(Context ctx, Set<String> fields) {
        return new PartnerBody(JsonFields.read(ctx, fields, true));
    }

    /** A required id given as a string or a whole number. */
    String id(String field) {
        return RequestBodies.required(optionalId(field), field);
    }

    /**
     * An id given as a string or a whole number (of at most {@link #MAX_ID} characters, without control
     * characters), or null when absent. A number's digits are its id: {@code 42}, {@code 42.0} and {@code 4.2e1}
     * are all {@code "42"}; the strict reader has already kept the number small.
     */
    String optionalId(String field) {
        JsonElement e = fields.get(field);
        if (e == null) {
            return null;
        }
        String id;
        if (e instanceof JsonPrimitive p && p.isString()) {
            id = p.getAsString().strip();
        } else if (e instanceof JsonPrimitive p && p.isNumber() && p.getAsBigDecimal().stripTrailingZeros().scale() <= 0) {
            id = p.getAsBigDecimal().toBigIntegerExact().toString();
        } else {
            throw JsonFields.invalid("'" + field + "' must be a string or a whole number.", field);
        }
        if (id.length() > MAX_ID || CONTROL.matcher(id).find()) {
            throw JsonFields.invalid("'" + field + "' must be at most " + MAX_ID + " characters, without control characters.", field);
        }
        return id;
    }

    String string(String field) {
        return fields.string(field);
    }

    /** {@code amount} in {@code currency}: exact decimal, positive, no more decimals than the currency has. */
    Money amount(Currency currency) {
        return Money.parse(fields.decimalText("amount"), currency).requirePositive();
    }
}
