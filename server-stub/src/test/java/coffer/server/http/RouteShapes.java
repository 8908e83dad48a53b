package coffer.server.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the server's own {@code /openapi.json} says each route takes: its query parameters and the fields
 * of its body (with their schemas, so an array of objects can be filled with objects of the right shape),
 * and every field name the document knows, for bodies of routes it documents no fields for.
 */
final class RouteShapes {
    /** One route's documented input; empty for a route the document does not describe. */
    record Shape(List<String> query, Map<String, JsonObject> fields, boolean form) {
        static final Shape NONE = new Shape(List.of(), Map.of(), false);
    }

    private final JsonObject document;
    private final Set<String> allFieldNames = new LinkedHashSet<>();

    private RouteShapes(JsonObject document) {
        this.document = document;
        collectNames(document);
    }

    static RouteShapes of(String openApiJson) {
        return new RouteShapes(JsonParser.parseString(openApiJson).getAsJsonObject());
    }

    /** Every property name of every schema in the document. */
    List<String> allFieldNames() {
        return List.copyOf(allFieldNames);
    }

    Shape of(HttpApi.Route route) {
        JsonObject paths = document.getAsJsonObject("paths");
        JsonObject item = paths.has(route.path()) ? paths.getAsJsonObject(route.path()) : null;
        JsonObject operation = item == null ? null : item.getAsJsonObject(route.method().toLowerCase(java.util.Locale.ROOT));
        if (operation == null) {
            return Shape.NONE;
        }
        List<String> query = new ArrayList<>();
        List<JsonElement> parameters = new ArrayList<>();
        if (item.has("parameters")) {
            item.getAsJsonArray("parameters").forEach(parameters::add);
        }
        if (operation.has("parameters")) {
            operation.getAsJsonArray("parameters").forEach(parameters::add);
        }
        for (JsonElement p : parameters) {
            JsonObject parameter = resolve(p.getAsJsonObject());
            if ("query".equals(parameter.get("in").getAsString())) {
                query.add(parameter.get("name").getAsString());
            }
        }
        Map<String, JsonObject> fields = new LinkedHashMap<>();
        boolean form = false;
        if (operation.has("requestBody")) {
            JsonObject content = resolve(operation.getAsJsonObject("requestBody")).getAsJsonObject("content");
            for (Map.Entry<String, JsonElement> media : content.entrySet()) {
                form |= media.getKey().equals("application/x-www-form-urlencoded");
                JsonObject schema = media.getValue().getAsJsonObject().getAsJsonObject("schema");
                if (schema != null) {
                    fields.putAll(properties(schema));
                }
            }
        }
        return new Shape(query, fields, form);
    }

    /** The properties of an object schema, through {@code $ref}, {@code allOf}, {@code oneOf} and {@code anyOf}. */
    Map<String, JsonObject> properties(JsonObject schema) {
        JsonObject s = resolve(schema);
        Map<String, JsonObject> fields = new LinkedHashMap<>();
        if (s.has("properties")) {
            for (Map.Entry<String, JsonElement> p : s.getAsJsonObject("properties").entrySet()) {
                fields.put(p.getKey(), resolve(p.getValue().getAsJsonObject()));
            }
        }
        for (String combination : List.of("allOf", "oneOf", "anyOf")) {
            if (s.has(combination)) {
                for (JsonElement part : s.getAsJsonArray(combination)) {
                    if (part.isJsonObject()) {
                        fields.putAll(properties(part.getAsJsonObject()));
                    }
                }
            }
        }
        return fields;
    }

    /** The schema an array schema holds objects of, or null when it holds no documented object. */
    JsonObject itemsOf(JsonObject schema) {
        JsonObject s = resolve(schema);
        if (!s.has("items") || !s.get("items").isJsonObject()) {
            return null;
        }
        JsonObject items = resolve(s.getAsJsonObject("items"));
        return properties(items).isEmpty() ? null : items;
    }

    private JsonObject resolve(JsonObject node) {
        JsonObject current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            JsonElement target = document;
            for (String part : current.get("$ref").getAsString().substring(2).split("/")) {
                target = target.getAsJsonObject().get(part);
            }
            current = target.getAsJsonObject();
        }
        return current;
    }

    private void collectNames(JsonElement node) {
        if (node.isJsonObject()) {
            JsonObject o = node.getAsJsonObject();
            if (o.has("properties") && o.get("properties").isJsonObject()) {
                allFieldNames.addAll(o.getAsJsonObject("properties").keySet());
            }
            o.entrySet().forEach(e -> collectNames(e.getValue()));
        } else if (node.isJsonArray()) {
            for (JsonElement e : (JsonArray) node) {
                collectNames(e);
            }
        }
    }
}
