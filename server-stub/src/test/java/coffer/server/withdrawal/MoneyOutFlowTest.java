package coffer.server.withdrawal;

import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static coffer.server.testing.TestServer.Caller.errorCode;
import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money out end to end, through the real server and the bundled provider simulator over HTTP: bank
 * accounts, withdrawals that succeed, fail, or stay pending and finish on the provider's webhook, a
 * withdrawal through the provider's payout page submitted like a browser, and settlements. The
 * simulator's test accounts: numbers ending 0000 do not exist, 1111 fail, 2222 stay pending then succeed.
 */
public class MoneyOutFlowTest {
    public static final String SUCCEEDS = "0123456789";
    public static final String FAILS = "0123451111";
    public static final String PENDS = "0123452222";
    public static final String MISSING = "0123450000";

    @TempDir
    Path dir;
    private TestServer server;
    private Caller alice;
    private String wallet;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        alice = server.login("alice@example.com");
        wallet = alice.firstWalletId();
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(server.verify().ok()).as("ledger invariants: %s", server.verify().violations()).isTrue();
        server.close();
    }

    /** Saves a bank account of the simulator's for {@code caller}; answers its id. */
    public static String addAccount(Caller caller, String number) {
        HttpResponse<String> r = caller.post("/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"" + number + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("bank_account_id").getAsString();
    }

    private HttpResponse<String> withdraw(String amount, String bankAccount) {
        return alice.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + wallet + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"USD\"" + (bankAccount == null ? "" : ",\"bank_account_id\":\"" + bankAccount + "\"") + "}");
    }

    private JsonObject withdrawal(String id) {
        return json(alice.get("/api/v1/withdrawals/" + id));
    }

    private JsonObject account() {
        return json(alice.get("/api/v1/accounts/" + wallet)).getAsJsonObject("account");
    }

    private void assertBalance(String balance, String available) {
        JsonObject a = account();
        assertThat(a.get("balance").getAsString()).as("balance").isEqualTo(balance);
        assertThat(a.get("available_balance").getAsString()).as("available balance").isEqualTo(available);
    }

    @Test
    void aBankAccountIsResolvedAddedListedAndRemoved() {
        HttpResponse<String> resolved = alice.get("/api/v1/bank-accounts/resolve?bank_code=058&account_number=" + SUCCEEDS);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        String name = json(resolved).get("account_name").getAsString();
        assertThat(name).isNotBlank();
        HttpResponse<String> missing = alice.get("/api/v1/bank-accounts/resolve?bank_code=058&account_number=" + MISSING);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(errorCode(missing)).isEqualTo("NOT_FOUND");

        String id = addAccount(alice, SUCCEEDS);
        HttpResponse<String> list = alice.get("/api/v1/bank-accounts");
        JsonObject saved = json(list).getAsJsonArray("bank_accounts").get(0).getAsJsonObject();
        assertThat(saved.get("bank_account_id").getAsString()).isEqualTo(id);
        assertThat(saved.get("account_name").getAsString()).isEqualTo(name);
        assertThat(saved.get("account_number_last4").getAsString()).isEqualTo("6789");
        assertThat(list.body()).doesNotContain(SUCCEEDS);
        HttpResponse<String> again = alice.post("/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"" + SUCCEEDS + "\"}");
        assertThat(errorCode(again)).isEqualTo("ALREADY_EXISTS");

        assertThat(Http.send(alice.request("/api/v1/bank-accounts/" + id).DELETE()).statusCode()).isEqualTo(204);
        assertThat(json(alice.get("/api/v1/bank-accounts")).getAsJsonArray("bank_accounts")).isEmpty();
        assertThat(Http.send(alice.request("/api/v1/bank-accounts/" + id).DELETE()).statusCode()).isEqualTo(404);
        assertThat(errorCode(withdraw("1.00", id))).as("a removed account takes no payouts").isEqualTo("NOT_FOUND");
    }

    @Test
    void aWithdrawalThatSucceedsTakesTheMoneyOut() {
        HttpResponse<String> r = withdraw("100.00", addAccount(alice, SUCCEEDS));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("status").getAsString()).isEqualTo("succeeded");
        assertBalance("900.00", "900.00");
        String transaction = json(r).get("transaction_id").getAsString();
        assertThat(alice.get("/api/v1/transactions/" + transaction).body()).contains("\"withdrawal\"").contains("completed");
    }

    @Test
    void aWithdrawalThatFailsGivesTheMoneyBack() {
        HttpResponse<String> r = withdraw("100.00", addAccount(alice, FAILS));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("status").getAsString()).isEqualTo("failed");
        assertThat(json(r).get("failure_reason").getAsString()).isNotBlank();
        assertBalance("1000.00", "1000.00");
    }

    @Test
    void aPendingWithdrawalHoldsTheMoneyUntilTheProviderSaysItIsPaid() {
        HttpResponse<String> r = withdraw("100.00", addAccount(alice, PENDS));

        assertThat(json(r).get("status").getAsString()).isEqualTo("pending");
        assertBalance("1000.00", "900.00");
        String id = json(r).get("withdrawal_id").getAsString();
        JsonObject done = Poll.until(() -> withdrawal(id), w -> !w.get("status").getAsString().equals("pending"));
        assertThat(done.get("status").getAsString()).isEqualTo("succeeded");
        assertThat(done.get("completed_at")).isNotNull();
        assertBalance("900.00", "900.00");
    }

    @Test
    void aWithdrawalThroughThePayoutPageFinishesWhenTheUserSubmitsIt() {
        HttpResponse<String> r = withdraw("40.00", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("status").getAsString()).isEqualTo("pending");
        String url = json(r).get("url").getAsString();
        String id = json(r).get("withdrawal_id").getAsString();
        assertBalance("1000.00", "960.00");

        HttpResponse<String> page = Http.get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"account_number\"").contains("40.00");
        HttpResponse<String> submitted = Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Alice+Example&bank_code=058&account_number=" + SUCCEEDS)));
        assertThat(submitted.statusCode()).as(submitted.body()).isLessThan(400);

        JsonObject done = Poll.until(() -> withdrawal(id), w -> !w.get("status").getAsString().equals("pending"));
        assertThat(done.get("status").getAsString()).isEqualTo("succeeded");
        assertBalance("960.00", "960.00");
    }

    @Test
    void thePayoutPageReturnsTheUserToCoffersOwnDonePageByDefault() {
        HttpResponse<String> r = withdraw("25.00", null);
        String id = json(r).get("withdrawal_id").getAsString();
        HttpResponse<String> submitted = Http.send(HttpRequest.newBuilder(URI.create(json(r).get("url").getAsString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder_name=Alice+Example&bank_code=058&account_number=" + PENDS)));

        String location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(server.url("/withdrawals/" + id + "/done?"));
        HttpResponse<String> pending = Http.get(location);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(pending.body()).contains("data-withdrawal-status=\"pending\"", "You can close this page",
                "Your balance updates once the bank confirms it").doesNotContain(PENDS, "2222", "25.00");

        Poll.until(() -> withdrawal(id), w -> !w.get("status").getAsString().equals("pending"));
        assertThat(Http.get(location).body()).contains("data-withdrawal-status=\"succeeded\"", "You can close this page");
        assertThat(Http.get(server.url("/withdrawals/done?payout_id=" + id)).body())
                .as("the address without the id in its path").contains("data-withdrawal-status=\"succeeded\"");
        HttpResponse<String> unknown = Http.get(server.url("/withdrawals/wdr_unknown/done"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("data-withdrawal-status=\"unknown\"");
    }

    @Test
    void insufficientFundsAreRefusedAndNothingIsPaidOut() throws Exception {
        String to = addAccount(alice, SUCCEEDS);
        long movements = server.verify().movements();

        HttpResponse<String> r = withdraw("1000.01", to);

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(errorCode(r)).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(json(alice.get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).isEmpty();
        assertThat(server.verify().movements()).isEqualTo(movements);
        assertBalance("1000.00", "1000.00");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyWithdrawsOnce() {
        String to = addAccount(alice, SUCCEEDS);
        String body = "{\"wallet_id\":\"" + wallet + "\",\"amount\":\"10.00\",\"currency\":\"USD\",\"bank_account_id\":\"" + to + "\"}";

        HttpResponse<String> first = alice.post("/api/v1/withdrawals", body, "w-1");
        HttpResponse<String> again = alice.post("/api/v1/withdrawals", body, "w-1");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(again).get("withdrawal_id")).isEqualTo(json(first).get("withdrawal_id"));
        assertThat(errorCode(alice.post("/api/v1/withdrawals", body.replace("10.00", "11.00"), "w-1")))
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertBalance("990.00", "990.00");
        JsonObject list = json(alice.get("/api/v1/withdrawals?limit=1"));
        assertThat(list.getAsJsonArray("withdrawals")).hasSize(1);
        assertThat(list.has("next_cursor")).isFalse();
    }

    @Test
    void noDescriptionAndTheDescriptionNullAreTwoWithdrawalsUnderOneKey() {
        String to = addAccount(alice, SUCCEEDS);
        String without = "{\"wallet_id\":\"" + wallet + "\",\"amount\":\"10.00\",\"currency\":\"USD\",\"bank_account_id\":\"" + to + "\"}";
        HttpResponse<String> first = alice.post("/api/v1/withdrawals", without, "w-null");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        HttpResponse<String> other = alice.post("/api/v1/withdrawals", without.replace("}", ",\"description\":\"null\"}"), "w-null");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(errorCode(other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(alice.post("/api/v1/withdrawals", without, "w-null").headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(alice.get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).hasSize(1);
        assertBalance("990.00", "990.00");
    }

    /** A key names one request whatever the route: a payment's key is not free for a withdrawal or a top-up. */
    @Test
    void aKeyUsedForAPaymentIsNotFreeForAWithdrawalOrATopup() throws Exception {
        String to = addAccount(alice, SUCCEEDS);
        HttpResponse<String> paid = alice.post("/api/v1/payments", "{\"amount\":\"5.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + wallet + "\",\"destination\":\"bob@example.com\"}", "one-key");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        long movements = server.verify().movements();

        HttpResponse<String> withdrawal = alice.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + wallet
                + "\",\"amount\":\"10.00\",\"currency\":\"USD\",\"bank_account_id\":\"" + to + "\"}", "one-key");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(422);
        assertThat(errorCode(withdrawal)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        HttpResponse<String> topup = alice.post("/api/v1/topups", "{\"wallet_id\":\"" + wallet
                + "\",\"amount\":\"10.00\",\"currency\":\"USD\"}", "one-key");
        assertThat(topup.statusCode()).as(topup.body()).isEqualTo(422);
        assertThat(errorCode(topup)).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        assertThat(json(alice.get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).isEmpty();
        assertThat(json(alice.get("/api/v1/topups")).getAsJsonArray("topups")).isEmpty();
        assertThat(server.verify().movements()).isEqualTo(movements);
    }

    /** A withdrawal's key, likewise, is not free for a payment. */
    @Test
    void aKeyUsedForAWithdrawalIsNotFreeForAPayment() {
        String to = addAccount(alice, SUCCEEDS);
        HttpResponse<String> withdrawal = alice.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + wallet
                + "\",\"amount\":\"10.00\",\"currency\":\"USD\",\"bank_account_id\":\"" + to + "\"}", "one-key");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(201);

        HttpResponse<String> paid = alice.post("/api/v1/payments", "{\"amount\":\"5.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + wallet + "\",\"destination\":\"bob@example.com\"}", "one-key");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(422);
        assertThat(errorCode(paid)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(json(alice.get("/api/v1/payments")).getAsJsonArray("payments")).isEmpty();
        assertBalance("990.00", "990.00");
    }

    @Test
    void withdrawalsAreListedNewestFirstInPages() {
        String to = addAccount(alice, SUCCEEDS);
        for (String amount : new String[] {"1.00", "2.00", "3.00"}) {
            assertThat(withdraw(amount, to).statusCode()).isEqualTo(201);
        }
        JsonObject first = json(alice.get("/api/v1/withdrawals?limit=2"));
        assertThat(first.getAsJsonArray("withdrawals")).extracting(w -> w.getAsJsonObject().get("amount").getAsString())
                .containsExactly("3.00", "2.00");
        JsonObject second = json(alice.get("/api/v1/withdrawals?limit=2&cursor=" + first.get("next_cursor").getAsString()));
        assertThat(second.getAsJsonArray("withdrawals")).extracting(w -> w.getAsJsonObject().get("amount").getAsString())
                .containsExactly("1.00");
    }

    @Test
    void aSettlementPaysTheWholeAvailableBalanceOut() {
        String to = addAccount(alice, SUCCEEDS);

        HttpResponse<String> r = alice.post("/api/v1/settlements", "{\"wallet_id\":\"" + wallet + "\",\"bank_account_id\":\"" + to
                + "\",\"reason\":\"Manual settlement\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject s = json(r);
        assertThat(s.get("status").getAsString()).isEqualTo("succeeded");
        assertThat(s.get("amount").getAsString()).isEqualTo("1000.00");
        assertThat(s.get("reference").getAsString()).isNotBlank();
        assertBalance("0.00", "0.00");
        String id = s.get("settlement_id").getAsString();
        assertThat(json(alice.get("/api/v1/settlements/" + id)).get("status").getAsString()).isEqualTo("succeeded");
        assertThat(json(alice.get("/api/v1/settlements")).getAsJsonArray("settlements")).hasSize(1);
        assertThat(alice.get("/api/v1/withdrawals/" + id).statusCode()).as("a settlement is not a withdrawal").isEqualTo(404);
        HttpResponse<String> nothingLeft = alice.post("/api/v1/settlements", "{\"wallet_id\":\"" + wallet
                + "\",\"bank_account_id\":\"" + to + "\"}");
        assertThat(errorCode(nothingLeft)).isEqualTo("INSUFFICIENT_BALANCE");
    }

    @Test
    void aSettlementOfAnAmountThatFailsGivesItBack() {
        HttpResponse<String> r = alice.post("/api/v1/settlements", "{\"wallet_id\":\"" + wallet + "\",\"bank_account_id\":\""
                + addAccount(alice, FAILS) + "\",\"amount\":\"250.00\",\"currency\":\"USD\"}");

        assertThat(json(r).get("status").getAsString()).isEqualTo("failed");
        assertThat(json(r).get("amount").getAsString()).isEqualTo("250.00");
        assertBalance("1000.00", "1000.00");
    }

    @Test
    void anotherUsersBankAccountWithdrawalSettlementAndScheduleAreNotFound() {
        Caller bob = server.login("bob@example.com");
        String bobsAccount = addAccount(bob, SUCCEEDS);
        String bobsWallet = bob.firstWalletId();
        String withdrawal = json(bob.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + bobsWallet
                + "\",\"amount\":\"5.00\",\"currency\":\"USD\",\"bank_account_id\":\"" + bobsAccount + "\"}"))
                .get("withdrawal_id").getAsString();
        String schedule = json(bob.post("/api/v1/settlement-schedules", "{\"wallet_id\":\"" + bobsWallet
                + "\",\"bank_account_id\":\"" + bobsAccount + "\",\"frequency\":\"weekly\",\"minimum_amount\":\"10.00\"}"))
                .get("schedule_id").getAsString();

        assertThat(alice.get("/api/v1/withdrawals/" + withdrawal).statusCode()).isEqualTo(404);
        assertThat(errorCode(withdraw("5.00", bobsAccount))).isEqualTo("NOT_FOUND");
        assertThat(Http.send(alice.request("/api/v1/bank-accounts/" + bobsAccount).DELETE()).statusCode()).isEqualTo(404);
        assertThat(Http.send(alice.request("/api/v1/settlement-schedules/" + schedule).DELETE()).statusCode()).isEqualTo(404);
        assertThat(json(alice.get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).isEmpty();
        assertThat(json(alice.get("/api/v1/settlement-schedules")).getAsJsonArray("schedules")).isEmpty();
        assertThat(json(bob.get("/api/v1/settlement-schedules")).getAsJsonArray("schedules").get(0).getAsJsonObject()
                .get("is_active").getAsBoolean()).isTrue();
        assertThat(json(bob.get("/api/v1/bank-accounts")).getAsJsonArray("bank_accounts")).hasSize(1);
    }
}
