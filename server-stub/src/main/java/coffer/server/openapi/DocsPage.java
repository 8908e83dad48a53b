package coffer.server.openapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /docs}: the OpenAPI document as one self-contained HTML page (no script, no stylesheet
 * or font from elsewhere, so it works offline): operations grouped by tag with their parameters,
 * bodies and answers, then every schema. Rendered once, when the server starts.
 */
final class DocsPage {
    private static final int MAX_DEPTH = 4;
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#f7f8fa}
            header{background:#1d2430;color:#fff;padding:24px 40px}header a{color:#9cc7ff}
            nav{float:left;width:290px;padding:16px 24px;position:sticky;top:0;max-height:100vh;overflow:auto;font-size:13px}
            nav ul{list-style:none;padding-left:8px;margin:4px 0 12px}nav a{color:#1d2430;text-decoration:none}
            main{margin-left:330px;padding:8px 40px 60px;max-width:980px}
            article{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:4px 20px 12px;margin:16px 0}
            h2{border-bottom:2px solid #dde1e7;padding-top:16px}h3 code{font-size:16px}
            .m{display:inline-block;min-width:58px;text-align:center;border-radius:4px;color:#fff;font:bold 12px monospace;padding:3px 4px;margin-right:6px}
            .get{background:#2f7d32}.post{background:#1565c0}.put,.patch{background:#b26a00}.delete{background:#b3261e}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:14px}
            th,td{border:1px solid #e3e6ea;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f2f5}
            code{font-family:ui-monospace,monospace;font-size:13px}.muted{color:#5f6b7a}.req{color:#b3261e}
            """;

    private final JsonObject doc;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private DocsPage(JsonObject doc) {
        this.doc = doc;
    }

    static String render(JsonObject document) {
        return new DocsPage(document).page();
    }

    private String page() {
        JsonObject info = doc.getAsJsonObject("info");
        Map<String, List<Op>> byTag = operationsByTag();
        out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(esc(text(info, "title"))).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<header><h1>").append(esc(text(info, "title"))).append(" <small>").append(esc(text(info, "version")))
                .append("</small></h1><p>").append(esc(text(info, "description")))
                .append("</p><p><a href=\"/openapi.json\">OpenAPI 3.1 document (JSON)</a></p></header><nav>");
        byTag.forEach((tag, ops) -> {
            out.append("<b><a href=\"#tag-").append(slug(tag)).append("\">").append(esc(tag)).append("</a></b><ul>");
            ops.forEach(op -> out.append("<li><a href=\"#").append(op.anchor()).append("\">").append(op.method())
                    .append(' ').append(esc(op.path())).append("</a></li>"));
            out.append("</ul>");
        });
        out.append("<b><a href=\"#schemas\">Schemas</a></b></nav><main>");
        byTag.forEach((tag, ops) -> {
            out.append("<h2 id=\"tag-").append(slug(tag)).append("\">").append(esc(tag)).append("</h2>");
            String about = tagDescription(tag);
            if (!about.isEmpty()) {
                out.append("<p>").append(esc(about)).append("</p>");
            }
            ops.forEach(this::operation);
        });
        schemas();
        return out.append("</main></body></html>").toString();
    }

    private record Op(String method, String path, JsonObject body) {
        String anchor() {
            return "op-" + method.toLowerCase(Locale.ROOT) + slug(path);
        }
    }

    private Map<String, List<Op>> operationsByTag() {
        Map<String, List<Op>> byTag = new LinkedHashMap<>();
        if (doc.has("tags")) {
            doc.getAsJsonArray("tags").forEach(t -> byTag.put(text(t.getAsJsonObject(), "name"), new ArrayList<>()));
        }
        for (String path : new TreeSet<>(doc.getAsJsonObject("paths").keySet())) {
            JsonObject item = doc.getAsJsonObject("paths").getAsJsonObject(path);
            for (String method : item.keySet()) {
                if (OpenApiDocument.METHODS.contains(method)) {
                    JsonObject op = item.getAsJsonObject(method);
                    JsonArray tags = op.getAsJsonArray("tags");
                    String tag = tags != null && !tags.isEmpty() ? tags.get(0).getAsString() : "Other";
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>())
                            .add(new Op(method.toUpperCase(Locale.ROOT), path, op));
                }
            }
        }
        byTag.values().removeIf(List::isEmpty);
        return byTag;
    }

    private void operation(Op op) {
        JsonObject o = op.body();
        out.append("<article id=\"").append(op.anchor()).append("\"><h3><span class=\"m ")
                .append(op.method().toLowerCase(Locale.ROOT)).append("\">").append(op.method()).append("</span><code>")
                .append(esc(op.path())).append("</code></h3>");
        if (o.has("summary")) {
            out.append("<p><b>").append(esc(text(o, "summary"))).append("</b></p>");
        }
        if (o.has("description")) {
            out.append("<p>").append(esc(text(o, "description"))).append("</p>");
        }
        out.append("<p class=\"muted\">Authentication: ").append(esc(security(o))).append("</p>");
        JsonArray params = o.getAsJsonArray("parameters");
        if (params != null && !params.isEmpty()) {
            out.append("<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr>");
            for (JsonElement p : params) {
                JsonObject param = resolve(p.getAsJsonObject());
                boolean required = param.has("required") && param.get("required").getAsBoolean();
                out.append("<tr><td><code>").append(esc(text(param, "name"))).append("</code>")
                        .append(required ? " <span class=\"req\">required</span>" : "").append("</td><td>")
                        .append(esc(text(param, "in"))).append("</td><td>");
                type(param.getAsJsonObject("schema"));
                out.append("</td><td>").append(esc(text(param, "description"))).append("</td></tr>");
            }
            out.append("</table>");
        }
        if (o.has("requestBody")) {
            JsonObject body = resolve(o.getAsJsonObject("requestBody"));
            out.append("<p><b>Request body</b> ").append(esc(text(body, "description"))).append("</p>");
            content(body, 0);
        }
        if (o.has("responses")) {
            out.append("<table><tr><th>Status</th><th>Answer</th></tr>");
            for (Map.Entry<String, JsonElement> r : o.getAsJsonObject("responses").entrySet()) {
                JsonObject response = resolve(r.getValue().getAsJsonObject());
                out.append("<tr><td><b>").append(esc(r.getKey())).append("</b></td><td>")
                        .append(esc(text(response, "description")));
                content(response, 0);
                out.append("</td></tr>");
            }
            out.append("</table>");
        }
        out.append("</article>");
    }

    /** The schema of the first media type of a body or response, if any. */
    private void content(JsonObject holder, int depth) {
        if (!holder.has("content")) {
            return;
        }
        for (Map.Entry<String, JsonElement> media : holder.getAsJsonObject("content").entrySet()) {
            JsonObject m = media.getValue().getAsJsonObject();
            out.append("<div class=\"muted\"><code>").append(esc(media.getKey())).append("</code> ");
            if (m.has("schema")) {
                schema(m.getAsJsonObject("schema"), depth);
            }
            out.append("</div>");
            return;
        }
    }

    /** A schema: a link for a reference, a table for an object with properties, else its type. */
    private void schema(JsonObject s, int depth) {
        if (s.has("properties") && !s.has("$ref") && depth < MAX_DEPTH) {
            properties(s, depth);
        } else {
            type(s);
        }
    }

    private void properties(JsonObject s, int depth) {
        Set<String> required = new TreeSet<>();
        if (s.has("required")) {
            s.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
        }
        out.append("<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>");
        for (Map.Entry<String, JsonElement> p : s.getAsJsonObject("properties").entrySet()) {
            JsonObject prop = p.getValue().getAsJsonObject();
            out.append("<tr><td><code>").append(esc(p.getKey())).append("</code>")
                    .append(required.contains(p.getKey()) ? " <span class=\"req\">required</span>" : "")
                    .append("</td><td>");
            type(prop);
            out.append("</td><td>").append(esc(text(prop, "description")));
            if (prop.has("properties") && depth + 1 < MAX_DEPTH) {
                properties(prop, depth + 1);
            }
            out.append("</td></tr>");
        }
        out.append("</table>");
    }

    /** A one-line type: {@code string (date)}, {@code array of Account}, a link to a named schema, an enum. */
    private void type(JsonObject s) {
        if (s == null) {
            return;
        }
        if (s.has("$ref")) {
            String name = refName(s);
            out.append("<a href=\"#schema-").append(slug(name)).append("\">").append(esc(name)).append("</a>");
            return;
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(combinator)) {
                String sep = combinator.equals("allOf") ? " &amp; " : " | ";
                JsonArray parts = s.getAsJsonArray(combinator);
                for (int i = 0; i < parts.size(); i++) {
                    out.append(i == 0 ? "" : sep);
                    type(parts.get(i).getAsJsonObject());
                }
                return;
            }
        }
        JsonElement t = s.get("type");
        String kind = t == null ? "any" : t.isJsonArray() ? join(t.getAsJsonArray(), " | ") : t.getAsString();
        out.append(esc(kind));
        if (s.has("format")) {
            out.append(" (").append(esc(text(s, "format"))).append(')');
        }
        if (s.has("items")) {
            out.append(" of ");
            type(s.getAsJsonObject("items"));
        }
        if (s.has("enum")) {
            out.append(": <code>").append(esc(join(s.getAsJsonArray("enum"), ", "))).append("</code>");
        }
        if (s.has("example")) {
            out.append(" <span class=\"muted\">e.g. <code>").append(esc(s.get("example").toString())).append("</code></span>");
        }
    }

    private void schemas() {
        out.append("<h2 id=\"schemas\">Schemas</h2>");
        JsonObject schemas = doc.getAsJsonObject("components").getAsJsonObject("schemas");
        for (String name : new TreeSet<>(schemas.keySet())) {
            JsonObject s = schemas.getAsJsonObject(name);
            out.append("<article id=\"schema-").append(slug(name)).append("\"><h3>").append(esc(name)).append("</h3>");
            if (s.has("description")) {
                out.append("<p>").append(esc(text(s, "description"))).append("</p>");
            }
            if (s.has("properties")) {
                properties(s, 0);
            } else {
                out.append("<p>");
                type(s);
                out.append("</p>");
            }
            out.append("</article>");
        }
    }

    private String security(JsonObject op) {
        JsonArray requirements = op.has("security") ? op.getAsJsonArray("security") : doc.getAsJsonArray("security");
        if (requirements == null || requirements.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        requirements.forEach(r -> names.addAll(r.getAsJsonObject().keySet()));
        JsonObject schemes = doc.getAsJsonObject("components").getAsJsonObject("securitySchemes");
        List<String> described = new ArrayList<>();
        for (String n : names) {
            JsonObject scheme = schemes != null ? schemes.getAsJsonObject(n) : null;
            described.add(scheme != null && scheme.has("description") ? text(scheme, "description") : n);
        }
        return String.join(" or ", described);
    }

    /** A {@code $ref} to a parameter, body or response, followed; anything else as it is. */
    private JsonObject resolve(JsonObject o) {
        if (!o.has("$ref")) {
            return o;
        }
        JsonElement target = doc;
        for (String part : o.get("$ref").getAsString().substring(2).split("/")) {
            target = target != null && target.isJsonObject() ? target.getAsJsonObject().get(part) : null;
        }
        return target != null && target.isJsonObject() ? target.getAsJsonObject() : o;
    }

    private String tagDescription(String tag) {
        if (doc.has("tags")) {
            for (JsonElement t : doc.getAsJsonArray("tags")) {
                if (tag.equals(text(t.getAsJsonObject(), "name"))) {
                    return text(t.getAsJsonObject(), "description");
                }
            }
        }
        return "";
    }

    private static String refName(JsonObject s) {
        String ref = s.get("$ref").getAsString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static String join(JsonArray values, String sep) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(v.isJsonPrimitive() ? v.getAsString() : v.toString()));
        return String.join(sep, parts);
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
