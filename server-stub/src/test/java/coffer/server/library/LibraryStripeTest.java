package coffer.server.library;

import coffer.core.error.ErrorCode;
import coffer.server.ProviderMode;
import coffer.server.gateway.StripeSettings;
import coffer.server.gateway.StripeWebhook;
import coffer.server.testing.FakeStripe;
import coffer.server.testing.ListeningSockets;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library with Stripe as its provider, against a stand-in of Stripe's API on loopback: the keys come from
 * {@link CofferConfig#withStripe}, no port is opened, and Stripe's events, received by the application at its own
 * endpoint, are handed to {@link Coffer#stripeWebhook}: the top-up is credited once, a forged delivery changes nothing.
 */
class LibraryStripeTest {
    @TempDir
    Path data;

    private final FakeStripe stripe = new FakeStripe();

    @AfterEach
    void close() throws IOException {
        stripe.close();
    }

    @Test
    void aCardChargeThroughStripeIsCreditedOnceFromTheEventsTheApplicationHandsOver() {
        Set<InetSocketAddress> before = ListeningSockets.readable() ? ListeningSockets.ofThisProcess() : Set.of();
        CofferConfig config = CofferConfig.sqlite(data).withStripe(
                new StripeSettings(FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.apiBase()));
        try (Coffer coffer = Coffer.open(config)) {
            if (ListeningSockets.readable()) {
                Set<InetSocketAddress> opened = new HashSet<>(ListeningSockets.ofThisProcess());
                opened.removeAll(before);
                assertThat(opened).as("ports Coffer opened with Stripe as its provider").isEmpty();
            }
            Wallet wallet = coffer.wallets().getWallet("stripe-user");
            assertThatThrownBy(() -> coffer.cards().initializeCardCharge(wallet, BigDecimal.TEN, null, false))
                    .as("no page of Coffer's own to return to").isInstanceOfSatisfying(WalletException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
            assertThat(stripe.calls()).as("nothing asked of Stripe for it").isEmpty();
            CardService.CardCharge charge = coffer.cards().initializeCardCharge(wallet, new BigDecimal("42.50"),
                    "https://shop.example/checkout/callback", false);
            JsonObject session = stripe.sessionFor(charge.reference());
            assertThat(charge.authorizationUrl()).isEqualTo(session.get("url").getAsString());
            assertThat(stripe.calls("POST", "/v1/checkout/sessions").get(0).params())
                    .containsEntry("line_items[0][price_data][unit_amount]", "4250")
                    .containsEntry("client_reference_id", charge.reference());

            String event = FakeStripe.event("evt_lib_paid", "checkout.session.completed",
                    stripe.pay(session.get("id").getAsString(), "paid"));
            String forged = FakeStripe.signature(event, "whsec_someone_else", Instant.now());
            assertThat(coffer.stripeWebhook(event, forged)).isEqualTo(StripeWebhook.Outcome.BAD_SIGNATURE);
            assertThat(coffer.cards().verifyCardCharge(charge.reference()).status()).isEqualTo("pending");

            String signed = FakeStripe.signature(event, FakeStripe.WEBHOOK_SECRET, Instant.now());
            assertThat(coffer.stripeWebhook(event, signed)).isEqualTo(StripeWebhook.Outcome.APPLIED);
            assertThat(coffer.stripeWebhook(event, signed)).isEqualTo(StripeWebhook.Outcome.ALREADY_APPLIED);
            assertThat(coffer.cards().verifyCardCharge(charge.reference()).status()).isEqualTo("success");
            assertThat(coffer.wallets().getBalance(wallet).toDecimalString()).as("credited once").isEqualTo("42.50");

            assertThatThrownBy(() -> coffer.banks().verifyBankAccount("0123456789", "044"))
                    .isInstanceOfSatisfying(WalletException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
        }
    }

    @Test
    void stripeIsChosenWithItsKeysAndTheWebhookEntryRefusesAnotherProvider() {
        assertThatThrownBy(() -> CofferConfig.sqlite(data).withProvider(ProviderMode.STRIPE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withStripe");
        try (Coffer coffer = Coffer.open(CofferConfig.sqlite(data))) {
            assertThatThrownBy(() -> coffer.stripeWebhook("{}", "t=1,v1=00"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("withStripe");
        }
    }
}
