package coffer.server.openapi;

import coffer.core.error.ErrorCode;
import coffer.server.Version;
import coffer.server.openapi.OpenApiFragments.Fragment;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's one OpenAPI 3.1 document, merged once at start from {@code openapi-base.json} (info,
 * security schemes, the shared error body and responses) and every fragment in {@code openapi/}.
 *
 * <p>Fragments add paths and components. The same operation (path and method) or the same component
 * name given twice with different content is a conflict: the first file (by name) wins, the conflict
 * is logged and listed by {@link #conflicts()} (a test keeps the list empty). The error body's
 * {@code code} enum is filled from {@link ErrorCode}, so it never falls behind.
 */
public final class OpenApiDocument {
    private static final Logger log = LoggerFactory.getLogger(OpenApiDocument.class);
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final JsonObject document;
    private final List<String> conflicts;
    private final String json;

    private OpenApiDocument(JsonObject document, List<String> conflicts) {
        this.document = document;
        this.conflicts = List.copyOf(conflicts);
        this.json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document);
    }

    /** The base document and the fragments of the server's own classpath root. */
    public static OpenApiDocument load() {
        return merge(OpenApiFragments.load());
    }

    static OpenApiDocument merge(List<Fragment> fragments) {
        JsonObject doc = base();
        List<String> conflicts = new ArrayList<>();
        Map<String, String> origin = new HashMap<>();
        for (Fragment f : fragments) {
            for (String key : f.body().keySet()) {
                if (!key.equals("paths") && !key.equals("components")) {
                    conflicts.add(f.name() + ": unexpected top-level key '" + key + "' (a fragment has paths and components)");
                }
            }
            mergeSection(doc.getAsJsonObject("paths"), object(f, "paths"), "paths", f.name(), origin, conflicts);
            JsonObject components = object(f, "components");
            for (String section : components.keySet()) {
                JsonElement entries = components.get(section);
                if (!entries.isJsonObject()) {
                    conflicts.add(f.name() + ": components." + section + " is not an object");
                    continue;
                }
                JsonObject target = doc.getAsJsonObject("components");
                if (!target.has(section)) {
                    target.add(section, new JsonObject());
                }
                mergeSection(target.getAsJsonObject(section), entries.getAsJsonObject(), "components." + section,
                        f.name(), origin, conflicts);
            }
        }
        conflicts.forEach(c -> log.warn("OpenAPI document: {}", c));
        return new OpenApiDocument(doc, conflicts);
    }

    /** Adds each entry of {@code from}; paths merge one level deeper, operation by operation. */
    private static void mergeSection(JsonObject into, JsonObject from, String section, String file,
                                     Map<String, String> origin, List<String> conflicts) {
        for (Map.Entry<String, JsonElement> e : from.entrySet()) {
            String name = e.getKey();
            if (section.equals("paths") && e.getValue().isJsonObject()) {
                if (!into.has(name)) {
                    into.add(name, new JsonObject());
                }
                for (Map.Entry<String, JsonElement> op : e.getValue().getAsJsonObject().entrySet()) {
                    String what = op.getKey().toUpperCase(Locale.ROOT) + " " + name;
                    add(into.getAsJsonObject(name), op.getKey(), op.getValue(), what, file, origin, conflicts);
                }
            } else {
                add(into, name, e.getValue(), section + "." + name, file, origin, conflicts);
            }
        }
    }

    private static void add(JsonObject into, String key, JsonElement value, String what, String file,
                            Map<String, String> origin, List<String> conflicts) {
        JsonElement existing = into.get(key);
        if (existing == null) {
            into.add(key, value.deepCopy());
            origin.put(what, file);
        } else if (!existing.equals(value)) {
            conflicts.add(what + " is defined differently in " + origin.getOrDefault(what, "openapi-base.json")
                    + " and " + file + "; the first is kept");
        }
    }

    private static JsonObject object(Fragment f, String key) {
        JsonElement e = f.body().get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonObject base() {
        JsonObject doc;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi-base.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-base.json is missing from the classpath");
            }
            doc = OpenApiFragments.parse("openapi-base.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.getAsJsonObject("info").addProperty("version", Version.current());
        JsonArray codes = new JsonArray();
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.name());
        }
        doc.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("Error")
                .getAsJsonObject("properties").getAsJsonObject("error")
                .getAsJsonObject("properties").getAsJsonObject("code").add("enum", codes);
        if (!doc.has("paths")) {
            doc.add("paths", new JsonObject());
        }
        return doc;
    }

    /** The merged document; a copy, so callers cannot change what is served. */
    JsonObject document() {
        return document.deepCopy();
    }

    /** The merged document as served by {@code /openapi.json}. */
    String json() {
        return json;
    }

    /** What could not be merged cleanly; empty when the fragments agree. */
    List<String> conflicts() {
        return conflicts;
    }

    /** Every documented operation as {@code "METHOD /path/{param}"}, sorted. */
    Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            for (String key : path.getValue().getAsJsonObject().keySet()) {
                if (METHODS.contains(key)) {
                    ops.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return ops;
    }
}
