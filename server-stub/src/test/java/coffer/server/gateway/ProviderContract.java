package coffer.server.gateway;

import coffer.server.testing.Poll;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every payment provider Coffer runs with must do for its users, as they see it through the API:
 * a paid top-up credits the wallet once however often the provider says so, a top-up is refunded to the
 * card, and a withdrawal either pays out (a provider that does bank payouts) or is refused 503
 * PROVIDER_UNAVAILABLE with nothing held. Each provider's test says how its provider tells Coffer a
 * checkout was paid and checks what reached the provider.
 */
abstract class ProviderContract {
    @TempDir
    Path dir;
    TestServer server;

    /** Starts the server with the provider under test. */
    abstract TestServer start(Path dir);

    /** The provider tells Coffer, its own way, that the top-up's checkout was paid. */
    abstract void pay(String topupId);

    /** The provider tells Coffer about the same payment again (a repeated delivery). */
    abstract void payAgain(String topupId);

    /** Asserts the provider was asked to refund {@code amount} of the top-up's payment; {@code answer} is Coffer's. */
    abstract void assertRefundReachedProvider(String topupId, String amount, JsonObject answer);

    /** Whether this provider pays out to bank accounts. */
    abstract boolean paysOut();

    /** Extra checks once a test is done (the provider's own state). */
    void afterEach() throws Exception {
    }

    @BeforeEach
    void startServer() {
        server = start(dir);
    }

    @AfterEach
    void stopServer() throws Exception {
        try {
            assertThat(server.verify().ok()).as("ledger invariants: %s", server.verify().violations()).isTrue();
            server.close();
        } finally {
            afterEach();
        }
    }

    String openTopup(User user, String amount) {
        HttpResponse<String> r = user.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + user.walletId()
                + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Caller.json(r).get("topup_id").getAsString();
    }

    static JsonObject topup(User user, String id) {
        return Caller.json(user.caller().get("/api/v1/topups/" + id));
    }

    static JsonObject account(User user) {
        return Caller.json(user.caller().get("/api/v1/accounts/" + user.walletId())).getAsJsonObject("account");
    }

    static String balance(User user) {
        return account(user).get("balance").getAsString();
    }

    /** Opens a top-up of {@code amount} USD, has the provider say it was paid, and waits until it is credited. */
    String paidTopup(User user, String amount) {
        String id = openTopup(user, amount);
        pay(id);
        JsonObject settled = Poll.until(() -> topup(user, id), t -> !t.get("status").getAsString().equals("pending"));
        assertThat(settled.get("status").getAsString()).isEqualTo("completed");
        return id;
    }

    @Test
    void aPaidTopupCreditsTheWalletOnce() {
        User ada = TestUsers.funded(server, "ada", "0.00");
        String id = paidTopup(ada, "25.00");

        payAgain(id);

        assertThat(topup(ada, id).get("status").getAsString()).isEqualTo("completed");
        assertThat(balance(ada)).isEqualTo("25.00");
    }

    @Test
    void aPaidTopupIsRefundedToTheCard() {
        User ben = TestUsers.funded(server, "ben", "0.00");
        String id = paidTopup(ben, "50.00");

        HttpResponse<String> refund = ben.caller().post("/api/v1/topups/" + id + "/refunds", "{\"amount\":\"20.00\"}");

        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(Caller.json(refund).get("amount").getAsString()).isEqualTo("20.00");
        assertThat(balance(ben)).isEqualTo("30.00");
        assertThat(topup(ben, id).get("refunded").getAsString()).isEqualTo("20.00");
        assertRefundReachedProvider(id, "20.00", Caller.json(refund));
    }

    @Test
    void aWithdrawalIsPaidOutOrRefusedWithNothingHeld() {
        User cai = TestUsers.funded(server, "cai", "100.00");
        HttpResponse<String> account = cai.caller().post("/api/v1/bank-accounts",
                "{\"bank_code\":\"058\",\"account_number\":\"0123456789\"}");
        HttpResponse<String> toAccount = cai.caller().post("/api/v1/withdrawals", "{\"wallet_id\":\"" + cai.walletId()
                + "\",\"amount\":\"10.00\",\"currency\":\"USD\""
                + (account.statusCode() == 201 ? ",\"bank_account_id\":\"" + Caller.json(account).get("bank_account_id")
                .getAsString() + "\"" : "") + "}");

        if (paysOut()) {
            assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
            assertThat(toAccount.statusCode()).as(toAccount.body()).isEqualTo(201);
            assertThat(Caller.json(toAccount).get("status").getAsString()).isEqualTo("succeeded");
            assertThat(balance(cai)).isEqualTo("90.00");
            return;
        }
        HttpResponse<String> throughPage = cai.caller().post("/api/v1/withdrawals", "{\"wallet_id\":\"" + cai.walletId()
                + "\",\"amount\":\"10.00\",\"currency\":\"USD\"}");
        for (HttpResponse<String> refused : java.util.List.of(account, toAccount, throughPage)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(Caller.errorCode(refused)).isEqualTo("PROVIDER_UNAVAILABLE");
            assertThat(Caller.json(refused).getAsJsonObject("error").get("message").getAsString())
                    .contains("Bank payouts need a provider that supports them");
        }
        assertThat(balance(cai)).isEqualTo("100.00");
        assertThat(account(cai).get("available_balance").getAsString()).as("nothing held").isEqualTo("100.00");
        assertThat(Caller.json(cai.caller().get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).isEmpty();
        assertThat(Caller.json(cai.caller().get("/api/v1/bank-accounts")).getAsJsonArray("bank_accounts")).isEmpty();
    }
}
