package coffer.server.gateway;

import coffer.core.api.ErrorBody;
import coffer.core.error.ErrorCode;
import coffer.server.http.Access;
import coffer.server.http.ErrorHandling;
import coffer.server.http.HttpApi;
import coffer.server.http.NoRateLimit;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;

/**
 * {@code POST /webhooks/stripe}: the events of the Stripe account, at the endpoint registered in Stripe's
 * dashboard, handed to {@link StripeWebhook} with the raw body and the {@code Stripe-Signature} header; its
 * {@link StripeWebhook.Outcome} is the answer (a forged or stale delivery 400 INVALID_SIGNATURE, one that could
 * not be applied 500 so that Stripe sends it again, else 200).
 *
 * <p>A server whose provider is not Stripe serves the path too ({@link #notConfigured()}), answering 404
 * NOT_FOUND to every delivery, so the API description is one for every server and an endpoint left
 * registered in Stripe's dashboard is told plainly that this server takes none of its events.
 */
public final class StripeWebhookRoutes implements HttpApi.Routes {
    public static final String PATH = "/webhooks/stripe";

    private final StripeWebhook webhook;

    public StripeWebhookRoutes(StripeWebhook webhook) {
        this.webhook = webhook;
    }

    /** The endpoint of a server whose provider is not Stripe: every delivery is 404 NOT_FOUND. */
    public static StripeWebhookRoutes notConfigured() {
        return new StripeWebhookRoutes(null);
    }

    @Override
    public void register(RoutesConfig routes) {
        // public at the door: Stripe proves itself by the body's signature, which the handler checks first
        routes.post(PATH, this::receive, Access.PUBLIC, NoRateLimit.because("Stripe's signed events: each moves money at "
                + "most once, Stripe retries them, and refusing one would only delay money already paid"));
    }

    private void receive(Context ctx) {
        if (webhook == null) {
            ErrorHandling.answer(ctx, ErrorCode.NOT_FOUND, "Stripe is not this server's payment provider: it takes no "
                    + "Stripe events (start it with --provider stripe).");
            return;
        }
        StripeWebhook.Outcome outcome = webhook.receive(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
                ctx.header(StripeWebhook.SIGNATURE));
        if (outcome.code() != null) {
            ctx.status(outcome.httpStatus()).json(ErrorBody.of(outcome.code(), outcome.message()));
        } else {
            ctx.json(new ProviderWebhookRoutes.Ack(true, outcome.duplicate()));
        }
    }
}
