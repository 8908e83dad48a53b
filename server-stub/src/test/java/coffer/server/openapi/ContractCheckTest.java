package coffer.server.openapi;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check finds what the document does not describe, and only that. */
class ContractCheckTest {
    private final ContractCheck check = ContractCheck.shared();

    private static ContractCheck.Exchange get(String path, int status, String body) {
        return new ContractCheck.Exchange("GET", URI.create("http://127.0.0.1:1" + path), Map.of(), null, status,
                "application/json", body);
    }

    @Test
    void anAnswerThatFitsItsSchemaFits() {
        assertThat(check.mismatches(get("/health", 200, "{\"status\":\"ok\",\"version\":\"1\",\"database\":\"sqlite\"}")))
                .isEmpty();
    }

    @Test
    void anAnswerWithAWrongFieldIsNamedWithItsOperation() {
        List<String> found = check.mismatches(get("/health", 200, "{\"status\":\"fine\",\"version\":\"1\",\"database\":\"sqlite\"}"));

        assertThat(found).singleElement().asString().startsWith("GET /health 200 answer: /status");
    }

    @Test
    void anUndocumentedStatusIsNamed() {
        assertThat(check.mismatches(get("/health", 418, "{}")))
                .singleElement().asString().contains("GET /health: answered 418, which the operation does not document");
    }

    @Test
    void aPathParameterMatchesItsTemplateAndAReferencedSchemaIsFollowed() {
        List<String> found = check.mismatches(get("/api/v1/accounts/acc_1", 200, "{\"id\": 5}"));

        assertThat(found).anySatisfy(m -> assertThat(m).startsWith("GET /api/v1/accounts/{id} 200 answer: required property"))
                .anySatisfy(m -> assertThat(m).isEqualTo("GET /api/v1/accounts/{id}: accepted a request without its credentials (bearerAuth)"));
    }

    @Test
    void aFieldTheDocumentDoesNotNameIsAMismatch() {
        List<String> found = check.mismatches(get("/health", 200,
                "{\"status\":\"ok\",\"version\":\"1\",\"database\":\"sqlite\",\"uptime\":5}"));

        assertThat(found).singleElement().asString().startsWith("GET /health 200 answer:").contains("uptime");
    }

    @Test
    void anAcceptedRequestIsHeldToItsSchemaAndARefusedOneIsNot() {
        var accepted = new ContractCheck.Exchange("POST", URI.create("http://127.0.0.1:1/api/v1/auth/login"),
                Map.of("Content-Type", List.of("application/json")), "{\"email\": 5}", 200, null, null);
        var refused = new ContractCheck.Exchange("POST", URI.create("http://127.0.0.1:1/api/v1/auth/login"),
                Map.of("Content-Type", List.of("application/json")), "{\"email\": 5}", 400, "application/json",
                "{\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"email\"}}");

        assertThat(check.mismatches(accepted)).anySatisfy(m -> assertThat(m).startsWith("POST /api/v1/auth/login request: /email"));
        assertThat(check.mismatches(refused)).isEmpty();
    }

    @Test
    void aRouteTheServerDoesNotHaveIsNotTheContractsBusiness() {
        assertThat(check.mismatches(get("/no/such/route", 404, "{}"))).isEmpty();
        assertThat(check.mismatches(get("/no/such/route", 200, "{}"))).singleElement().asString()
                .contains("the document has no such operation");
    }

    @Test
    void anExampleThatDoesNotFitItsSchemaIsNamed() {
        ContractCheck small = new ContractCheck("""
                {"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content":
                  {"application/json": {"schema": {"$ref": "#/components/schemas/A"}, "example": {"n": "five"}}}}}}}},
                 "components": {"schemas": {"A": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}""");

        assertThat(small.invalidExamples()).singleElement().asString()
                .startsWith("GET /a responses/200 example: /n").contains("integer");
    }
}
