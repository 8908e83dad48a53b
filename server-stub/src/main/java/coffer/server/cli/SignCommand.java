package coffer.server.cli;

import coffer.core.signature.PartnerRequestSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sign}: prints an {@code X-Wallet-Signature} value for a partner request, for trying the
 * partner API with curl. A signature is good for one request within 300 s: sign each request afresh.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Print an X-Wallet-Signature header value for one partner request (valid once, for 300 s).")
public final class SignCommand implements Callable<Integer> {
    @Option(names = "--secret", required = true, description = "The environment's secret.")
    String secret;

    @Option(names = "--method", required = true, description = "The HTTP method, e.g. POST.")
    String method;

    @Option(names = "--path", required = true, description = "The path with its query, e.g. /wallet/?env_id=123&user_id=7")
    String path;

    @Option(names = "--body", defaultValue = "", description = "The exact request body (default: empty).")
    String body;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String header = new PartnerRequestSigner(secret).sign(method.toUpperCase(Locale.ROOT), path,
                body.getBytes(StandardCharsets.UTF_8), Instant.now());
        spec.commandLine().getOut().println(header);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
