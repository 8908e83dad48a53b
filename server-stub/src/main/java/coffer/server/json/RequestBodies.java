package coffer.server.json;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request bodies read into records, and the checks of their values, with no HTTP in sight: the user API's
 * controllers reach these through {@code http.Requests}; the provider simulator, which must not know Coffer's
 * HTTP layer, reads its own bodies here, just as strictly. Every refusal is INVALID_REQUEST (or the money
 * codes of {@link #positiveAmount}) naming the field.
 */
public final class RequestBodies {
    private static final FieldNamingPolicy FIELD_NAMES = FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES;
    /**
     * Each request record's fields as the wire names them, worked out once per record type: asking reflection
     * for the components and their fields cost more than the rest of reading a small body.
     */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<Field> fields = new ArrayList<>(components.length);
            for (RecordComponent c : components) {
                fields.add(new Field(wireName(type, c), c.getType()));
            }
            return new Shape(List.copyOf(fields), fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet()));
        }
    };

    /** A record's components in order, by wire name, and the set of those names. */
    private record Shape(List<Field> fields, Set<String> names) {
    }

    private record Field(String name, Class<?> type) {
    }

    private RequestBodies() {
    }

    /**
     * The body as {@code type}: a JSON object whose every field is one of the record's components
     * (snake_case on the wire), read strictly ({@link Json#readRequest}). Malformed JSON, another JSON type,
     * an unknown field, a field given twice or a value of the wrong type is INVALID_REQUEST.
     */
    public static <T extends Record> T read(String body, Class<T> type) {
        if (body.isBlank()) {
            throw invalid("The request needs a JSON body.");
        }
        JsonElement tree = Json.readRequest(body);
        if (!tree.isJsonObject()) {
            throw invalid("The request body must be a JSON object.");
        }
        return read(tree, type);
    }

    /**
     * {@code tree} as {@code type}, as strictly as {@link #read(String, Class)}: a JSON object whose every
     * field is one of the record's components. For requests that carry several objects, such as a batch.
     */
    public static <T extends Record> T read(JsonElement tree, Class<T> type) {
        if (!tree.isJsonObject()) {
            throw invalid("Expected a JSON object.");
        }
        JsonObject object = tree.getAsJsonObject();
        Shape shape = SHAPES.get(type);
        for (String field : object.keySet()) {
            if (!shape.names().contains(field)) {
                throw new CofferException(ErrorCode.INVALID_REQUEST, "Unknown field '" + field + "'.", Map.of("field", field));
            }
        }
        for (Field field : shape.fields()) {
            JsonElement value = object.get(field.name());
            if (value != null && !value.isJsonNull()) {
                requireType(field.name(), field.type(), value);
            }
        }
        try {
            return Json.gson().fromJson(object, type);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw invalid("A field of the request has the wrong type.");
        }
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
    public static URI httpUrl(String text, String field) {
        URI uri = null;
        try {
            uri = new URI(required(text, field));
        } catch (URISyntaxException e) {
            // answered below
        }
        boolean web = uri != null && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        if (!web || text.length() > 2000) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "'" + field + "' must be an absolute http or https URL.",
                    Map.of("field", field));
        }
        return uri;
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
    private static boolean fits(BigDecimal number, boolean asLong) {
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

    private static String wireName(Class<?> type, RecordComponent component) {
        try {
            return FIELD_NAMES.translateName(type.getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record has a field per component", e);
        }
    }

    private static CofferException invalid(String message) {
        return new CofferException(ErrorCode.INVALID_REQUEST, message);
    }
}
