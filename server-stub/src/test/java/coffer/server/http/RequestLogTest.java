package coffer.server.http;

import coffer.server.testing.Contract;
import coffer.server.testing.Http;
import coffer.server.testing.RecordingLogger;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log has one line per request and never a credential, token, document number or body. */
class RequestLogTest {
    private static final RecordingLogger LOG = new RecordingLogger("access");

    @RegisterExtension
    static final ServerExtension server = new ServerExtension(TestServer.settings().withRequestLog(LOG));

    @Test
    void aLoginAndABearerRequestLogOneLineEachAndLeakNothing() {
        String password = "demo-password";
        String documentNumber = "P4242424242";
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        List<String> lines;
        String access;
        String refresh;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            LOG.clear();
            JsonObject tokens = Caller.json(Http.post(server.get().url("/api/v1/auth/login"),
                    "{\"email\":\"alice@example.com\",\"password\":\"" + password + "\"}"));
            access = tokens.get("access_token").getAsString();
            refresh = tokens.get("refresh_token").getAsString();
            Caller alice = new Caller(server.get(), access);
            String wallet = alice.firstWalletId();
            Contract.outside("a card number in a query parameter no operation declares, to see the log leave it out",
                    () -> alice.get("/api/v1/accounts/" + wallet + "?card=4242424242424242"));
            alice.post("/api/v1/kyc/submissions", "{\"full_name\":\"Alice\",\"date_of_birth\":\"1990-01-01\","
                    + "\"country\":\"US\",\"document_type\":\"passport\",\"document_number\":\"" + documentNumber + "\"}");
            Http.post(server.get().url("/api/v1/auth/refresh"), "{\"refresh_token\":\"" + refresh + "\"}");
            lines = LOG.lines().stream().map(l -> l.replaceAll(" \\d+\\.\\dms$", "")).toList();
            assertThat(lines).contains(
                    "INFO POST /api/v1/auth/login 200",
                    "INFO GET /api/v1/accounts 200",
                    "INFO GET /api/v1/accounts/{id} 200",
                    "INFO POST /api/v1/kyc/submissions 409",
                    "INFO POST /api/v1/auth/refresh 200");
            assertThat(String.join("\n", lines)).doesNotContain(wallet);
        } finally {
            System.setErr(original);
        }
        String everything = String.join("\n", lines) + "\n" + stderr.toString(StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain(password, access, refresh, "Bearer", "Authorization", documentNumber,
                "4242424242", "alice@example.com");
    }

    @Test
    void aPathNoRouteServesIsLoggedShortAndWithoutLongNumbers() {
        assertThat(RequestLog.unmatched("/nothing/4242424242424242/here")).isEqualTo("/nothing/***/here");
        assertThat(RequestLog.unmatched("/x\n/forged line")).doesNotContain("\n");
        assertThat(RequestLog.unmatched("/" + "a".repeat(500))).hasSizeLessThan(130);
    }
}
