package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reading a query string strictly, the same way on every route: an unknown parameter, a single-valued
 * one given twice, an empty one, or a number out of range or not in ASCII digits is INVALID_REQUEST
 * naming the parameter.
 */
public final class QueryParams {
    /** Up to nine ASCII digits: any int a page size could be, and nothing {@code parseInt} would read differently. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private QueryParams() {
    }

    /** Refuses any parameter not in {@code known}. */
    public static void requireKnown(Map<String, List<String>> params, Collection<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw invalid(name, "Unknown query parameter '" + name + "'.");
            }
        }
    }

    /** The one value of {@code name}, or null when absent; refused when repeated or blank. */
    public static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(name, "'" + name + "' may be given once.");
        }
        String value = values.get(0);
        if (value.isBlank()) {
            throw invalid(name, "'" + name + "' must not be empty.");
        }
        return value;
    }

    /**
     * A page size: {@code fallback} when absent, else a whole number from 1 to {@code max} in ASCII digits
     * ({@link Integer#parseInt} alone would also take a sign and any Unicode digit, such as {@code ١٠}).
     */
    public static int limit(Map<String, List<String>> params, int fallback, int max) {
        String text = single(params, "limit");
        if (text == null) {
            return fallback;
        }
        if (DIGITS.matcher(text).matches()) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        }
        throw invalid("limit", "'limit' must be a whole number from 1 to " + max + ".");
    }

    /** A cursor parameter: null when absent or empty (both mean "from the start"). */
    public static String cursor(Map<String, List<String>> params) {
        List<String> values = params.get("cursor");
        return values == null || values.size() == 1 && values.get(0).isEmpty() ? null : single(params, "cursor");
    }

    public static CofferException invalid(String name, String message) {
        return new CofferException(ErrorCode.INVALID_REQUEST, message, Map.of("parameter", name));
    }
}
