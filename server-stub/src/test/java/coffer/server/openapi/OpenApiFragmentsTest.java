package coffer.server.openapi;

import coffer.server.openapi.OpenApiFragments.Fragment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
