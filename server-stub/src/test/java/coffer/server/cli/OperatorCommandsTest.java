package coffer.server.cli;

import coffer.core.signature.PartnerRequestVerifier;
import coffer.server.CofferServer;
import coffer.server.Main;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.Http;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment without the demo data or the simulator is run with the operator commands: environments
 * created and their secrets rotated, identity decided, wallets suspended, requests signed for curl. The
 * commands run on the same SQLite file while the server serves it.
 */
class OperatorCommandsTest {
    private static final Pattern SECRET = Pattern.compile("(secret_[A-Za-z0-9]{32})");
    private static final Pattern FINGERPRINT = Pattern.compile("Fingerprint: ([0-9a-f]{12})");

    @TempDir
    Path data;
    private CofferServer server;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() {
        server = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(data), false));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (!all.get(0).equals("sign")) {
            all.addAll(List.of("--data", data.toString()));
        }
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> createWallet(String secret, String envId, String userId) {
        String body = "{\"env_id\": \"" + envId + "\", \"user_id\": \"" + userId + "\"}";
        Run signed = run("sign", "--secret", secret, "--method", "POST", "--path", "/wallet/", "--body", body);
        assertThat(signed.exit()).isZero();
        return Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/wallet/"))
                .header("X-Wallet-Signature", signed.out().strip())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void anEnvironmentCreatedByTheOperatorServesSignedPartnerRequests() {
        Run created = run("env", "create", "--id", "shop-1", "--name", "Example Shop");
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = find(SECRET, created.out());

        HttpResponse<String> wallet = createWallet(secret, "shop-1", "customer-7");
        assertThat(wallet.statusCode()).as(wallet.body()).isEqualTo(200);
        assertThat(json(wallet).get("currency").getAsString()).isEqualTo("USD");

        Run again = run("env", "create", "--id", "shop-1", "--name", "Another");
        assertThat(again.exit()).isEqualTo(Operator.REFUSED);
        assertThat(again.err()).contains("ALREADY_EXISTS");
        assertThat(again.out()).doesNotContain("secret_");
    }

    @Test
    void aSecretIsRotatedWithoutDowntimeAndTheLastOneIsKept() {
        String old = find(SECRET, run("env", "create", "--id", "shop-2", "--name", "Shop").out());
        String oldFingerprint = run("env", "secret", "list", "--env", "shop-2").out().strip();
        assertThat(oldFingerprint).matches("[0-9a-f]{12}");
        Run added = run("env", "secret", "add", "--env", "shop-2");
        assertThat(added.exit()).isZero();
        String fresh = find(SECRET, added.out());
        assertThat(createWallet(old, "shop-2", "u1").statusCode()).isEqualTo(200);
        assertThat(createWallet(fresh, "shop-2", "u2").statusCode()).isEqualTo(200);

        Run revoked = run("env", "secret", "revoke", "--env", "shop-2", "--fingerprint", oldFingerprint);
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        HttpResponse<String> refused = createWallet(old, "shop-2", "u3");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(createWallet(fresh, "shop-2", "u4").statusCode()).isEqualTo(200);

        String freshFingerprint = find(FINGERPRINT, added.out());
        Run last = run("env", "secret", "revoke", "--env", "shop-2", "--fingerprint", freshFingerprint);
        assertThat(last.exit()).isEqualTo(Operator.REFUSED);
        assertThat(last.err()).contains("CONFLICT");
        assertThat(run("env", "secret", "list", "--env", "shop-2").out().strip()).isEqualTo(freshFingerprint);
    }

    @Test
    void theOperatorDecidesAPendingVerification() {
        HttpResponse<String> registered = Http.post(server.baseUrl() + "/api/v1/auth/register",
                "{\"email\": \"kyc-op@example.com\", \"password\": \"password-1234\", \"name\": \"Kay\"}");
        String token = json(registered).get("access_token").getAsString();
        HttpRequest.Builder submit = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/kyc/submissions"))
                .header("Authorization", "Bearer " + token);
        assertThat(Http.postJson(submit, "{\"full_name\": \"Kay Example\", \"date_of_birth\": \"1990-01-01\", "
                + "\"country\": \"GB\", \"document_type\": \"passport\", \"document_number\": \"123456789\"}").statusCode())
                .isEqualTo(202);

        Run decided = run("kyc", "decide", "--env", CofferServer.Options.DEFAULT_USER_ENVIRONMENT, "--user",
                "kyc-op@example.com", "--status", "verified", "--tier", "2", "--reason", "documents checked");
        assertThat(decided.exit()).as(decided.err()).isZero();
        assertThat(decided.out()).contains("verified, tier 2");

        JsonObject kyc = json(Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/kyc"))
                .header("Authorization", "Bearer " + token).GET()));
        assertThat(kyc.get("status").getAsString()).isEqualTo("verified");
        assertThat(kyc.get("tier").getAsInt()).isEqualTo(2);

        Run unknown = run("kyc", "decide", "--env", CofferServer.Options.DEFAULT_USER_ENVIRONMENT, "--user", "nobody",
                "--status", "rejected");
        assertThat(unknown.exit()).isEqualTo(Operator.REFUSED);
        assertThat(unknown.err()).contains("NOT_FOUND");
        assertThat(run("kyc", "decide", "--env", "x", "--user", "y", "--status", "maybe").exit()).isEqualTo(2);
    }

    @Test
    void aWalletSuspendedByTheOperatorMovesNoMoneyAndThePartnerCannotLiftIt() {
        String secret = find(SECRET, run("env", "create", "--id", "shop-3", "--name", "Shop").out());
        String walletId = json(createWallet(secret, "shop-3", "held")).get("id").getAsString();

        Run suspended = run("wallet", "status", "--env", "shop-3", "--wallet", walletId, "--status", "suspended",
                "--reason", "fraud review");
        assertThat(suspended.exit()).as(suspended.err()).isZero();
        assertThat(suspended.out()).contains("is suspended");

        String body = "{\"env_id\": \"shop-3\", \"user_id\": \"held\", \"status\": \"active\"}";
        String path = "/wallet/" + walletId + "/status/";
        Run signed = run("sign", "--secret", secret, "--method", "PATCH", "--path", path, "--body", body);
        HttpResponse<String> lift = Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("X-Wallet-Signature", signed.out().strip()).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
        assertThat(lift.statusCode()).isEqualTo(403);
        assertThat(server.ledger().wallet("shop-3", walletId).orElseThrow().status().wireName()).isEqualTo("suspended");

        assertThat(run("wallet", "status", "--env", "shop-3", "--wallet", walletId, "--status", "active",
                "--reason", "cleared").exit()).isZero();
        assertThat(run("wallet", "status", "--env", "shop-3", "--wallet", walletId, "--status", "frozen",
                "--reason", "x").exit()).isEqualTo(2);
    }

    @Test
    void signPrintsAHeaderTheVerifierAccepts() {
        Run signed = run("sign", "--secret", "secret_abc", "--method", "post", "--path", "/v1/payIns", "--body", "{\"a\":1}");
        assertThat(signed.exit()).isZero();
        assertThat(new PartnerRequestVerifier(List.of("secret_abc")).verify(signed.out().strip(), "POST", "/v1/payIns",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Instant.now()).isOk()).isTrue();
    }
}
