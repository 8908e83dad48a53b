package coffer.server.openapi;

import coffer.server.openapi.OpenApiFragments.Fragment;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fragments are found by listing {@code openapi/}, in a folder and in a jar alike, and merged. */
class OpenApiFragmentsTest {
    private static final String PAYMENTS = """
            {"paths": {"/api/v1/payments": {"post": {"summary": "Pay", "responses": {"201": {"description": "ok"}}}}},
             "components": {"schemas": {"Payment": {"type": "object"}}}}""";
    private static final String HISTORY = """
            {"paths": {"/api/v1/transactions": {"get": {"summary": "History", "responses": {"200": {"description": "ok"}}}},
                       "/api/v1/payments": {"get": {"summary": "List payments", "responses": {"200": {"description": "ok"}}}}},
             "components": {"schemas": {"Payment": {"type": "object"}, "Page": {"type": "object"}}}}""";

    @TempDir
    Path dir;

    @Test
    void anyJsonFileInTheFolderIsAFragment() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("openapi"));
        Files.writeString(folder.resolve("payments.json"), PAYMENTS);
        Files.writeString(folder.resolve("history.json"), HISTORY);
        Files.writeString(folder.resolve("notes.txt"), "not a fragment");

        List<Fragment> fragments = OpenApiFragments.load(dir);

        assertThat(fragments).extracting(Fragment::name).containsExactly("history.json", "payments.json");
    }

    @Test
    void fragmentsAreFoundInsideAJarToo() throws IOException {
        Path jar = dir.resolve("server.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "coffer/server/Main.class", "");
            put(out, "openapi/payments.json", PAYMENTS);
            put(out, "openapi/history.json", HISTORY);
        }

        assertThat(OpenApiFragments.load(jar)).extracting(Fragment::name).containsExactly("history.json", "payments.json");
    }

    @Test
    void theServersOwnFragmentsAreFound() {
        assertThat(OpenApiFragments.load()).extracting(Fragment::name)
                .contains("platform.json", "auth.json", "accounts.json", "kyc.json");
    }

    @Test
    void operationsOfOnePathFromTwoFragmentsAreMergedAndEqualSchemasAreShared() {
        OpenApiDocument doc = OpenApiDocument.merge(List.of(fragment("history.json", HISTORY), fragment("payments.json", PAYMENTS)));

        assertThat(doc.conflicts()).isEmpty();
        assertThat(doc.operations()).containsExactly("GET /api/v1/payments", "GET /api/v1/transactions", "POST /api/v1/payments");
        assertThat(doc.document().getAsJsonObject("components").getAsJsonObject("schemas").keySet())
                .contains("Payment", "Page", "Error");
    }

    @Test
    void theSameOperationOrSchemaDefinedDifferentlyIsAConflictAndTheFirstIsKept() {
        String other = """
                {"paths": {"/api/v1/payments": {"post": {"summary": "Pay differently", "responses": {}}}},
                 "components": {"schemas": {"Payment": {"type": "string"}, "Error": {"type": "string"}}}}""";
        OpenApiDocument doc = OpenApiDocument.merge(List.of(fragment("a.json", PAYMENTS), fragment("b.json", other)));

        assertThat(doc.conflicts()).hasSize(3).anySatisfy(c -> assertThat(c).contains("POST /api/v1/payments", "a.json", "b.json"))
                .anySatisfy(c -> assertThat(c).contains("components.schemas.Payment"))
                .anySatisfy(c -> assertThat(c).contains("components.schemas.Error", "openapi-base.json"));
        assertThat(doc.document().getAsJsonObject("paths").getAsJsonObject("/api/v1/payments")
                .getAsJsonObject("post").get("summary").getAsString()).isEqualTo("Pay");
    }

    @Test
    void aFragmentThatIsNotJsonIsRefusedByName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("openapi"));
        Files.writeString(folder.resolve("broken.json"), "{\"paths\": ");

        assertThatThrownBy(() -> OpenApiFragments.load(dir)).hasMessageContaining("broken.json");
    }

    @Test
    void theErrorCodesAreListedFromTheSharedEnum() {
        OpenApiDocument doc = OpenApiDocument.merge(List.of());
        String codes = doc.document().getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("Error")
                .getAsJsonObject("properties").getAsJsonObject("error").getAsJsonObject("properties")
                .getAsJsonObject("code").getAsJsonArray("enum").toString();
        assertThat(codes).contains("RATE_LIMITED", "PAYLOAD_TOO_LARGE", "KYC_REQUIRED");
    }

    private static Fragment fragment(String name, String json) {
        return new Fragment(name, OpenApiFragments.parse(name, json));
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** Media types shown by opening them, not read as data: a page, a script, a stylesheet, an image. */
    private static final List<String> SHOWN_NOT_READ = List.of("text/html", "text/javascript", "text/css", "image/");

    @Test
    void everyOperationOfEveryFragmentShowsARequestAndAnAnswerByExample() {
        JsonObject merged = OpenApiDocument.load().document();
        List<String> missing = new ArrayList<>();
        for (Fragment f : OpenApiFragments.load()) {
            JsonObject paths = f.body().has("paths") ? f.body().getAsJsonObject("paths") : new JsonObject();
            for (String path : paths.keySet()) {
                for (var op : paths.getAsJsonObject(path).entrySet()) {
                    if (!OpenApiDocument.METHODS.contains(op.getKey())) {
                        continue;
                    }
                    String name = f.name() + ": " + op.getKey().toUpperCase(Locale.ROOT) + " " + path;
                    JsonObject operation = op.getValue().getAsJsonObject();
                    if (operation.has("requestBody")) {
                        missing.addAll(withoutExample(name + " request body", resolve(merged, operation.getAsJsonObject("requestBody"))));
                    }
                    JsonObject responses = operation.getAsJsonObject("responses");
                    String success = responses.keySet().stream().filter(k -> k.startsWith("2")).sorted().findFirst().orElse(null);
                    if (success == null) {
                        missing.add(name + ": documents no 2xx answer");
                    } else {
                        missing.addAll(withoutExample(name + " " + success + " answer", resolve(merged, responses.getAsJsonObject(success))));
                    }
                }
            }
        }
        assertThat(missing).as("operations without an example (add \"example\" next to the media type's \"schema\")").isEmpty();
    }

    @Test
    void everyExampleFitsItsSchema() {
        assertThat(ContractCheck.shared().invalidExamples()).isEmpty();
    }

    private static List<String> withoutExample(String what, JsonObject holder) {
        List<String> missing = new ArrayList<>();
        if (!holder.has("content")) {
            return missing;
        }
        for (var media : holder.getAsJsonObject("content").entrySet()) {
            boolean shown = SHOWN_NOT_READ.stream().anyMatch(media.getKey()::startsWith);
            JsonObject m = media.getValue().getAsJsonObject();
            if (!shown && !m.has("example") && !m.has("examples")) {
                missing.add(what + " (" + media.getKey() + ") has no example");
            }
        }
        return missing;
    }

    /** A response or body, its {@code $ref} followed in the merged document. */
    private static JsonObject resolve(JsonObject document, JsonObject o) {
        JsonObject at = o;
        while (at.has("$ref")) {
            JsonElement target = document;
            for (String part : at.get("$ref").getAsString().substring(2).split("/")) {
                target = target.getAsJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
            }
            at = target.getAsJsonObject();
        }
        return at;
    }
}
