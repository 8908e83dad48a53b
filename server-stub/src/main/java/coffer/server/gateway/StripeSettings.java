package coffer.server.gateway;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code serve --provider stripe} needs: the account's secret API key, the signing secret of the
 * webhook endpoint registered in Stripe's dashboard, and where Stripe's API is (its own unless a test
 * points the client at a local stand-in). Neither secret is ever written to a log: {@link #toString()}
 * leaves them out.
 *
 * @param secretKey     {@code sk_live_...} or {@code sk_test_...} (a restricted {@code rk_...} key works too)
 * @param webhookSecret {@code whsec_...}, from the endpoint registered for {@code /webhooks/stripe}
 * @param apiBase       {@code https://api.stripe.com} unless told otherwise
 */
public record StripeSettings(String secretKey, String webhookSecret, URI apiBase) {
    /** Stripe's own API. */
    public static final URI STRIPE_API = URI.create("https://api.stripe.com");
    /** The environment variable the secret API key is read from. */
    public static final String SECRET_KEY_VARIABLE = "COFFER_STRIPE_SECRET_KEY";
    /** The environment variable the webhook signing secret is read from. */
    public static final String WEBHOOK_SECRET_VARIABLE = "COFFER_STRIPE_WEBHOOK_SECRET";

    public StripeSettings {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Stripe secret key is missing");
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the Stripe webhook signing secret is missing");
        }
        Objects.requireNonNull(apiBase, "apiBase");
        String scheme = apiBase.getScheme() == null ? "" : apiBase.getScheme().toLowerCase(Locale.ROOT);
        if (!apiBase.isAbsolute() || apiBase.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the Stripe API base must be an http(s) URL, was " + apiBase);
        }
    }

    /** Stripe's own API with these secrets. */
    public StripeSettings(String secretKey, String webhookSecret) {
        this(secretKey, webhookSecret, STRIPE_API);
    }

    /** The same secrets against another API base (a local stand-in in tests). */
    public StripeSettings withApiBase(URI base) {
        return new StripeSettings(secretKey, webhookSecret, base);
    }

    /** The API base without a trailing slash, as the client joins paths to it. */
    String apiBaseText() {
        String text = apiBase.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "StripeSettings[apiBase=" + apiBase + ", secrets redacted]";
    }
}
