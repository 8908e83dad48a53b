package coffer.server.http;

import coffer.core.api.ErrorBody;
import coffer.server.json.Json;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Jetty refuses before any route sees them are answered like every other refusal: a 4xx whose
 * JSON body names its code, not a page of Jetty's own.
 */
class JettyErrorsTest extends DemoServerTest {

    @Test
    void aTargetWithBadPercentEncodedUtf8IsA400WithItsCode() {
        Caller alice = server.login("alice@example.com");
        for (String path : new String[]{"/api/v1/accounts/%FF", "/api/v1/accounts/%C0%AE/lock", "/api/v1/payments/%ED%A0%80"}) {
            HttpResponse<String> r = Http.send(alice.request(path).header("Accept", "application/json").GET());
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(Caller.errorCode(r)).as(r.body()).isEqualTo("INVALID_REQUEST");
            assertThat(r.body()).contains(JettyErrors.PREFIX);
        }
    }

    @Test
    void everyMethodGetsTheErrorBody() {
        Caller alice = server.login("alice@example.com");
        for (String method : new String[]{"DELETE", "PUT", "PATCH"}) {
            HttpResponse<String> r = Http.send(alice.request("/api/v1/cards/..;/cards/x1")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(r.statusCode()).as(method).isEqualTo(400);
            assertThat(Caller.errorCode(r)).as(method + " " + r.body()).isEqualTo("INVALID_REQUEST");
        }
    }

    /**
     * Jetty ends the connection of a request it could not parse; the answer must say so, or a client sends
     * its next request on the closed connection, and a POST (which clients do not retry) gets no answer.
     */
    @Test
    void aPostRightAfterARequestJettyRefusedGetsItsAnswer() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String login = "{\"email\":\"alice@example.com\",\"password\":\"" + coffer.server.tenant.DemoData.PASSWORD + "\"}";
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url("/api/v1/accounts/" + "x".repeat(20_000)))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(414);
            HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url("/api/v1/auth/login"))).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    /**
     * A request line Jetty cannot read as HTTP/1.x (no version: HTTP/0.9; a version it does not know) is the
     * client's mistake: 400 INVALID_REQUEST in the shared shape, not a 505 counted as a server failure.
     */
    @Test
    void aRequestLineThatIsNotHttp1IsA400WithItsCode() {
        for (String line : new String[]{"GET /health", "GET /health HTTP/1.5", "GET /health HTTP/3.0", "yyyy HTTP/1.1"}) {
            try (RawConnection connection = RawConnection.open(server.server().port())) {
                connection.send(line + "\r\nHost: 127.0.0.1\r\n\r\n");
                RawConnection.Answer answer = connection.next();
                assertThat(answer.status()).as(line + ": " + answer).isEqualTo(400);
                assertThat(answer.headers().get("content-type")).startsWith("application/json");
                assertThat(answer.closes()).as(line).isTrue();
                assertThat(Json.gson().fromJson(answer.body(), ErrorBody.class).error().code()).as(line).isEqualTo("INVALID_REQUEST");
                assertThat(answer.body()).contains(JettyErrors.PREFIX);
            }
        }
    }

    @Test
    void aTargetTooLongIsA414WithItsCodeWhateverTheClientAccepts() {
        HttpResponse<String> r = Http.get(server.url("/api/v1/accounts/" + "x".repeat(20_000)));
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(Caller.errorCode(r)).as(r.body()).isEqualTo("INVALID_REQUEST");
    }
}
