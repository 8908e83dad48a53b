package coffer.server.json;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads request JSON the one strict way (RFC 8259, nothing more): Gson's own parser is lenient and takes
 * single quotes, comments, unquoted names and, in an object, the last of two fields of one name, so a
 * proxy that validates the body and Coffer that acts on it could read two different requests. Here those
 * are refused, as are nesting deeper than {@link #MAX_DEPTH} and numbers no request needs: longer than
 * {@link #MAX_NUMBER_LENGTH} characters, or with a scale beyond {@link #MAX_SCALE} (so every number read
 * is cheap to turn into a {@link BigDecimal}, a {@code long} or plain text, and never makes Gson throw later).
 */
final class StrictReader {
    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_SCALE = 1000;

    private StrictReader() {
    }

    /** The one JSON value {@code text} holds, or INVALID_REQUEST saying what is wrong with it. */
    static JsonElement parse(String text) {
        JsonReader in = new JsonReader(new StringReader(text));
        in.setStrictness(Strictness.STRICT);
        in.setNestingLimit(MAX_DEPTH);
        try {
            JsonElement value = value(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw invalid("The request body holds more than one JSON value.", null);
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // MalformedJsonException, EOFException, a nesting limit reached, a token out of place
            throw invalid("The request body is not valid JSON" + where(in) + ".", null);
        }
    }

    private static JsonElement value(JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (object.has(name)) {
                        throw invalid("The field '" + shorten(name) + "' is given more than once" + where(in) + ".", shorten(name));
                    }
                    object.add(name, value(in));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(value(in));
                }
                in.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(number(in.nextString(), in));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalStateException("unexpected " + in.peek());
        }
    }

    /** The number's exact value; the strict reader has already checked that {@code text} is a JSON number. */
    private static BigDecimal number(String text, JsonReader in) {
        if (text.length() <= MAX_NUMBER_LENGTH) {
            try {
                BigDecimal value = new BigDecimal(text);
                if (Math.abs((long) value.scale()) <= MAX_SCALE) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // an exponent beyond the int range: answered below
            }
        }
        String name = field(in.getPreviousPath());
        String field = name == null ? null : shorten(name);
        throw invalid("The number " + (field == null ? "" : "in '" + field + "' ")
                + "is out of range: at most " + MAX_NUMBER_LENGTH + " characters and an exponent within ±" + MAX_SCALE + ".", field);
    }

    /** The last member name of a JSON path such as {@code $.payments[0].amount}, or null for none. */
    private static String field(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String name = path.substring(dot + 1);
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    private static String where(JsonReader in) {
        String path = in.getPath();
        return path.equals("$") ? "" : " (at " + shorten(path) + ")";
    }

    /** Names come from the client: an error message echoes at most a readable part of one. */
    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static CofferException invalid(String message, String field) {
        return field == null ? new CofferException(ErrorCode.INVALID_REQUEST, message)
                : new CofferException(ErrorCode.INVALID_REQUEST, message, Map.of("field", field));
    }
}
