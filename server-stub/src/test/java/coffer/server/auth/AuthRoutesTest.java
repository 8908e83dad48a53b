package coffer.server.auth;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRoutesTest extends DemoServerTest {
    private static HttpResponse<String> post(String path, String json) {
        return Http.post(server.url(path), json);
    }

    private static String code(HttpResponse<String> r) {
        return Caller.json(r).getAsJsonObject("error").get("code").getAsString();
    }

    @Test
    void loginAnswersATokenPairThatOpensTheApi() {
        HttpResponse<String> r = post("/api/v1/auth/login", "{\"email\":\"alice@example.com\",\"password\":\"demo-password\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject tokens = Caller.json(r);
        assertThat(tokens.get("expires_in").getAsLong()).isEqualTo(900);
        Caller alice = new Caller(server, tokens.get("access_token").getAsString());
        assertThat(alice.get("/api/v1/accounts").statusCode()).isEqualTo(200);
    }

    @Test
    void emailIsCaseInsensitiveAtLogin() {
        assertThat(post("/api/v1/auth/login", "{\"email\":\" Alice@Example.COM \",\"password\":\"demo-password\"}").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"email\":\"alice@example.com\",\"password\":\"wrong-password\"}|401|UNAUTHORIZED",
            "{\"email\":\"nobody@example.com\",\"password\":\"demo-password\"}|401|UNAUTHORIZED",
            "{\"email\":\"alice@example.com\"}|400|INVALID_REQUEST",
            "{\"email\":\"alice@example.com\",\"password\":\"demo-password\",\"admin\":true}|400|INVALID_REQUEST",
            "{\"email\":42,\"password\":\"demo-password\"}|400|INVALID_REQUEST",
            "not json|400|INVALID_REQUEST",
            "[]|400|INVALID_REQUEST",
    })
    void badLoginsAreRefusedWithTheirCode(String body, int status, String code) {
        HttpResponse<String> r = post("/api/v1/auth/login", body);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(code(r)).isEqualTo(code);
    }

    @Test
    void registerCreatesAUserOnceAndSignsThemIn() {
        HttpResponse<String> r = post("/api/v1/auth/register", "{\"email\":\"dora@example.com\",\"password\":\"long-enough\",\"name\":\"Dora\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(Caller.json(r).get("access_token").getAsString()).startsWith("v1.");
        assertThat(post("/api/v1/auth/login", "{\"email\":\"dora@example.com\",\"password\":\"long-enough\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("/api/v1/auth/register", "{\"email\":\"DORA@example.com\",\"password\":\"other-pass\",\"name\":\"D\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("ALREADY_EXISTS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"email\":\"not-an-email\",\"password\":\"long-enough\"}",
            "{\"email\":\"e@example.com\",\"password\":\"short\"}",
            "{\"password\":\"long-enough\"}",
    })
    void registerRefusesBadEmailsAndShortPasswords(String body) {
        HttpResponse<String> r = post("/api/v1/auth/register", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheSession() {
        JsonObject first = Caller.json(post("/api/v1/auth/login", "{\"email\":\"bob@example.com\",\"password\":\"demo-password\"}"));
        String refresh = first.get("refresh_token").getAsString();

        HttpResponse<String> rotated = post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonObject second = Caller.json(rotated);
        assertThat(second.get("refresh_token").getAsString()).isNotEqualTo(refresh);
        Caller bob = new Caller(server, second.get("access_token").getAsString());
        assertThat(bob.get("/api/v1/accounts").statusCode()).isEqualTo(200);

        HttpResponse<String> replay = post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(replay.statusCode()).isEqualTo(401);
        // the thief's replay ended the session: the newer tokens stop working too
        assertThat(bob.get("/api/v1/accounts").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + second.get("refresh_token").getAsString() + "\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        Caller alice = server.login("alice@example.com");
        assertThat(alice.post("/api/v1/auth/logout", "").statusCode()).isEqualTo(204);
        HttpResponse<String> after = alice.get("/api/v1/accounts");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(code(after)).isEqualTo("UNAUTHORIZED");
    }

    @ParameterizedTest
    @CsvSource({"''", "Bearer", "Bearer v1.abc.def", "Basic YWxpY2U6cGFzcw=="})
    void missingOrForgedTokensAre401(String header) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/v1/accounts")));
        if (!header.isEmpty()) {
            request.header("Authorization", header);
        }
        HttpResponse<String> r = Http.send(request.GET());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(code(r)).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenSignedByAnotherServerIsRefused() {
        Caller alice = server.login("alice@example.com");
        String token = alice.accessToken();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(new Caller(server, tampered).get("/api/v1/accounts").statusCode()).isEqualTo(401);
    }
}
