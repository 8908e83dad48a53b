package coffer.server.gateway;

import coffer.core.api.ErrorBody;
import coffer.core.error.ErrorCode;
import coffer.server.db.Database;
import coffer.server.http.Access;
import coffer.server.http.ErrorHandling;
import coffer.server.http.HttpApi;
import coffer.server.http.NoRateLimit;
import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /webhooks/stripe}: the events of the Stripe account, at the endpoint registered in Stripe's
 * dashboard. The {@code Stripe-Signature} header is checked against the raw body with the endpoint's
 * signing secret ({@code Webhook.constructEvent}, 300 s tolerance) before anything else: a forged or stale
 * delivery is 400 INVALID_SIGNATURE and nothing happens. An event already applied answers 200 and does
 * nothing; one none of Coffer's features reads answers 200 as well. Otherwise it is translated
 * ({@link StripeEvents}) and applied like the simulator's events ({@link AppliedEvents}), its id recorded
 * as {@code stripe:<id>} only then, and 200 answered; anything that fails on the way answers 500, so
 * Stripe sends the event again.
 *
 * <p>A server whose provider is not Stripe serves the path too ({@link #notConfigured()}), answering 404
 * NOT_FOUND to every delivery, so the API description is one for every server and an endpoint left
 * registered in Stripe's dashboard is told plainly that this server takes none of its events.
 */
public final class StripeWebhookRoutes implements HttpApi.Routes {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookRoutes.class);
    public static final String PATH = "/webhooks/stripe";
    /** How old a signature may be, in seconds: Stripe's own default. */
    static final long TOLERANCE_SECONDS = 300;
    static final String SIGNATURE = "Stripe-Signature";
    /** What Stripe's event ids are recorded under, apart from other providers' ids. */
    private static final String ID_PREFIX = "stripe:";

    private final AppliedEvents events;
    private final StripeEvents translation;
    private final String webhookSecret;
    private final Clock clock;

    public StripeWebhookRoutes(Database database, StripeProvider stripe, StripeSettings settings,
                               ProviderEventHandlers handlers, Clock clock) {
        this.events = new AppliedEvents(database, handlers, clock);
        this.translation = new StripeEvents(stripe);
        this.webhookSecret = settings.webhookSecret();
        this.clock = clock;
    }

    private StripeWebhookRoutes() {
        this.events = null;
        this.translation = null;
        this.webhookSecret = null;
        this.clock = null;
    }

    /** The endpoint of a server whose provider is not Stripe: every delivery is 404 NOT_FOUND. */
    public static StripeWebhookRoutes notConfigured() {
        return new StripeWebhookRoutes();
    }

    @Override
    public void register(RoutesConfig routes) {
        // public at the door: Stripe proves itself by the body's signature, which the handler checks first
        routes.post(PATH, this::receive, Access.PUBLIC, NoRateLimit.because("Stripe's signed events: each moves money at "
                + "most once, Stripe retries them, and refusing one would only delay money already paid"));
    }

    private void receive(Context ctx) {
        if (translation == null) {
            ErrorHandling.answer(ctx, ErrorCode.NOT_FOUND, "Stripe is not this server's payment provider: it takes no "
                    + "Stripe events (start it with --provider stripe).");
            return;
        }
        String payload = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        String signature = ctx.header(SIGNATURE);
        Event event;
        try {
            if (signature == null || signature.isBlank()) {
                throw new SignatureVerificationException("No signature", null);
            }
            event = Webhook.constructEvent(payload, signature, webhookSecret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            // 400, as Stripe's own integration guide answers a delivery that fails its check
            ctx.status(400).json(ErrorBody.of(ErrorCode.INVALID_SIGNATURE,
                    "The " + SIGNATURE + " header is missing, forged, or older than " + TOLERANCE_SECONDS + " s."));
            return;
        } catch (JsonParseException e) {
            ErrorHandling.answer(ctx, ErrorCode.INVALID_REQUEST, "The event is not a Stripe event.");
            return;
        }
        String id = ID_PREFIX + event.getId();
        if (event.getId() == null || event.getType() == null) {
            ErrorHandling.answer(ctx, ErrorCode.INVALID_REQUEST, "The event has no id or type.");
            return;
        }
        if (events.seen(id)) {
            ctx.json(new ProviderWebhookRoutes.Ack(true, true));
            return;
        }
        Optional<ProviderEvent> meant;
        try {
            meant = translation.translate(event);
        } catch (StripeException e) {
            log.warn("Stripe event {} ({}) could not be read yet, Stripe will send it again: {}", event.getId(), event.getType(),
                    e.getMessage());
            ErrorHandling.answer(ctx, ErrorCode.INTERNAL, "The event could not be applied yet; send it again later.");
            return;
        } catch (RuntimeException e) {
            log.warn("Stripe event {} ({}) could not be read yet; Stripe will send it again", event.getId(), event.getType(), e);
            ErrorHandling.answer(ctx, ErrorCode.INTERNAL, "The event could not be applied yet; send it again later.");
            return;
        }
        if (meant.isEmpty()) {
            ctx.json(new ProviderWebhookRoutes.Ack(true, false));
            return;
        }
        if (!events.apply(id, meant.get())) {
            ErrorHandling.answer(ctx, ErrorCode.INTERNAL, "The event could not be applied yet; send it again later.");
            return;
        }
        ctx.json(new ProviderWebhookRoutes.Ack(true, false));
    }
}
