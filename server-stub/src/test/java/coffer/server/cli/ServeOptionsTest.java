package coffer.server.cli;

import coffer.server.CofferServer;
import coffer.server.Main;
import coffer.server.ProviderMode;
import coffer.server.gateway.StripeSettings;
import coffer.server.testing.Http;
import coffer.server.testing.TlsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code serve}'s options: {@code --host}, {@code --tls-cert} with {@code --tls-key}, {@code --approval-expiry}, and
 * {@code --provider stripe} with its keys from the environment and {@code --stripe-api-base}.
 */
@Timeout(120)
class ServeOptionsTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private CofferServer.Options parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.options();
    }

    @Test
    void theHostIsLoopbackUnlessGivenAndIsPassedThrough() {
        String data = folder.toString();
        assertThat(parse("--data", data).host()).isEqualTo("127.0.0.1");
        CofferServer.Options everywhere = parse("--data", data, "--port", "0", "--host", "0.0.0.0");
        assertThat(everywhere.host()).isEqualTo("0.0.0.0");
        try (CofferServer server = CofferServer.start(everywhere)) {
            assertThat(server.address().getAddress().isAnyLocalAddress()).as("bound to %s", server.address()).isTrue();
            assertThat(Http.get("http://127.0.0.1:" + server.port() + "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theApprovalExpiryIs72HoursUnlessGiven() {
        String data = folder.toString();
        assertThat(parse("--data", data).settings().approvalExpiry()).isEqualTo(Duration.ofHours(72));
        assertThat(parse("--data", data, "--approval-expiry", "2d").settings().approvalExpiry()).isEqualTo(Duration.ofDays(2));
        assertThat(parse("--data", data, "--approval-expiry", "90m").settings().approvalExpiry()).isEqualTo(Duration.ofMinutes(90));
        assertThat(parse("--data", data, "--approval-expiry", "PT12H").settings().approvalExpiry()).isEqualTo(Duration.ofHours(12));
        for (String wrong : List.of("0h", "soon", "-5m", "PT0S")) {
            assertThatThrownBy(() -> parse("--data", data, "--approval-expiry", wrong)).as(wrong)
                    .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--approval-expiry");
        }
    }

    @Test
    void theTlsFilesAreReadIntoTheOptions() {
        TlsFiles tls = TlsFiles.create(folder, "server", "EC");
        CofferServer.Options options = parse("--data", folder.toString(), "--tls-cert", tls.certificate().toString(),
                "--tls-key", tls.key().toString());
        assertThat(options.tls().certificate()).isEqualTo(tls.x509());
        assertThat(parse("--data", folder.toString()).tls()).isNull();
    }

    @Test
    void oneTlsOptionWithoutTheOtherIsAUsageError() {
        assertThat(run("serve", "--tls-cert", "server.crt")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument").contains("--tls-key");
        assertThat(run("serve", "--tls-key", "server.key")).isEqualTo(2);
        assertThat(err.toString()).contains("--tls-cert");
    }

    @Test
    void aMissingFileFailsAtStartWithAClearMessage() {
        TlsFiles tls = TlsFiles.create(folder, "server", "RSA");
        Path missing = folder.resolve("nowhere.crt");
        assertThat(serve(missing, tls.key())).isEqualTo(Main.FAILED);
        assertThat(err.toString()).startsWith("coffer-server: ").contains("cannot read the TLS certificate file " + missing)
                .doesNotContain("\tat ");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedAtStart() {
        TlsFiles mine = TlsFiles.create(folder, "mine", "RSA");
        TlsFiles theirs = TlsFiles.create(folder, "theirs", "RSA");
        assertThat(serve(mine.certificate(), theirs.key())).isEqualTo(Main.FAILED);
        assertThat(err.toString()).startsWith("coffer-server: ").contains("does not belong to the first certificate")
                .doesNotContain("\tat ");
        TlsFiles ec = TlsFiles.create(folder, "ec", "EC");
        assertThat(serve(mine.certificate(), ec.key())).isEqualTo(Main.FAILED);
        assertThat(err.toString()).contains("does not hold a RSA private key");
    }

    @Test
    void aTraditionalRsaKeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        TlsFiles tls = TlsFiles.create(folder, "server", "RSA");
        Path traditional = Files.writeString(folder.resolve("rsa.key"), TlsFiles.pem("RSA PRIVATE KEY", new byte[] {48, 0}));
        assertThat(serve(tls.certificate(), traditional)).isEqualTo(Main.FAILED);
        assertThat(err.toString()).contains("openssl pkcs8 -topk8 -nocrypt -in " + traditional).doesNotContain("\tat ");
    }

    private int serve(Path certificate, Path key) {
        return run("serve", "--port", "0", "--data", folder.resolve("data").toString(),
                "--tls-cert", certificate.toString(), "--tls-key", key.toString());
    }

    private CofferServer.Options parseWith(Map<String, String> environment, String... args) {
        ServeCommand serve = new ServeCommand();
        serve.environment = environment;
        new CommandLine(serve).parseArgs(args);
        return serve.options();
    }

    @Test
    void stripeTakesItsKeysFromTheEnvironmentAndItsApiBaseFromTheCommandLine() {
        Map<String, String> keys = Map.of(StripeSettings.SECRET_KEY_VARIABLE, "sk_test_from_env",
                StripeSettings.WEBHOOK_SECRET_VARIABLE, "whsec_from_env");
        CofferServer.Options options = parseWith(keys, "--data", folder.toString(), "--provider", "stripe",
                "--stripe-api-base", "http://127.0.0.1:12111");

        assertThat(options.provider()).isEqualTo(ProviderMode.STRIPE);
        StripeSettings stripe = options.settings().stripe();
        assertThat(stripe.secretKey()).isEqualTo("sk_test_from_env");
        assertThat(stripe.webhookSecret()).isEqualTo("whsec_from_env");
        assertThat(stripe.apiBase()).isEqualTo(URI.create("http://127.0.0.1:12111"));
        assertThat(options.toString()).as("the options as a log would print them").doesNotContain("sk_test_from_env")
                .doesNotContain("whsec_from_env");
        assertThat(parseWith(keys, "--data", folder.toString(), "--provider", "stripe").settings().stripe().apiBase())
                .isEqualTo(StripeSettings.STRIPE_API);
    }

    @Test
    void stripeWithoutItsKeysOrWithABadApiBaseIsAUsageError() {
        assertThatThrownBy(() -> parseWith(Map.of(), "--data", folder.toString(), "--provider", "stripe"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining(StripeSettings.SECRET_KEY_VARIABLE).hasMessageContaining(StripeSettings.WEBHOOK_SECRET_VARIABLE);
        assertThatThrownBy(() -> parseWith(Map.of(StripeSettings.SECRET_KEY_VARIABLE, "sk_test_x"), "--data", folder.toString(),
                "--provider", "stripe")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining(StripeSettings.WEBHOOK_SECRET_VARIABLE).hasMessageNotContaining("sk_test_x");
        Map<String, String> keys = Map.of(StripeSettings.SECRET_KEY_VARIABLE, "sk_test_x", StripeSettings.WEBHOOK_SECRET_VARIABLE, "whsec_x");
        assertThatThrownBy(() -> parseWith(keys, "--data", folder.toString(), "--provider", "stripe", "--stripe-api-base", "not a url"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--stripe-api-base");
        assertThatThrownBy(() -> parseWith(keys, "--data", folder.toString(), "--stripe-api-base", "http://127.0.0.1:1"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--provider stripe");
    }

    @Test
    void serveWithStripeButNoKeysExitsWithTheUsageCode() {
        assumeTrue(System.getenv(StripeSettings.SECRET_KEY_VARIABLE) == null, "this machine has Stripe keys in its environment");
        assertThat(run("serve", "--data", folder.toString(), "--provider", "stripe")).isEqualTo(2);
        assertThat(err.toString()).contains(StripeSettings.SECRET_KEY_VARIABLE);
    }

    @Test
    void thePublicUrlIsAnOriginOrAUsageError() {
        String data = folder.toString();
        assertThat(parse("--data", data).settings().publicUrl()).as("unset: the listening address").isNull();
        assertThat(parse("--data", data, "--public-url", "https://wallet.example.com/").settings().publicOrigin())
                .isEqualTo("https://wallet.example.com");
        for (String bad : List.of("wallet.example.com", "ftp://wallet.example.com", "https://wallet.example.com/app",
                "https://user:pw@wallet.example.com", "https://wallet.example.com/?a=1")) {
            assertThat(run("serve", "--data", data, "--port", "0", "--public-url", bad)).as(bad).isEqualTo(2);
            assertThat(err.toString()).contains("--public-url must be an origin");
        }
    }
}
