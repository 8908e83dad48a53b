package coffer.server.gateway;

import coffer.core.money.Money;
import com.google.gson.JsonObject;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;

import java.time.Instant;
import java.util.Optional;

/**
 * Stripe's events as the {@link ProviderEvent}s Coffer's features already apply, so a top-up paid
 * through Stripe is credited by the same handler, exactly once, as one paid at the simulator:
 * <ul>
 *   <li>{@code checkout.session.completed} with {@code payment_status: paid}, and
 *       {@code checkout.session.async_payment_succeeded}: {@code checkout.paid} (with the saved card, when
 *       the user asked to save it);</li>
 *   <li>{@code checkout.session.async_payment_failed}: {@code checkout.failed};</li>
 *   <li>{@code checkout.session.expired}: {@code checkout.expired};</li>
 *   <li>{@code payment_intent.succeeded} / {@code payment_intent.payment_failed} of a saved card's off-session
 *   charge (metadata {@code coffer_saved_card_charge}): {@code charge.succeeded} / {@code charge.failed}.</li>
 * </ul>
 * A completed session not paid yet (a bank debit still on its way) says nothing: its
 * {@code async_payment_*} event follows. Every other event, and a session not in payment mode, is none
 * of Coffer's business.
 */
final class StripeEvents {
    static final String COMPLETED = "checkout.session.completed";
    static final String ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String ASYNC_FAILED = "checkout.session.async_payment_failed";
    static final String EXPIRED = "checkout.session.expired";
    static final String INTENT_SUCCEEDED = "payment_intent.succeeded";
    static final String INTENT_FAILED = "payment_intent.payment_failed";

    private final StripeProvider stripe;

    StripeEvents(StripeProvider stripe) {
        this.stripe = stripe;
    }

    /**
     * The Coffer event {@code event} means, or empty when it means none.
     *
     * @throws StripeException when the card of a paid session cannot be read from Stripe now, or the event's
     *                         object is not what its type says
     */
    Optional<ProviderEvent> translate(Event event) throws StripeException {
        String type = event.getType();
        if (INTENT_SUCCEEDED.equals(type) || INTENT_FAILED.equals(type)) {
            return savedCardCharge(event);
        }
        if (!COMPLETED.equals(type) && !ASYNC_SUCCEEDED.equals(type) && !ASYNC_FAILED.equals(type) && !EXPIRED.equals(type)) {
            return Optional.empty();
        }
        // whatever API version the account sends its events in: the fields read here are in every one of them
        StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
        if (!(object instanceof Session session) || !"payment".equals(session.getMode())) {
            return Optional.empty();
        }
        JsonObject data = new JsonObject();
        data.addProperty("session_id", session.getId());
        data.addProperty("reference", StripeProvider.session(session).reference());
        Instant created = Instant.ofEpochSecond(event.getCreated());
        switch (type) {
            case EXPIRED -> {
                return Optional.of(new ProviderEvent(event.getId(), "checkout.expired", created, data));
            }
            case ASYNC_FAILED -> {
                data.addProperty("reason", "The payment failed.");
                return Optional.of(new ProviderEvent(event.getId(), "checkout.failed", created, data));
            }
            default -> {
                if (COMPLETED.equals(type) && !"paid".equals(session.getPaymentStatus())) {
                    return Optional.empty();
                }
                Money amount = StripeProvider.amount(session.getCurrency(), session.getAmountTotal());
                data.addProperty("amount", amount.toDecimalString());
                data.addProperty("currency", amount.currencyCode());
                data.addProperty("charge_id", session.getPaymentIntent());
                if (session.getMetadata() != null && "true".equals(session.getMetadata().get(StripeProvider.SAVE_CARD))
                        && session.getPaymentIntent() != null) {
                    stripe.savedCard(session.getPaymentIntent()).ifPresent(card -> data.add("card", card(card)));
                }
                return Optional.of(new ProviderEvent(event.getId(), "checkout.paid", created, data));
            }
        }
    }

    /**
     * A saved card's off-session charge that Stripe was still processing when Coffer asked ({@code
     * ChargeStatus.PENDING}) ends in one of these events: {@code charge.succeeded} or {@code charge.failed} for its
     * top-up. PaymentIntents of checkout sessions carry Coffer's reference too but are left to the session's events.
     */
    private static Optional<ProviderEvent> savedCardCharge(Event event) throws StripeException {
        StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
        if (!(object instanceof PaymentIntent intent) || intent.getMetadata() == null
                || !"true".equals(intent.getMetadata().get(StripeProvider.SAVED_CARD_CHARGE))
                || intent.getMetadata().get(StripeProvider.REFERENCE) == null) {
            return Optional.empty();
        }
        JsonObject data = new JsonObject();
        data.addProperty("reference", intent.getMetadata().get(StripeProvider.REFERENCE));
        data.addProperty("charge_id", intent.getId());
        Money amount = StripeProvider.amount(intent.getCurrency(), intent.getAmount());
        data.addProperty("amount", amount.toDecimalString());
        data.addProperty("currency", amount.currencyCode());
        Instant created = Instant.ofEpochSecond(event.getCreated());
        if (INTENT_SUCCEEDED.equals(event.getType())) {
            return Optional.of(new ProviderEvent(event.getId(), "charge.succeeded", created, data));
        }
        String reason = intent.getLastPaymentError() != null && intent.getLastPaymentError().getCode() != null
                ? intent.getLastPaymentError().getCode() : "The payment failed.";
        data.addProperty("reason", reason);
        return Optional.of(new ProviderEvent(event.getId(), "charge.failed", created, data));
    }

    private static JsonObject card(PaymentProvider.SavedCard card) {
        JsonObject o = new JsonObject();
        o.addProperty("authorization_code", card.authorizationCode());
        o.addProperty("brand", card.brand());
        o.addProperty("last4", card.last4());
        o.addProperty("exp_month", card.expMonth());
        o.addProperty("exp_year", card.expYear());
        return o;
    }
}
