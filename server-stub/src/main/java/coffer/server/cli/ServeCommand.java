package coffer.server.cli;

import coffer.server.CofferServer;
import coffer.server.ServerSettings;
import coffer.server.gateway.StripeSettings;
import coffer.server.http.RateLimits;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import coffer.server.ProviderMode;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Coffer API (and the bundled provider simulator, or Stripe) until stopped.")
public final class ServeCommand implements Callable<Integer> {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([dhms])");

    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = CofferServer.Options.LOOPBACK, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 serves a network.")
    String host;

    @Option(names = "--demo", description = "Seed the demo environment 123, user 123, alice and bob (idempotent).")
    boolean demo;

    @Option(names = "--provider", paramLabel = "none|simulator|stripe",
            description = "Who moves money by card and bank: none (card and bank payments answer 503), the bundled "
                    + "simulator (test cards, hosted pages, test helper, automatic KYC verifier; for demos and tests), or "
                    + "stripe (keys from the environment variables " + StripeSettings.SECRET_KEY_VARIABLE + " and "
                    + StripeSettings.WEBHOOK_SECRET_VARIABLE + "; bank payouts answer 503). "
                    + "Default: simulator with --demo, else none.")
    String provider;

    @Option(names = "--stripe-api-base", paramLabel = "URL",
            description = "Where the Stripe client sends its requests, with --provider stripe (default: https://api.stripe.com).")
    String stripeApiBase;

    /** Where the Stripe keys are read from: the process's environment (tests give their own). */
    Map<String, String> environment = System.getenv();

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Where users' browsers reach this server, such as https://wallet.example.com (behind a proxy, "
                    + "or listening on every address): the start of the return pages a provider sends users back to. "
                    + "Default: the address it listens on.")
    String publicUrl;

    @Option(names = "--no-rate-limits", description = "Serve without request rate limits (for load tests).")
    boolean noRateLimits;

    @Option(names = "--allow-private-webhooks", description = "Let partners' webhook URLs name loopback, private and "
            + "link-local addresses (a receiver on this machine or network); refused by default.")
    boolean allowPrivateWebhooks;

    @Option(names = "--approval-expiry", paramLabel = "DURATION", defaultValue = "72h",
            description = "How long an organization's payment awaiting approval holds its money before it fails as "
                    + "expired: a number with d, h, m or s, or ISO-8601 such as PT72H (default: ${DEFAULT-VALUE}).")
    String approvalExpiry;

    @Mixin
    StoreOptions store;

    @ArgGroup(exclusive = false)
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CofferServer server = CofferServer.start(options());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "coffer-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Coffer server listening on " + server.baseUrl());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The server's options as the command line gives them (the TLS files read and checked). */
    CofferServer.Options options() {
        ServerSettings settings = ServerSettings.defaults();
        if (noRateLimits) {
            settings = settings.withRateLimits(RateLimits.off());
        }
        if (allowPrivateWebhooks) {
            settings = settings.withWebhooks(settings.webhooks().allowingPrivateTargets());
        }
        settings = settings.withApprovalExpiry(duration("--approval-expiry", approvalExpiry));
        if (publicUrl != null) {
            try {
                settings = settings.withPublicUrl(URI.create(publicUrl.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--public-url must be an origin such as "
                        + "https://wallet.example.com (no path, query or credentials), was '" + publicUrl + "'");
            }
        }
        ProviderMode mode = providerMode();
        if (mode == ProviderMode.STRIPE) {
            settings = settings.withStripe(stripeKeys());
        } else if (stripeApiBase != null) {
            throw new ParameterException(spec.commandLine(), "--stripe-api-base applies to --provider stripe only");
        }
        return new CofferServer.Options(port, store.toConfig(), demo).withHost(host).withProvider(mode)
                .withSettings(settings).withTls(tls == null ? null : tls.load());
    }

    /** The Stripe keys from the environment (never from the command line, where others could read them) and the API base. */
    private StripeSettings stripeKeys() {
        String secretKey = environment.get(StripeSettings.SECRET_KEY_VARIABLE);
        String webhookSecret = environment.get(StripeSettings.WEBHOOK_SECRET_VARIABLE);
        List<String> missing = new ArrayList<>();
        if (secretKey == null || secretKey.isBlank()) {
            missing.add(StripeSettings.SECRET_KEY_VARIABLE + " (the secret API key, sk_...)");
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            missing.add(StripeSettings.WEBHOOK_SECRET_VARIABLE + " (the signing secret of the webhook endpoint, whsec_...)");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--provider stripe needs the environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing));
        }
        try {
            StripeSettings keys = new StripeSettings(secretKey.strip(), webhookSecret.strip());
            return stripeApiBase == null ? keys : keys.withApiBase(URI.create(stripeApiBase.strip()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--stripe-api-base must be an http(s) URL such as "
                    + StripeSettings.STRIPE_API + ", was '" + stripeApiBase + "'");
        }
    }

    /** A positive duration as {@code 72h}, {@code 30m}, {@code 3d}, {@code 90s} or ISO-8601; else a usage error. */
    private Duration duration(String option, String text) {
        Matcher short_ = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        Duration d;
        try {
            d = !short_.matches() ? Duration.parse(text.strip()) : switch (short_.group(2)) {
                case "d" -> Duration.ofDays(Long.parseLong(short_.group(1)));
                case "h" -> Duration.ofHours(Long.parseLong(short_.group(1)));
                case "m" -> Duration.ofMinutes(Long.parseLong(short_.group(1)));
                default -> Duration.ofSeconds(Long.parseLong(short_.group(1)));
            };
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be a positive duration such as 72h, 30m or PT72H, was '" + text + "'");
        }
        return d;
    }

    private ProviderMode providerMode() {
        if (provider == null) {
            return ProviderMode.defaultFor(demo);
        }
        return switch (provider) {
            case "none" -> ProviderMode.NONE;
            case "simulator" -> ProviderMode.SIMULATOR;
            case "stripe" -> ProviderMode.STRIPE;
            default -> throw new ParameterException(spec.commandLine(),
                    "--provider must be none, simulator or stripe, was '" + provider + "'");
        };
    }
}
