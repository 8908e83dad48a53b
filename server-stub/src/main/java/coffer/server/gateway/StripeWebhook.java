package coffer.server.gateway;

import coffer.core.error.ErrorCode;
import coffer.server.db.Database;
import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * One delivery of Stripe's events, whoever received it: the server's {@code POST /webhooks/stripe}
 * ({@link StripeWebhookRoutes}) or an application that embeds Coffer and receives Stripe's events at its own
 * endpoint ({@code Coffer.stripeWebhook}). The {@code Stripe-Signature} header is checked against the raw body
 * with the endpoint's signing secret ({@code Webhook.constructEvent}, 300 s tolerance) before anything else: a
 * forged or stale delivery changes nothing. An event already applied does nothing; one none of Coffer's
 * features reads is acknowledged. Otherwise it is translated ({@link StripeEvents}) and applied like the
 * simulator's events ({@link AppliedEvents}), its id recorded as {@code stripe:<id>} only then; anything that
 * fails on the way is {@link Outcome#RETRY}, so Stripe sends the event again.
 */
public final class StripeWebhook {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);
    /** The header Stripe signs its deliveries in. */
    public static final String SIGNATURE = "Stripe-Signature";
    /** How old a signature may be, in seconds: Stripe's own default. */
    static final long TOLERANCE_SECONDS = 300;
    /** What Stripe's event ids are recorded under, apart from other providers' ids. */
    private static final String ID_PREFIX = "stripe:";

    /** What became of a delivery, and what to answer Stripe: a 2xx only once the event is applied or needs nothing. */
    public enum Outcome {
        APPLIED(200, null, null),
        ALREADY_APPLIED(200, null, null),
        /** An event type none of Coffer's features reads: acknowledged, nothing done. */
        IGNORED(200, null, null),
        /** 400, as Stripe's own integration guide answers a delivery that fails its check. */
        BAD_SIGNATURE(400, ErrorCode.INVALID_SIGNATURE,
                "The " + SIGNATURE + " header is missing, forged, or older than " + TOLERANCE_SECONDS + " s."),
        NOT_AN_EVENT(400, ErrorCode.INVALID_REQUEST, "The body is not a Stripe event with an id and a type."),
        /** Nothing recorded: Stripe should send the event again later. */
        RETRY(500, ErrorCode.INTERNAL, "The event could not be applied yet; send it again later.");

        private final int httpStatus;
        private final ErrorCode code;
        private final String message;

        Outcome(int httpStatus, ErrorCode code, String message) {
            this.httpStatus = httpStatus;
            this.code = code;
            this.message = message;
        }

        /** The status to answer Stripe with. */
        public int httpStatus() {
            return httpStatus;
        }

        /** The refusal's code, or null for a 2xx. */
        public ErrorCode code() {
            return code;
        }

        /** The refusal's message, or null for a 2xx. */
        public String message() {
            return message;
        }

        public boolean duplicate() {
            return this == ALREADY_APPLIED;
        }
    }

    private final AppliedEvents events;
    private final StripeEvents translation;
    private final String webhookSecret;
    private final Clock clock;

    public StripeWebhook(Database database, StripeProvider stripe, StripeSettings settings, ProviderEventHandlers handlers,
                         Clock clock) {
        this.events = new AppliedEvents(database, handlers, clock);
        this.translation = new StripeEvents(stripe);
        this.webhookSecret = settings.webhookSecret();
        this.clock = clock;
    }

    /**
     * Verifies and applies one delivery.
     *
     * @param payload   the request body exactly as received (the signature covers its bytes)
     * @param signature the {@value #SIGNATURE} header, or null when there was none
     */
    public Outcome receive(String payload, String signature) {
        Event event;
        try {
            if (signature == null || signature.isBlank()) {
                throw new SignatureVerificationException("No signature", null);
            }
            event = Webhook.constructEvent(payload, signature, webhookSecret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            return Outcome.BAD_SIGNATURE;
        } catch (JsonParseException e) {
            return Outcome.NOT_AN_EVENT;
        }
        if (event.getId() == null || event.getType() == null) {
            return Outcome.NOT_AN_EVENT;
        }
        String id = ID_PREFIX + event.getId();
        if (events.seen(id)) {
            return Outcome.ALREADY_APPLIED;
        }
        Optional<ProviderEvent> meant;
        try {
            meant = translation.translate(event);
        } catch (StripeException e) {
            log.warn("Stripe event {} ({}) could not be read yet, Stripe will send it again: {}", event.getId(), event.getType(),
                    e.getMessage());
            return Outcome.RETRY;
        } catch (RuntimeException e) {
            log.warn("Stripe event {} ({}) could not be read yet; Stripe will send it again", event.getId(), event.getType(), e);
            return Outcome.RETRY;
        }
        if (meant.isEmpty()) {
            return Outcome.IGNORED;
        }
        return events.apply(id, meant.get()) ? Outcome.APPLIED : Outcome.RETRY;
    }
}
