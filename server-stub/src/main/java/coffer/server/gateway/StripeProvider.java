package coffer.server.gateway;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PaymentProvider} over Stripe, through the official client ({@code stripe-java}'s
 * {@link StripeClient}, one per server, never the library's static key). Top-ups are Checkout Sessions
 * in payment mode for the exact amount, with Coffer's reference as {@code client_reference_id} and in
 * the metadata of the session and of its PaymentIntent; a saved card is the PaymentMethod and Customer
 * of the session's PaymentIntent (saved with {@code setup_future_usage=off_session}), charged again by an
 * off-session PaymentIntent confirmed at once; refunds go through the Refunds API against the
 * PaymentIntent, which is the charge id Coffer keeps. Every request that creates something carries an
 * idempotency key made of Coffer's reference, so a retry finds what the first attempt made.
 *
 * <p>Bank payouts (withdrawals, payout links, account-name resolution, settlements) would need Stripe
 * Connect, which this adapter does not do: {@link #requirePayouts()} refuses them with
 * {@code PROVIDER_UNAVAILABLE} before anything is held.
 */
public final class StripeProvider implements PaymentProvider {
    private static final Logger log = LoggerFactory.getLogger(StripeProvider.class);
    /** The metadata key of Coffer's reference on sessions, PaymentIntents and refunds. */
    static final String REFERENCE = "coffer_reference";
    /** Session metadata: the user asked to save the card, so a paid session's event carries it. */
    static final String SAVE_CARD = "coffer_save_card";
    /** PaymentIntent metadata: Coffer charged a saved card off-session (its events are read; a checkout's are not). */
    static final String SAVED_CARD_CHARGE = "coffer_saved_card_charge";
    static final String NO_PAYOUTS = "Bank payouts need a provider that supports them: this server's provider is Stripe, "
            + "and Coffer does not pay out to bank accounts through Stripe (that needs Stripe Connect). Withdrawals, "
            + "settlements and bank accounts are not available.";
    /** What Stripe allows for a session's expiry. */
    private static final Duration SHORTEST_EXPIRY = Duration.ofMinutes(30);
    private static final Duration LONGEST_EXPIRY = Duration.ofHours(24);

    private final StripeClient client;
    private final Clock clock;

    public StripeProvider(StripeSettings settings, Clock clock) {
        this.client = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBaseText())
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .setMaxNetworkRetries(2)
                .build();
        this.clock = clock;
    }

    @Override
    public void requirePayouts() {
        throw new CofferException(ErrorCode.PROVIDER_UNAVAILABLE, NO_PAYOUTS);
    }

    @Override
    public Result<CheckoutSession> createCheckout(CheckoutRequest r) {
        SessionCreateParams.PaymentIntentData.Builder payment = SessionCreateParams.PaymentIntentData.builder()
                .putMetadata(REFERENCE, r.reference());
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(r.reference())
                .putMetadata(REFERENCE, r.reference())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(currency(r.amount()))
                                .setUnitAmount(r.amount().minor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Coffer top-up").build())
                                .build())
                        .build())
                // Stripe fills in the session's id where the success URL says {CHECKOUT_SESSION_ID}
                .setSuccessUrl(withQuery(r.returnUrl(), "session_id={CHECKOUT_SESSION_ID}&status=paid"))
                .setCancelUrl(withQuery(r.returnUrl(), "status=cancelled"));
        if (r.allowSaveCard()) {
            // a card is reusable off-session only attached to a customer, which Checkout then creates
            payment.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
            session.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS).putMetadata(SAVE_CARD, "true");
        }
        if (r.customerEmail() != null) {
            session.setCustomerEmail(r.customerEmail());
        }
        if (r.expiresIn() != null) {
            Duration expiry = r.expiresIn().compareTo(SHORTEST_EXPIRY) < 0 ? SHORTEST_EXPIRY
                    : r.expiresIn().compareTo(LONGEST_EXPIRY) > 0 ? LONGEST_EXPIRY : r.expiresIn();
            session.setExpiresAt(clock.instant().plus(expiry).getEpochSecond());
        }
        SessionCreateParams params = session.setPaymentIntentData(payment.build()).build();
        return call("create a checkout session", () -> session(client.checkout().sessions().create(params,
                idempotent("checkout:" + r.reference()))));
    }

    @Override
    public Result<CheckoutSession> checkout(String sessionId) {
        return call("read a checkout session", () -> session(client.checkout().sessions().retrieve(sessionId)));
    }

    @Override
    public Result<Charge> chargeSavedCard(String authorizationCode, Money amount, String reference) {
        Optional<SavedCardCode> saved = SavedCardCode.parse(authorizationCode);
        if (saved.isEmpty()) {
            // a card saved under another provider (the simulator's) cannot be charged through Stripe
            return Result.rejected(ErrorCode.PROVIDER_ERROR, "This card was saved with another payment provider; "
                    + "pay by card at a checkout instead.");
        }
        SavedCardCode card = saved.get();
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount.minor())
                .setCurrency(currency(amount))
                .setCustomer(card.customer())
                .setPaymentMethod(card.paymentMethod())
                .addPaymentMethodType("card")
                .setOffSession(true)
                .setConfirm(true)
                .putMetadata(REFERENCE, reference)
                .putMetadata(SAVED_CARD_CHARGE, "true")
                .build();
        return call("charge a saved card", () -> {
            try {
                PaymentIntent intent = client.paymentIntents().create(params, idempotent("charge:" + reference));
                ChargeStatus status = chargeStatus(intent.getStatus());
                return new Charge(intent.getId(), reference, status, amount(intent.getCurrency(), intent.getAmount()),
                        status == ChargeStatus.FAILED ? "The payment is " + intent.getStatus() + "." : null);
            } catch (CardException declined) {
                // the card was refused (declined, or the bank wants the holder present): an answer, not a failure to reach Stripe
                StripeError error = declined.getStripeError();
                String intent = error != null && error.getPaymentIntent() != null ? error.getPaymentIntent().getId() : null;
                return new Charge(intent != null ? intent : "declined:" + reference, reference, ChargeStatus.FAILED, amount,
                        declineReason(declined));
            }
        });
    }

    /**
     * What an off-session PaymentIntent's status says of the charge: {@code processing} is not decided yet (its
     * {@code payment_intent.succeeded} or {@code payment_intent.payment_failed} event follows), so it is not a
     * failure the user could answer by paying again while Stripe may still take the money.
     */
    static ChargeStatus chargeStatus(String status) {
        return switch (status == null ? "" : status) {
            case "succeeded" -> ChargeStatus.SUCCEEDED;
            case "processing" -> ChargeStatus.PENDING;
            default -> ChargeStatus.FAILED;
        };
    }

    @Override
    public Result<Optional<String>> resolveAccountName(String bankCode, String accountNumber) {
        return Result.rejected(ErrorCode.PROVIDER_UNAVAILABLE, NO_PAYOUTS);
    }

    @Override
    public Result<Payout> createPayout(PayoutRequest request) {
        return Result.rejected(ErrorCode.PROVIDER_UNAVAILABLE, NO_PAYOUTS);
    }

    @Override
    public Result<PayoutLink> createPayoutLink(PayoutLinkRequest request) {
        return Result.rejected(ErrorCode.PROVIDER_UNAVAILABLE, NO_PAYOUTS);
    }

    @Override
    public Result<Refund> refund(String chargeId, Money amount, String reference) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(chargeId)
                .setAmount(amount.minor())
                .putMetadata(REFERENCE, reference)
                .build();
        return call("refund a payment", () -> {
            com.stripe.model.Refund refund = client.refunds().create(params, idempotent("refund:" + reference));
            // pending: Stripe has taken it and finishes it with the card network, as it does most card refunds
            boolean taken = "succeeded".equals(refund.getStatus()) || "pending".equals(refund.getStatus());
            return new Refund(refund.getId(), reference, taken ? RefundStatus.SUCCEEDED : RefundStatus.FAILED,
                    amount(refund.getCurrency(), refund.getAmount()), taken ? null : refund.getFailureReason());
        });
    }

    /**
     * The card a paid session's PaymentIntent was paid with, as a reusable authorization (its customer and
     * payment method), or empty when Stripe attached it to no customer. Throws when Stripe cannot say now.
     */
    Optional<SavedCard> savedCard(String paymentIntentId) throws StripeException {
        PaymentIntent intent = client.paymentIntents().retrieve(paymentIntentId,
                PaymentIntentRetrieveParams.builder().addExpand("payment_method").build(), RequestOptions.getDefault());
        PaymentMethod method = intent.getPaymentMethodObject();
        if (intent.getCustomer() == null || method == null || method.getCard() == null) {
            log.warn("PaymentIntent {} has no customer or card to save; the card is not saved", paymentIntentId);
            return Optional.empty();
        }
        PaymentMethod.Card card = method.getCard();
        return Optional.of(new SavedCard(new SavedCardCode(intent.getCustomer(), method.getId()).text(), card.getBrand(),
                card.getLast4(), Math.toIntExact(card.getExpMonth()), Math.toIntExact(card.getExpYear())));
    }

    // ---- internals ----

    /** A saved card's authorization code as Coffer keeps it: Stripe's customer and payment method ids. */
    record SavedCardCode(String customer, String paymentMethod) {
        private static final String SEPARATOR = "/";

        String text() {
            return customer + SEPARATOR + paymentMethod;
        }

        /** The ids in {@code text}, or empty when it is not a Stripe card's code. */
        static Optional<SavedCardCode> parse(String text) {
            int at = text == null ? -1 : text.indexOf(SEPARATOR);
            if (at <= 0 || at == text.length() - 1 || !text.startsWith("cus_")) {
                return Optional.empty();
            }
            return Optional.of(new SavedCardCode(text.substring(0, at), text.substring(at + 1)));
        }
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private static <T> Result<T> call(String what, StripeCall<T> call) {
        try {
            return Result.ok(call.call());
        } catch (ApiConnectionException e) {
            log.warn("Stripe could not be reached to {}: {}", what, e.getMessage());
            return Result.rejected(ErrorCode.PROVIDER_ERROR, "The payment provider could not be reached.");
        } catch (StripeException e) {
            log.warn("Stripe refused to {}: HTTP {} {} (request {})", what, e.getStatusCode(), e.getCode(), e.getRequestId());
            String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? e.getStripeError().getMessage() : "HTTP " + e.getStatusCode();
            return Result.rejected(ErrorCode.PROVIDER_ERROR, "The payment provider refused: " + message,
                    Map.of("provider_status", String.valueOf(e.getStatusCode())));
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey("coffer-" + key).build();
    }

    static CheckoutSession session(Session s) {
        String reference = s.getClientReferenceId() != null ? s.getClientReferenceId()
                : s.getMetadata() == null ? null : s.getMetadata().get(REFERENCE);
        CheckoutStatus status = switch (String.valueOf(s.getStatus())) {
            case "complete" -> "paid".equals(s.getPaymentStatus()) ? CheckoutStatus.PAID : CheckoutStatus.OPEN;
            case "expired" -> CheckoutStatus.EXPIRED;
            default -> CheckoutStatus.OPEN;
        };
        return new CheckoutSession(s.getId(), reference, s.getUrl() == null ? null : URI.create(s.getUrl()), status,
                amount(s.getCurrency(), s.getAmountTotal()), s.getExpiresAt() == null ? null : Instant.ofEpochSecond(s.getExpiresAt()),
                s.getPaymentIntent(), null, null);
    }

    /** An amount as Stripe states one: minor units and a lowercase ISO code. */
    static Money amount(String currency, Long minor) {
        return Money.ofMinor(currency.toUpperCase(Locale.ROOT), minor);
    }

    private static String currency(Money amount) {
        return amount.currencyCode().toLowerCase(Locale.ROOT);
    }

    private static String declineReason(CardException e) {
        String code = e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode();
        String message = e.getStripeError() != null ? e.getStripeError().getMessage() : null;
        return message != null ? message : code != null ? code.replace('_', ' ') : "The card was declined.";
    }

    /** {@code url} with {@code query} added to its query string. */
    private static String withQuery(URI url, String query) {
        String text = url.toString();
        int fragment = text.indexOf('#');
        String head = fragment < 0 ? text : text.substring(0, fragment);
        String tail = fragment < 0 ? "" : text.substring(fragment);
        return head + (url.getRawQuery() == null ? "?" : "&") + query + tail;
    }
}
