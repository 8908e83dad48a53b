package coffer.server.http;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the route fuzz's requests from a seed: path segments, query strings and bodies that no well
 * behaved client sends, mixed with plausible values (the demo user's wallet ids, the demo environment,
 * an amount) so that the bad part reaches the code behind the first check. Every value is generated
 * from {@code random} only, so one seed always gives the same request shape.
 */
final class FuzzInputs {
    /** What the server holds that a request can name: ids of real things, so lookups succeed sometimes. */
    record Known(String aliceWallet, String bobWallet, String aliceUserId, List<String> ids) {
    }

    static final String ENV = "123";
    static final int MAX_BODY = (int) HttpApi.MAX_REQUEST_BYTES;
    private static final Gson GSON = new Gson();
    private static final String TEN_THOUSAND_DIGITS = "9".repeat(10_000);

    /** Numbers as JSON writes them, at and beyond every edge a parser has. */
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "1.005", "100", "1e2", "1E2", "1e-400",
            "0e5", "-0.0", "1E+2147483647", "1e100000", "1e-2147483648", "1E2147483648", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "1e308", "1.7976931348623157e309",
            "4.9e-325", "123", "0.000000000000000000000001", "1" + "0".repeat(100), TEN_THOUSAND_DIGITS);

    /** Text at the edges: numbers, dates and ids in every shape, other scripts' digits, escapes, injections. */
    private static final List<String> TEXTS = List.of("", " ", "0", "-0", "+1", "1", "-1", "1.00", "0.001", "1e2", "1e-400",
            "0e5", "1E+2147483647", "1e100000", "9223372036854775807", "9223372036854775808", "99999999999999999999.99",
            "\u0661\u0660\u0660", "\u0661\u0660", "\uFF11\uFF10\uFF10", "\u06F1\u06F0\u06F0", "\u0967\u0966\u0966",
            "1\u066B00", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "1,000.00", " 5", "5 ", TEN_THOUSAND_DIGITS,
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31",
            "0000-01-01", "2024-02-30", "2024-13-01", "2024-01-01T00:00:00+18:00", "2024-01-01T00:00:00Z",
            "\u0661\u0669\u0669\u0660-\u0660\u0661-\u0660\u0661", "1990-04-23", "USD", "usd", "XAU", "XXX", "ZZZ", "JPY",
            "KWD", "EUR", ENV, "..", "../..", "%00", "\u0000", "\u202E", "\uD834\uDD1E", "\uD800", "<script>", "' OR 1=1 --",
            "\r\n", "null", "true", "active", "locked", "suspended", "closed", "daily", "passport", "4242424242424242",
            "4000000000000002", "058", "0123456789", "http://127.0.0.1:9/return", "https://127.0.0.1:9/x?a=b",
            "javascript:alert(1)", "file:///etc/passwd", "http://user:pass@127.0.0.1:9/x", "alice@example.com",
            "bob@example.com", "approve", "wal_", "txn_" + "0".repeat(26), "whd_" + "Z".repeat(26), "Zm9v", "a.b", "AAAA.BBBB");

    /** Whole JSON values of the wrong kind for almost any field. */
    private static final List<String> STRUCTURES = List.of("true", "false", "null", "[]", "{}", "[1,\"a\"]",
            "{\"a\":{\"b\":[]}}", "[[[[[]]]]]", "{\"amount\":\"1.00\"}");

    /** Bodies that are not JSON, or not JSON of any use. */
    private static final List<String> NOT_JSON = List.of("{\"amount\": ", "hello", "<xml/>", "{", "}", "[", "\"",
            "{\"a\":1}}", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "[1,]", "\u0000", "\uFEFF{}", ")]}'\n{}", "{} {}", "1 2",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\'\"}", "{\"a\":\"tab\there\"}");

    private final Known known;
    private final RouteShapes shapes;
    private final Random random;

    FuzzInputs(Known known, RouteShapes shapes, long seed) {
        this.known = known;
        this.shapes = shapes;
        this.random = new Random(seed);
    }

    /** One request for {@code route}. */
    FuzzRequest request(HttpApi.Route route, long seed) {
        RouteShapes.Shape shape = shapes.of(route);
        String path = path(route.path());
        String query = chance(70) ? query(shape) : null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Env-Id", chance(85) ? ENV : ascii(pick(TEXTS)));
        headers.put("Accept", chance(90) ? "application/json" : pick(List.of("text/event-stream", "*/*", "text/html")));
        if (chance(20)) {
            headers.put(Requests.IDEMPOTENCY_KEY, pick(List.of(new UUID(random.nextLong(), random.nextLong()).toString(), "k", "x".repeat(300),
                    "fuzz-" + random.nextInt(5))));
        }
        byte[] body = new byte[0];
        String contentType = null;
        boolean sendsBody = !route.method().equals("GET") ? chance(95) : chance(5);
        if (sendsBody) {
            if (shape.form() && chance(70)) {
                body = form(shape).getBytes(StandardCharsets.UTF_8);
                contentType = "application/x-www-form-urlencoded";
            } else {
                body = body(shape);
                contentType = chance(90) ? "application/json" : pick(List.of("text/plain", "application/x-www-form-urlencoded"));
            }
        }
        return new FuzzRequest(route.method() + " " + route.path(), route.method(), path, query, body, contentType, headers, seed);
    }

    // ---- path ----

    private String path(String template) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                return out.append(template.substring(at)).toString();
            }
            int close = template.indexOf('}', open);
            out.append(template, at, open).append(segment(template.substring(open + 1, close)));
            at = close + 1;
        }
    }

    private String segment(String name) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return encode(plausible(name));
        }
        if (roll < 55) {
            return pick(List.of("", "..", ".", "%2e%2e", "%00", "%2F", "%5C", "%25", "%FF", "%C0%AE", "%E2%80%AE", ";", "%3B",
                    "x%0Ay", "%20", "a%2Fb"));
        }
        if (roll < 65) {
            return encode("x".repeat(pick(List.of(300, 2000, 5000, 9000))));
        }
        return encode(text());
    }

    // ---- query ----

    private String query(RouteShapes.Shape shape) {
        List<String> pairs = new ArrayList<>();
        for (String name : shape.query()) {
            if (name.equals("env_id") && chance(80)) {
                // the partner's credential: usually right, so the rest of the query reaches the route
                pairs.add("env_id=" + ENV);
            } else if (chance(60)) {
                pairs.add(encode(name) + "=" + encode(chance(50) ? plausible(name) : text()));
                if (chance(5)) {
                    pairs.add(encode(name) + "=" + encode(text()));
                }
            }
        }
        int extra = chance(30) ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < extra; i++) {
            String name = chance(50) ? pick(shapes.allFieldNames()) : pick(List.of("limit", "cursor", "from", "to", "min_amount",
                    "max_amount", "env_id", "user_id", "wallet_id", "x", "", "a[b]", "\u0661"));
            pairs.add(encode(name) + (chance(90) ? "=" + encode(text()) : ""));
        }
        if (pairs.isEmpty() || chance(5)) {
            pairs.add(pick(List.of("", "&", "=", "==", "a=%00", "limit", "cursor=")));
        }
        return String.join("&", pairs);
    }

    // ---- bodies ----

    private byte[] body(RouteShapes.Shape shape) {
        int roll = random.nextInt(100);
        String text;
        if (roll < 30) {
            text = oneBadField(shape.fields());
        } else if (roll < 45) {
            text = object(shape.fields(), Malformation.pick(random), 0);
        } else if (roll < 55) {
            String whole = object(shape.fields(), Malformation.NONE, 0);
            text = whole.substring(0, 1 + random.nextInt(Math.max(1, whole.length() - 1)));
        } else if (roll < 63) {
            text = pick(NOT_JSON);
        } else if (roll < 68) {
            text = pick(List.of("[]", "\"text\"", "42", "null", "true", "[{}]", "\"\"", "-0", "1e100000"));
        } else if (roll < 73) {
            // the object, double encoded: a JSON string holding the JSON (seed 000's json=json.dumps(...))
            text = GSON.toJson(object(shape.fields(), chance(50) ? Malformation.NONE : Malformation.pick(random), 0));
        } else if (roll < 77) {
            int depth = pick(List.of(64, 65, 300, 10_000));
            text = chance(50) ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        } else if (roll < 80) {
            String field = shape.fields().isEmpty() ? "description" : pick(new ArrayList<>(shape.fields().keySet()));
            int size = pick(List.of(MAX_BODY - 64, MAX_BODY - 20, MAX_BODY + 10));
            text = "{\"" + field + "\":\"" + "x".repeat(Math.max(0, size - field.length() - 8)) + "\"}";
        } else if (roll < 82) {
            return randomBytes();
        } else if (roll < 84) {
            text = "";
        } else {
            text = object(shape.fields(), Malformation.NONE, 0);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Ways a JSON object is written that a strict reader must refuse, or that change what it says. */
    private enum Malformation {
        NONE, DUPLICATE_KEY, SINGLE_QUOTES, COMMENT, LINE_COMMENT, TRAILING_COMMA, UNQUOTED_NAME, UNKNOWN_FIELD, DROPPED_FIELDS;

        static Malformation pick(Random random) {
            Malformation[] all = values();
            return all[random.nextInt(all.length)];
        }
    }

    /** Every documented field plausible but one, which is at an edge, of the wrong kind, or missing. */
    private String oneBadField(Map<String, JsonObject> fields) {
        if (fields.isEmpty()) {
            return "{}";
        }
        List<String> names = new ArrayList<>(fields.keySet());
        String bad = pick(names);
        List<String> members = new ArrayList<>();
        for (String name : names) {
            JsonObject items = shapes.itemsOf(fields.get(name));
            String value;
            if (!name.equals(bad)) {
                value = items == null ? plausibleJson(name) : "[" + oneBadField(shapes.properties(items)) + "]";
            } else if (chance(15)) {
                continue;
            } else {
                value = chance(50) ? pick(NUMBERS) : chance(70) ? GSON.toJson(text()) : pick(STRUCTURES);
            }
            members.add(GSON.toJson(name) + ":" + value);
        }
        return "{" + String.join(",", members) + "}";
    }

    /** An object with the documented fields (some wrong), written with {@code how}. */
    private String object(Map<String, JsonObject> fields, Malformation how, int depth) {
        List<String[]> members = new ArrayList<>();
        for (Map.Entry<String, JsonObject> field : fields.entrySet()) {
            if (how == Malformation.DROPPED_FIELDS && chance(50) || fields.size() > 3 && chance(10)) {
                continue;
            }
            members.add(new String[]{field.getKey(), value(field.getKey(), field.getValue(), depth)});
        }
        if (fields.isEmpty() || how == Malformation.UNKNOWN_FIELD || chance(10)) {
            String name = chance(50) ? pick(shapes.allFieldNames()) : pick(List.of("unknown", "", "__proto__", "amount ", "AMOUNT"));
            members.add(new String[]{name, value(name, null, depth)});
        }
        if (how == Malformation.DUPLICATE_KEY && !members.isEmpty()) {
            String[] twice = members.get(random.nextInt(members.size()));
            members.add(new String[]{twice[0], value(twice[0], fields.get(twice[0]), depth)});
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(how == Malformation.COMMENT && i == 1 ? " /* note */ ," : ",");
            }
            String name = members.get(i)[0];
            String quotedName = switch (how) {
                case SINGLE_QUOTES -> "'" + name.replace("'", "\\'") + "'";
                case UNQUOTED_NAME -> i == 0 ? name : GSON.toJson(name);
                default -> GSON.toJson(name);
            };
            String value = members.get(i)[1];
            if (how == Malformation.SINGLE_QUOTES && value.startsWith("\"")) {
                value = "'" + value.substring(1, value.length() - 1) + "'";
            }
            out.append(quotedName).append(':').append(value);
            if (how == Malformation.LINE_COMMENT && i == 0) {
                out.append(" // note\n");
            }
        }
        if (how == Malformation.TRAILING_COMMA) {
            out.append(',');
        }
        return out.append('}').toString();
    }

    /** A JSON value for a field: plausible for its name, at an edge, or of another kind altogether. */
    private String value(String name, JsonObject schema, int depth) {
        JsonObject items = schema == null || depth > 2 ? null : shapes.itemsOf(schema);
        int roll = random.nextInt(100);
        if (roll < 35) {
            if (items != null) {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(object(shapes.properties(items), chance(80) ? Malformation.NONE : Malformation.pick(random), depth + 1));
                }
                return "[" + String.join(",", elements) + "]";
            }
            if (schema != null && depth < 2 && "object".equals(type(schema)) && shapes.properties(schema).isEmpty()) {
                // a free-form object (metadata, an event's data): fields the document knows, of any kind
                Map<String, JsonObject> any = new LinkedHashMap<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    any.put(pick(shapes.allFieldNames()), null);
                }
                return object(any, Malformation.NONE, depth + 1);
            }
            return plausibleJson(name);
        }
        if (roll < 60) {
            return pick(NUMBERS);
        }
        if (roll < 85) {
            return GSON.toJson(text());
        }
        return pick(STRUCTURES);
    }

    private static String type(JsonObject schema) {
        return schema.has("type") && schema.get("type").isJsonPrimitive() ? schema.get("type").getAsString() : null;
    }

    /** A value that looks right for a field named {@code name}, as JSON. */
    private String plausibleJson(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("amount") && chance(50) || n.equals("expires_in_seconds")) {
            return pick(List.of("100", "1", "1.5", "60"));
        }
        if (n.equals("env_id") && chance(15)) {
            return ENV;
        }
        if (n.contains("save") || n.equals("additional")) {
            return pick(List.of("true", "false"));
        }
        if (n.equals("metadata")) {
            return "{\"order\":" + GSON.toJson(text()) + "}";
        }
        return GSON.toJson(plausible(name));
    }

    /** Text that looks right for a field or parameter named {@code name}. */
    private String plausible(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("env_id")) {
            return ENV;
        }
        if (n.contains("wallet")) {
            return pick(List.of(known.aliceWallet(), known.aliceWallet(), known.bobWallet()));
        }
        if (n.equals("user_id")) {
            return pick(List.of(ENV, known.aliceUserId(), "fuzz-user"));
        }
        if (n.contains("currency")) {
            return "USD";
        }
        if (n.contains("amount")) {
            return pick(List.of("1.00", "0.01", "5", "12.50"));
        }
        if (n.contains("email") || n.equals("destination")) {
            return pick(List.of("bob@example.com", "alice@example.com", known.bobWallet()));
        }
        if (n.equals("limit")) {
            return pick(List.of("1", "10", "200", "500"));
        }
        if (n.equals("from") || n.equals("to") || n.equals("date_of_birth")) {
            return pick(List.of("2024-01-01", "1990-04-23", "2024-01-01T00:00:00Z", "2100-01-01T00:00:00+01:00"));
        }
        return switch (n) {
            case "password" -> "demo-password";
            case "name", "full_name", "holder_name" -> "Alice Example";
            case "url", "return_url", "callback_url" -> "http://127.0.0.1:9/return";
            case "status" -> pick(List.of("active", "locked", "pending", "delivered", "completed", "paid"));
            case "kind" -> pick(List.of("payment", "topup", "transfer"));
            case "frequency" -> pick(List.of("daily", "weekly", "monthly"));
            case "card_number" -> pick(List.of("4242424242424242", "4000000000000002"));
            case "bank_code" -> "058";
            case "account_number" -> "0123451111";
            case "country" -> "DE";
            case "document_type" -> "passport";
            case "document_number" -> "X1234567";
            case "product_id" -> pick(List.of("coffee-beans", "travel-mug"));
            case "confirmation" -> "approve";
            case "type" -> pick(List.of("checkout.paid", "payout.succeeded", "charge.succeeded"));
            case "created" -> java.time.Instant.now().toString();
            case "q" -> "coffee";
            default -> pick(known.ids());
        };
    }

    private String form(RouteShapes.Shape shape) {
        List<String> names = new ArrayList<>(shape.fields().keySet());
        names.addAll(List.of("card_number", "expiry", "cvc", "name", "save_card", "action", "confirmation", "holder_name",
                "bank_code", "account_number"));
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            if (chance(60)) {
                pairs.add(encode(name) + "=" + encode(chance(50) ? plausible(name) : text()));
            }
        }
        if (chance(10)) {
            pairs.add(pick(List.of("%", "=", "&&", "a=%FF", "expiry=%D9%A1%D9%A2/%D9%A3%D9%A0")));
        }
        return String.join("&", pairs);
    }

    // ---- small things ----

    private String text() {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return pick(TEXTS);
        }
        if (roll < 85) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(20); i >= 0; i--) {
                b.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x2FF80));
            }
            return b.toString();
        }
        if (roll < 95) {
            return pick(known.ids());
        }
        return "y".repeat(pick(List.of(1000, 5000, 20_000)));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Only ASCII that a header may carry (an HTTP client refuses the rest before sending). */
    private static String ascii(String text) {
        return text.chars().filter(c -> c >= 0x20 && c < 0x7F).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
