package coffer.server.topup;

import coffer.server.provider.ProviderSettings;
import coffer.server.testing.Http;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A checkout nobody pays in time: the session expires, the top-up fails, and the page says so. */
class TopupExpiryTest {
    private static final ProviderSettings FAST = ProviderSettings.fast();
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(TestServer.settings().withProvider(new ProviderSettings(
            Duration.ofSeconds(1), FAST.payoutLinkTtl(), FAST.pendingPayoutDelay(), FAST.retryBase(), FAST.retryMax(),
            FAST.tick())));

    @AfterEach
    void ledgerStaysConsistent() throws Exception {
        assertThat(running.get().verify().violations()).isEmpty();
    }

    @Test
    void anExpiredCheckoutFailsTheTopupAndCannotBePaid() {
        TestServer server = running.get();
        User ada = TestUsers.funded(server, "late", "0.00");
        JsonObject topup = Topups.open(ada, "8.00", "");

        JsonObject failed = Topups.settled(ada, topup);
        assertThat(failed.get("status").getAsString()).isEqualTo("failed");
        assertThat(failed.get("failure_reason").getAsString()).isEqualTo("expired");

        HttpResponse<String> page = Http.get(topup.get("checkout_url").getAsString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This checkout has expired", "status=expired", "http-equiv=\"refresh\"");
        HttpResponse<String> submitted = Topups.submit(topup, Topups.card(Topups.GOOD_CARD));
        assertThat(submitted.body()).contains("This checkout has expired");
        assertThat(Topups.helperPay(server, topup, "{\"card_number\":\"4242424242424242\"}").get("outcome").getAsString())
                .isEqualTo("closed");
        String done = Http.get(server.url("/topups/" + topup.get("topup_id").getAsString() + "/done?status=expired")).body();
        assertThat(done).contains("data-topup-status=\"expired\"");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");
        assertThat(Topups.get(ada, topup).get("status").getAsString()).isEqualTo("failed");
    }
}
