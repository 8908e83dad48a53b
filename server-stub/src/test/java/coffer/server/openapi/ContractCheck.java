package coffer.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks one HTTP exchange against the served OpenAPI document ({@code /openapi.json}, merged from the
 * fragments): the route and method are documented; the status is one of the operation's answers; a JSON
 * answer's body matches that answer's schema, any other answer's media type is documented; and a request
 * the server accepted (2xx) had what the operation says it needs: its body matches the request schema, its
 * query parameters are declared and the required ones present, required headers and credentials were
 * sent. A request the server refused is not held to the request schema: refusing what does not fit is the
 * server's job, and tests send such requests on purpose; its answer still has to be documented.
 *
 * <p>Schemas are checked by {@code com.networknt:json-schema-validator} in the OpenAPI 3.1 dialect, with the
 * whole document as one resource, so every {@code $ref} resolves as a reader of the document would. An object
 * schema that lists its properties is taken as listing all of them ({@link #closed}): a field the server
 * sends that the document does not name is drift too.
 */
public final class ContractCheck {
    private static final String BASE = "https://coffer.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = OpenApiDocument.METHODS;
    private static volatile ContractCheck shared;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<Template> templates = new ArrayList<>();
    private final AtomicInteger checked = new AtomicInteger();

    /** An exchange: what was sent and what came back. Bodies are text; null or empty for none. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, String responseContentType, String responseBody) {
    }

    private record Template(String path, String[] segments, int literals) {
        boolean matches(String[] actual) {
            if (actual.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].startsWith("{") && !segments[i].equals(actual[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    ContractCheck(String documentJson) {
        try {
            this.document = JSON.readTree(documentJson);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
        String checked = closed(document.deepCopy()).toString();
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, checked)));
        document.path("paths").fieldNames().forEachRemaining(path -> {
            String[] segments = segments(path);
            int literals = 0;
            for (String s : segments) {
                literals += s.startsWith("{") ? 0 : 1;
            }
            templates.add(new Template(path, segments, literals));
        });
        // /a/b before /a/{id}: the more literal segments, the more specific
        templates.sort((a, b) -> Integer.compare(b.literals(), a.literals()));
    }

    /**
     * The document with each object schema that lists properties closed to others ({@code unevaluatedProperties:
     * false}) unless it says otherwise, so an undocumented field is a mismatch. A member of an {@code allOf} (and a
     * schema such a member refers to) stays open, since the other members add to it; the schema holding the
     * {@code allOf} is closed instead, which sees the properties of all its members.
     */
    static JsonNode closed(JsonNode document) {
        Set<String> extended = new TreeSet<>();
        collectAllOfTargets(document, extended);
        close(document, false, extended, "");
        return document;
    }

    private static void collectAllOfTargets(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            JsonNode allOf = node.get("allOf");
            if (allOf != null && allOf.isArray()) {
                allOf.forEach(member -> {
                    if (member.has("$ref")) {
                        into.add(member.get("$ref").asText().substring(1));
                    }
                });
            }
            node.forEach(child -> collectAllOfTargets(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectAllOfTargets(child, into));
        }
    }

    private static void close(JsonNode node, boolean allOfMember, Set<String> extended, String pointer) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean lists = object.path("properties").isObject() || object.path("allOf").isArray();
            boolean open = object.has("additionalProperties") || object.has("unevaluatedProperties")
                    || object.has("patternProperties");
            if (lists && !open && !allOfMember && !extended.contains(pointer) && isObjectType(object)) {
                object.put("unevaluatedProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = pointer + "/" + escape(e.getKey());
                if (e.getKey().equals("allOf") && e.getValue().isArray()) {
                    ArrayNode members = (ArrayNode) e.getValue();
                    for (int i = 0; i < members.size(); i++) {
                        close(members.get(i), true, extended, child + "/" + i);
                    }
                } else {
                    close(e.getValue(), false, extended, child);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                close(node.get(i), false, extended, pointer + "/" + i);
            }
        }
    }

    private static boolean isObjectType(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") || schema.has("allOf");
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("object")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals("object");
    }

    /** The check of the server's own document, built once. */
    public static ContractCheck shared() {
        ContractCheck c = shared;
        if (c == null) {
            synchronized (ContractCheck.class) {
                c = shared;
                if (c == null) {
                    shared = c = new ContractCheck(OpenApiDocument.load().json());
                }
            }
        }
        return c;
    }

    /** How many exchanges were checked in this JVM. */
    public int checked() {
        return checked.get();
    }

    /**
     * What in {@code exchange} the document does not describe, one line each, each naming the operation;
     * empty when it fits. A request to no documented route that was answered 404 or 405 is not the
     * contract's business (tests send those on purpose) and fits.
     */
    public List<String> mismatches(Exchange exchange) {
        List<String> found = new ArrayList<>();
        String method = exchange.method().toLowerCase(Locale.ROOT);
        String rawPath = exchange.uri().getRawPath() == null || exchange.uri().getRawPath().isEmpty() ? "/" : exchange.uri().getRawPath();
        Optional<Template> template = template(rawPath, method);
        String route = exchange.method() + " " + rawPath;
        if (template.isEmpty() || !document.path("paths").path(template.get().path()).has(method)) {
            if (exchange.status() == 404 || exchange.status() == 405) {
                return found;
            }
            found.add(route + " answered " + exchange.status() + ", but the document has no such operation");
            return found;
        }
        checked.incrementAndGet();
        String pathPointer = "/paths/" + escape(template.get().path());
        String opPointer = pathPointer + "/" + method;
        JsonNode operation = document.at(opPointer);
        String name = exchange.method() + " " + template.get().path();

        String statusKey = statusKey(operation.path("responses"), exchange.status());
        if (statusKey == null) {
            found.add(name + ": answered " + exchange.status() + ", which the operation does not document (it documents "
                    + String.join(", ", iterable(operation.path("responses").fieldNames())) + ")"
                    + bodyExcerpt(exchange.responseBody()));
        } else {
            String responsePointer = resolvedPointer(opPointer + "/responses/" + escape(statusKey));
            response(name + " " + exchange.status(), responsePointer, exchange, found);
        }
        if (exchange.status() >= 200 && exchange.status() < 300) {
            request(name, pathPointer, opPointer, exchange, found);
        }
        return found;
    }

    private void response(String name, String pointer, Exchange exchange, List<String> found) {
        String body = exchange.responseBody();
        if (body == null || body.isEmpty() || exchange.status() / 100 == 3) {
            return; // a redirect's body is read by no client: it follows Location
        }
        String media = mediaType(exchange.responseContentType());
        JsonNode content = document.at(pointer).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            found.add(name + ": answered a " + media + " body, but the answer documents no content");
            return;
        }
        if (!content.has(media)) {
            found.add(name + ": answered " + media + ", documented as " + String.join(", ", iterable(content.fieldNames())));
            return;
        }
        if (isJson(media) && content.path(media).has("schema")) {
            validate(name + " answer", pointer + "/content/" + escape(media) + "/schema", body, found);
        }
    }

    private void request(String name, String pathPointer, String opPointer, Exchange exchange, List<String> found) {
        JsonNode operation = document.at(opPointer);
        Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
        for (String at : List.of(pathPointer + "/parameters", opPointer + "/parameters")) {
            JsonNode list = document.at(at);
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = document.at(resolvedPointer(at + "/" + i));
                parameters.put(p.path("in").asText() + ":" + keyOf(p), p);
            }
        }
        Set<String> query = queryNames(exchange.uri().getRawQuery());
        for (String q : query) {
            if (!parameters.containsKey("query:" + q)) {
                found.add(name + ": accepted query parameter '" + q + "', which the operation does not declare");
            }
        }
        for (Map.Entry<String, JsonNode> p : parameters.entrySet()) {
            if (!p.getValue().path("required").asBoolean(false)) {
                continue;
            }
            String pname = p.getValue().path("name").asText();
            if (p.getKey().startsWith("query:") && !query.contains(pname)) {
                found.add(name + ": accepted a request without its required query parameter '" + pname + "'");
            } else if (p.getKey().startsWith("header:") && header(exchange, pname) == null) {
                found.add(name + ": accepted a request without its required header '" + pname + "'");
            }
        }
        security(name, operation, exchange, found);

        String body = exchange.requestBody();
        JsonNode requestBody = operation.path("requestBody");
        boolean sentBody = body != null && !body.isEmpty();
        if (requestBody.isMissingNode()) {
            if (sentBody && !body.isBlank() && !body.strip().equals("{}")) {
                found.add(name + ": accepted a request body, but the operation documents none");
            }
            return;
        }
        String bodyPointer = resolvedPointer(opPointer + "/requestBody");
        if (!sentBody) {
            if (document.at(bodyPointer).path("required").asBoolean(false)) {
                found.add(name + ": accepted a request without the body the operation requires");
            }
            return;
        }
        JsonNode content = document.at(bodyPointer).path("content");
        String sentType = header(exchange, "Content-Type");
        // a body sent without a Content-Type is read as the one media type the operation takes, as the server does
        String media = sentType == null && content.size() == 1 ? content.fieldNames().next() : mediaType(sentType);
        if (!content.has(media)) {
            found.add(name + ": accepted a " + media + " body, documented as " + String.join(", ", iterable(content.fieldNames())));
            return;
        }
        if (isJson(media) && content.path(media).has("schema")) {
            validate(name + " request", bodyPointer + "/content/" + escape(media) + "/schema", body, found);
        }
    }

    /** Accepted without any of the credentials the operation names (a 2xx to a caller it says it refuses). */
    private void security(String name, JsonNode operation, Exchange exchange, List<String> found) {
        JsonNode requirements = operation.has("security") ? operation.get("security") : document.path("security");
        if (requirements.isMissingNode() || requirements.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            if (requirement.isEmpty()) {
                return; // {} means "or none"
            }
            List<String> all = new ArrayList<>();
            boolean met = true;
            for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
                String scheme = it.next();
                all.add(scheme);
                met &= credentialSent(document.path("components").path("securitySchemes").path(scheme), exchange);
            }
            if (met) {
                return;
            }
            names.add(String.join(" + ", all));
        }
        found.add(name + ": accepted a request without its credentials (" + String.join(" or ", names) + ")");
    }

    private static boolean credentialSent(JsonNode scheme, Exchange exchange) {
        String type = scheme.path("type").asText();
        if (type.equals("http")) {
            String auth = header(exchange, "Authorization");
            return auth != null && auth.regionMatches(true, 0, scheme.path("scheme").asText(), 0, scheme.path("scheme").asText().length());
        }
        if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
            return header(exchange, scheme.path("name").asText()) != null;
        }
        return true; // a scheme this check cannot see (a cookie, mutual TLS): not held against the exchange
    }

    private void validate(String what, String pointer, String text, List<String> found) {
        JsonNode instance;
        try {
            instance = JSON.readTree(text);
        } catch (IOException e) {
            found.add(what + ": not JSON: " + excerpt(text));
            return;
        }
        List<Error> errors = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)))
                .validate(instance);
        for (Error e : errors) {
            String at = e.getInstanceLocation().toString();
            found.add(what + ": " + (at.isEmpty() ? "" : at + " ") + e.getMessage() + " (schema " + e.getSchemaLocation()
                    .toString().replace(BASE, "") + ")");
        }
    }

    private Optional<Template> template(String rawPath, String method) {
        String[] actual = segments(rawPath);
        for (int i = 0; i < actual.length; i++) {
            actual[i] = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        Template any = null;
        for (Template t : templates) {
            if (t.matches(actual)) {
                if (document.path("paths").path(t.path()).has(method)) {
                    return Optional.of(t);
                }
                any = any == null ? t : any;
            }
        }
        return Optional.ofNullable(any);
    }

    /**
     * Every {@code example} and {@code examples} value of a media type in the document (operations' bodies and
     * answers, and the shared answers and bodies of {@code components}) that its schema refuses, one line each.
     */
    public List<String> invalidExamples() {
        List<String> found = new ArrayList<>();
        walkMedia(document, "", found);
        return found;
    }

    private void walkMedia(JsonNode node, String pointer, List<String> found) {
        if (!node.isObject()) {
            return;
        }
        JsonNode content = node.get("content");
        if (content != null && content.isObject() && !pointer.contains("/schemas/")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> media = it.next();
                if (!isJson(media.getKey()) || !media.getValue().has("schema")) {
                    continue;
                }
                String mediaPointer = pointer + "/content/" + escape(media.getKey());
                String where = readable(pointer);
                if (media.getValue().has("example")) {
                    validate(where + " example", mediaPointer + "/schema", media.getValue().get("example").toString(), found);
                }
                JsonNode examples = media.getValue().path("examples");
                for (Iterator<Map.Entry<String, JsonNode>> ex = examples.fields(); ex.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = ex.next();
                    if (e.getValue().has("value")) {
                        validate(where + " example '" + e.getKey() + "'", mediaPointer + "/schema",
                                e.getValue().get("value").toString(), found);
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            walkMedia(e.getValue(), pointer + "/" + escape(e.getKey()), found);
        }
    }

    /** {@code /paths/~1a~1{id}/get/responses/200} as {@code GET /a/{id} responses/200}; other pointers as they are. */
    private static String readable(String pointer) {
        String[] parts = pointer.split("/", 5);
        if (parts.length < 4 || !parts[1].equals("paths")) {
            return pointer;
        }
        String path = parts[2].replace("~1", "/").replace("~0", "~");
        return parts[3].toUpperCase(Locale.ROOT) + " " + path + (parts.length == 5 ? " " + parts[4] : "");
    }

    /** The documented operation {@code exchange} went to, as {@code "METHOD /template"}, if any. */
    public Optional<String> operation(Exchange exchange) {
        String method = exchange.method().toLowerCase(Locale.ROOT);
        String rawPath = exchange.uri().getRawPath() == null || exchange.uri().getRawPath().isEmpty() ? "/" : exchange.uri().getRawPath();
        return template(rawPath, method).filter(t -> document.path("paths").path(t.path()).has(method))
                .map(t -> exchange.method() + " " + t.path());
    }

    /** The operation's answer for {@code status}: the status itself, else its class ({@code 4XX}), else {@code default}. */
    private static String statusKey(JsonNode responses, int status) {
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                return key;
            }
        }
        return null;
    }

    /** Follows a {@code $ref} at {@code pointer} (a response, parameter or body), as often as it takes. */
    private String resolvedPointer(String pointer) {
        String at = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode node = document.at(at);
            if (!node.has("$ref")) {
                return at;
            }
            at = node.get("$ref").asText().substring(1);
        }
        throw new IllegalStateException("$ref loop at " + pointer);
    }

    private static String keyOf(JsonNode parameter) {
        String name = parameter.path("name").asText();
        return parameter.path("in").asText().equals("header") ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String header(Exchange exchange, String name) {
        for (Map.Entry<String, List<String>> h : exchange.requestHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }

    private static Set<String> queryNames(String rawQuery) {
        Set<String> names = new TreeSet<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return names;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                names.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "(none)";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String media) {
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static String bodyExcerpt(String body) {
        return body == null || body.isEmpty() ? "" : ": " + excerpt(body);
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Iterable<String> iterable(Iterator<String> it) {
        List<String> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }
}
