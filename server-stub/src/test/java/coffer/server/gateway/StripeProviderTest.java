package coffer.server.gateway;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.server.gateway.PaymentProvider.CheckoutRequest;
import coffer.server.gateway.PaymentProvider.CheckoutSession;
import coffer.server.gateway.PaymentProvider.CheckoutStatus;
import coffer.server.testing.FakeStripe;
import coffer.server.testing.FakeStripe.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Stripe adapter against a stand-in of Stripe's API on loopback: what it sends (form-encoded
 * parameters, the secret key as a Bearer token, idempotency keys) and what it makes of Stripe's answers.
 */
class StripeProviderTest {
    private final FakeStripe stripe = new FakeStripe();
    private final StripeProvider provider = new StripeProvider(
            new StripeSettings(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.apiBase()), Clock.systemUTC());

    @AfterEach
    void stop() throws Exception {
        stripe.close();
    }

    private CheckoutSession open(String reference, String amount, boolean saveCard) {
        return provider.createCheckout(new CheckoutRequest(reference, Money.parse(amount, "USD"), "ada@example.com",
                URI.create("https://coffer.example/topups/" + reference + "/done"), saveCard, null)).orThrow();
    }

    @Test
    void aTopupIsACheckoutSessionInPaymentModeForTheExactAmountWithCoffersReference() {
        CheckoutSession session = open("top_1", "10.50", false);

        Call call = stripe.calls("POST", "/v1/checkout/sessions").get(0);
        Map<String, String> p = call.params();
        assertThat(call.authorization()).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
        assertThat(call.idempotencyKey()).as("a retry finds the first session").contains("top_1");
        assertThat(p).containsEntry("mode", "payment")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][unit_amount]", "1050")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("client_reference_id", "top_1")
                .containsEntry("metadata[coffer_reference]", "top_1")
                .containsEntry("payment_intent_data[metadata][coffer_reference]", "top_1")
                .containsEntry("customer_email", "ada@example.com")
                .containsEntry("success_url", "https://coffer.example/topups/top_1/done?session_id={CHECKOUT_SESSION_ID}&status=paid")
                .containsEntry("cancel_url", "https://coffer.example/topups/top_1/done?status=cancelled");
        assertThat(p).as("no card is kept unless the user asked")
                .doesNotContainKeys("payment_intent_data[setup_future_usage]", "customer_creation");

        assertThat(session.id()).startsWith("cs_test_");
        assertThat(session.reference()).isEqualTo("top_1");
        assertThat(session.status()).isEqualTo(CheckoutStatus.OPEN);
        assertThat(session.amount()).isEqualTo(Money.parse("10.50", "USD"));
        assertThat(session.url().toString()).isEqualTo("https://checkout.stripe.com/c/pay/" + session.id());
        assertThat(session.expiresAt()).isNotNull();
    }

    @Test
    void aUserWhoAllowsSavingTheCardGetsOffSessionSetupAndACustomer() {
        open("top_2", "5.00", true);

        Map<String, String> p = stripe.calls("POST", "/v1/checkout/sessions").get(0).params();
        assertThat(p).containsEntry("payment_intent_data[setup_future_usage]", "off_session")
                .containsEntry("customer_creation", "always");
    }

    @Test
    void aSessionIsRetrievedAndItsStateMapped() {
        CheckoutSession opened = open("top_3", "7.00", false);
        stripe.pay(opened.id(), "paid");

        CheckoutSession paid = provider.checkout(opened.id()).orThrow();

        assertThat(stripe.calls("GET", "/v1/checkout/sessions/" + opened.id())).hasSize(1);
        assertThat(paid.status()).isEqualTo(CheckoutStatus.PAID);
        assertThat(paid.chargeId()).startsWith("pi_test_");
        assertThat(paid.reference()).isEqualTo("top_3");

        CheckoutSession later = open("top_4", "7.00", false);
        stripe.expire(later.id());
        assertThat(provider.checkout(later.id()).orThrow().status()).isEqualTo(CheckoutStatus.EXPIRED);
        Result<CheckoutSession> unknown = provider.checkout("cs_test_nope");
        assertThat(unknown.isOk()).isFalse();
        assertThatThrownBy(unknown::orThrow).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR));
    }

    @Test
    void aSavedCardIsChargedOffSessionByAConfirmedPaymentIntent() throws Exception {
        CheckoutSession opened = open("top_5", "3.00", true);
        String intent = stripe.pay(opened.id(), "paid").get("payment_intent").getAsString();
        PaymentProvider.SavedCard card = provider.savedCard(intent).orElseThrow();
        assertThat(card.last4()).isEqualTo("4242");
        assertThat(card.brand()).isEqualTo("visa");

        PaymentProvider.Charge charge = provider.chargeSavedCard(card.authorizationCode(), Money.parse("12.34", "USD"), "top_6")
                .orThrow();

        Call call = stripe.calls("POST", "/v1/payment_intents").get(0);
        assertThat(call.params()).containsEntry("amount", "1234").containsEntry("currency", "usd")
                .containsEntry("off_session", "true").containsEntry("confirm", "true")
                .containsEntry("metadata[coffer_reference]", "top_6");
        assertThat(call.params().get("customer")).startsWith("cus_test_");
        assertThat(call.params().get("payment_method")).startsWith("pm_test_");
        assertThat(call.authorization()).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
        assertThat(charge.status()).isEqualTo(PaymentProvider.ChargeStatus.SUCCEEDED);
        assertThat(charge.id()).startsWith("pi_test_");
        assertThat(charge.amount()).isEqualTo(Money.parse("12.34", "USD"));
    }

    @Test
    void aDeclinedSavedCardIsAFailedChargeNotAnError() {
        PaymentProvider.Charge charge = provider.chargeSavedCard("cus_test_9/" + FakeStripe.DECLINED_METHOD,
                Money.parse("1.00", "USD"), "top_7").orThrow();

        assertThat(charge.status()).isEqualTo(PaymentProvider.ChargeStatus.FAILED);
        assertThat(charge.failureReason()).contains("declined");
    }

    @Test
    void aCardSavedWithAnotherProviderIsRefusedWithoutAskingStripe() {
        Result<PaymentProvider.Charge> charge = provider.chargeSavedCard("AUTH_simulator_card", Money.parse("1.00", "USD"), "top_x");

        assertThatThrownBy(charge::orThrow).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR));
        assertThat(stripe.calls()).isEmpty();
    }

    @Test
    void aRefundGoesThroughTheRefundsApiAgainstThePaymentIntent() {
        CheckoutSession opened = open("top_8", "20.00", false);
        String intent = stripe.pay(opened.id(), "paid").get("payment_intent").getAsString();

        PaymentProvider.Refund refund = provider.refund(intent, Money.parse("8.25", "USD"), "mov_1").orThrow();

        Call call = stripe.calls("POST", "/v1/refunds").get(0);
        assertThat(call.params()).containsEntry("payment_intent", intent).containsEntry("amount", "825")
                .containsEntry("metadata[coffer_reference]", "mov_1");
        assertThat(call.idempotencyKey()).contains("mov_1");
        assertThat(refund.status()).isEqualTo(PaymentProvider.RefundStatus.SUCCEEDED);
        assertThat(refund.id()).startsWith("re_test_");
        assertThat(refund.amount()).isEqualTo(Money.parse("8.25", "USD"));
    }

    @Test
    void stripesErrorsArePaymentProviderErrors() {
        stripe.failWhen(c -> c.path().equals("/v1/checkout/sessions"));
        Result<CheckoutSession> failed = provider.createCheckout(new CheckoutRequest("top_9", Money.parse("1.00", "USD"), null,
                URI.create("https://coffer.example/done"), false, Duration.ofMinutes(5)));

        assertThatThrownBy(failed::orThrow).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR));
        StripeProvider wrongKey = new StripeProvider(new StripeSettings("sk_test_wrong", FakeStripe.WEBHOOK_SECRET,
                stripe.apiBase()), Clock.systemUTC());
        assertThatThrownBy(() -> wrongKey.checkout("cs_test_1").orThrow()).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR));
    }

    @Test
    void bankPayoutsAreUnavailableUnderStripe() {
        assertThatThrownBy(provider::requirePayouts).isInstanceOfSatisfying(CofferException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.getMessage()).contains("Bank payouts need a provider that supports them");
        });
        assertThat(provider.resolveAccountName("058", "0123456789").isOk()).isFalse();
        assertThat(provider.createPayout(new PaymentProvider.PayoutRequest("wdr_1", Money.parse("1.00", "USD"), "058",
                "0123456789", "Ada")).isOk()).isFalse();
        assertThat(stripe.calls()).as("nothing was asked of Stripe").isEmpty();
        provider.requireAvailable();
    }

    @Test
    void theSecretsNeverShowInTheSettingsText() {
        assertThat(new StripeSettings(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET).toString())
                .doesNotContain(FakeStripe.SECRET_KEY).doesNotContain(FakeStripe.WEBHOOK_SECRET);
    }
}
