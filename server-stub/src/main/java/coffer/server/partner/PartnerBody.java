package coffer.server.partner;

import coffer.core.money.Money;
import coffer.server.http.JsonFields;
import coffer.server.http.Requests;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.javalin.http.Context;

import java.util.Currency;
import java.util.Set;

/**
 * A partner API request body, read the way seed 000 sends it: ids as JSON numbers or strings, amounts
 * as exact decimals (a JSON number or text, never through {@code double}), known fields only. The
 * seed's examples pass {@code json=json.dumps(...)}, which sends the object as a JSON string holding
 * the JSON; such a body is unwrapped once.
 */
record PartnerBody(JsonFields fields) {

    static PartnerBody read(Context ctx, Set<String> fields) {
        return new PartnerBody(JsonFields.read(ctx, fields, true));
    }

    /** A required id given as a string or a whole number. */
    String id(String field) {
        return Requests.required(optionalId(field), field);
    }

    String optionalId(String field) {
        JsonElement e = fields.get(field);
        if (e == null) {
            return null;
        }
        if (e instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString().strip();
        }
        if (e instanceof JsonPrimitive p && p.isNumber() && p.getAsBigDecimal().stripTrailingZeros().scale() <= 0) {
            return p.getAsBigDecimal().toBigInteger().toString();
        }
        throw JsonFields.invalid("'" + field + "' must be a string or a whole number.", field);
    }

    String string(String field) {
        return fields.string(field);
    }

    /** {@code amount} in {@code currency}: exact decimal, positive, no more decimals than the currency has. */
    Money amount(Currency currency) {
        return Money.parse(fields.decimalText("amount"), currency).requirePositive();
    }
}
