package coffer.server.openapi;

import coffer.server.http.HttpApi;
import coffer.server.http.RateLimited;
import coffer.server.testing.Http;
import coffer.server.testing.ServerExtension;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} documents exactly the endpoints the running server registered: a route added
 * without its fragment, or a documented route that does not exist, fails here by name.
 */
class OpenApiCompletenessTest {
    @RegisterExtension
    static final ServerExtension server = new ServerExtension();
    static JsonObject document;

    @BeforeAll
    static void start() {
        HttpResponse<String> r = Http.get(server.get().url("/openapi.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        document = JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** {@code /a/{id}/b} and {@code /a/<wallet>/b} alike become {@code /a/{}/b}: parameter names do not matter. */
    static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}/]*}|<[^>/]*>", "{}");
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Map<String, String> registered = new TreeMap<>();
        for (HttpApi.Route r : server.get().server().routes()) {
            registered.put(shape(r.method(), r.path()), r.method() + " " + r.path());
        }
        Map<String, String> documented = new TreeMap<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                if (OpenApiDocument.METHODS.contains(method)) {
                    String upper = method.toUpperCase(Locale.ROOT);
                    documented.put(shape(upper, path.getKey()), upper + " " + path.getKey());
                }
            }
        }
        assertThat(registered).as("the server registers routes").isNotEmpty();

        Set<String> undocumented = new TreeSet<>(registered.keySet());
        undocumented.removeAll(documented.keySet());
        Set<String> phantom = new TreeSet<>(documented.keySet());
        phantom.removeAll(registered.keySet());
        assertThat(undocumented.stream().map(registered::get).toList())
                .as("routes the server serves but /openapi.json does not describe (add them to a fragment in src/main/resources/openapi/)")
                .isEmpty();
        assertThat(phantom.stream().map(documented::get).toList())
                .as("routes /openapi.json describes but the server does not serve")
                .isEmpty();
    }

    @Test
    void theServedDocumentIsTheMergedOne() {
        assertThat(document.get("openapi").getAsString()).isEqualTo("3.1.0");
        assertThat(document.getAsJsonObject("paths").keySet())
                .contains("/health", "/openapi.json", "/docs", "/metrics", "/api/v1/auth/login", "/api/v1/accounts/{id}",
                        "/api/v1/kyc", "/api/v1/kyc/submissions", "/api/v1/products", "/api/v1/orders");
        assertThat(document.getAsJsonObject("info").get("version").getAsString()).isNotBlank();
    }

    @Test
    void theFragmentsAgree() {
        assertThat(OpenApiDocument.load().conflicts()).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        assertThat(refs.stream().filter(ref -> resolve(ref) == null).distinct().toList())
                .as("$refs pointing nowhere").isEmpty();
    }

    @Test
    void everyPathParameterIsDeclared() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            var params = new TreeSet<String>();
            var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                params.add(m.group(1));
            }
            for (Map.Entry<String, JsonElement> op : path.getValue().getAsJsonObject().entrySet()) {
                Set<String> declared = new TreeSet<>();
                var list = op.getValue().getAsJsonObject().getAsJsonArray("parameters");
                if (list != null) {
                    list.forEach(p -> {
                        JsonObject param = p.getAsJsonObject().has("$ref")
                                ? resolve(p.getAsJsonObject().get("$ref").getAsString()).getAsJsonObject() : p.getAsJsonObject();
                        if ("path".equals(param.get("in").getAsString())) {
                            declared.add(param.get("name").getAsString());
                        }
                    });
                }
                if (!declared.equals(params)) {
                    missing.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " declares " + declared);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Answers every route can give whatever its handler does, so each operation documents them: 413 for a body
     * over the limit (refused before the route runs), 429 for a route counted against a rate limit. The contract
     * check only sees the answers tests happen to provoke; this holds the rest.
     */
    @Test
    void everyOperationDocumentsTheAnswersItsRolesAndBodyCanGive() {
        List<String> missing = new ArrayList<>();
        for (HttpApi.Route r : server.get().server().routes()) {
            JsonObject op = operation(r);
            if (op == null) {
                continue; // the test above names it
            }
            JsonObject responses = op.getAsJsonObject("responses");
            if (op.has("requestBody") && !responses.has("413")) {
                missing.add(r.method() + " " + r.path() + ": takes a body but does not document 413");
            }
            if (r.roles().stream().anyMatch(role -> role instanceof RateLimited) && !responses.has("429")) {
                missing.add(r.method() + " " + r.path() + ": is rate limited but does not document 429");
            }
        }
        assertThat(missing).isEmpty();
    }

    private static JsonObject operation(HttpApi.Route r) {
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            if (shape(r.method(), path.getKey()).equals(shape(r.method(), r.path()))) {
                JsonElement op = path.getValue().getAsJsonObject().get(r.method().toLowerCase(Locale.ROOT));
                return op == null ? null : op.getAsJsonObject();
            }
        }
        return null;
    }

    private static void collectRefs(JsonElement e, List<String> into) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("$ref")) {
                    into.add(entry.getValue().getAsString());
                } else {
                    collectRefs(entry.getValue(), into);
                }
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(child -> collectRefs(child, into));
        }
    }

    private static JsonElement resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonElement at = document;
        for (String part : ref.substring(2).split("/")) {
            at = at != null && at.isJsonObject() ? at.getAsJsonObject().get(part) : null;
        }
        return at;
    }
}
