package coffer.server.payment;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static coffer.server.payment.Payers.balance;
import static coffer.server.payment.Payers.code;
import static coffer.server.payment.Payers.funded;
import static coffer.server.payment.Payers.payment;
import static coffer.server.payment.Payers.settled;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentRoutesTest extends DemoServerTest {
    @Test
    void aPaymentToAWalletIdCompletesAndMovesTheMoneyOnce() throws Exception {
        Caller payer = funded(server, "by-id@example.com", "300.00", false);
        Caller payee = funded(server, "to-id@example.com", "0.01", false);
        HttpResponse<String> r = payer.post("/api/v1/payments", payment(payer.firstWalletId(), payee.firstWalletId(), "\"120.50\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject done = settled(payer, Caller.json(r).get("payment_id").getAsString());
        assertThat(done.get("status").getAsString()).isEqualTo("completed");
        assertThat(done.get("destination").getAsString()).isEqualTo(payee.firstWalletId());
        assertThat(balance(payer)).isEqualTo("179.50");
        assertThat(balance(payee)).isEqualTo("120.51");
    }

    @Test
    void aPaymentIsAnsweredWhenMadeWithTheTimeEveryReadGives() throws Exception {
        Caller payer = funded(server, "same-time@example.com", "10.00", false);
        HttpResponse<String> made = payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "\"1.00\""));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = Caller.json(made).get("payment_id").getAsString();
        String createdAt = Caller.json(made).get("created_at").getAsString();
        assertThat(Caller.json(payer.get("/api/v1/payments/" + id)).get("created_at").getAsString()).isEqualTo(createdAt);
        JsonArray listed = Caller.json(payer.get("/api/v1/payments")).getAsJsonArray("payments");
        assertThat(listed.get(0).getAsJsonObject().get("created_at").getAsString()).isEqualTo(createdAt);
        settled(payer, id);
    }

    @Test
    void theBatchExamplePaysAliceAndBobAndRefusesCharlieAlone() throws Exception {
        Caller sender = funded(server, "batch-sender@example.com", "1000.00", false);
        String wallet = sender.firstWalletId();
        HttpResponse<String> r = sender.post("/api/v1/payments/batch", """
                {"payments": [
                  {"source_wallet_id": "%1$s", "destination": "alice@example.com", "amount": 50.00, "currency": "USD", "description": "Payment 1"},
                  {"source_wallet_id": "%1$s", "destination": "bob@example.com", "amount": 75.00, "currency": "USD", "description": "Payment 2"},
                  {"source_wallet_id": "%1$s", "destination": "charlie@example.com", "amount": 100.00, "currency": "USD", "description": "Payment 3"}
                ]}""".formatted(wallet));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = Caller.json(r);
        assertThat(body.get("succeeded").getAsInt()).isEqualTo(2);
        assertThat(body.get("failed").getAsInt()).isEqualTo(1);
        JsonArray results = body.getAsJsonArray("results");
        for (int i = 0; i < 2; i++) {
            JsonObject ok = results.get(i).getAsJsonObject();
            assertThat(ok.get("status").getAsInt()).isEqualTo(201);
            String id = ok.getAsJsonObject("payment").get("payment_id").getAsString();
            assertThat(settled(sender, id).get("status").getAsString()).isEqualTo("completed");
        }
        JsonObject charlie = results.get(2).getAsJsonObject();
        assertThat(charlie.get("status").getAsInt()).isEqualTo(404);
        assertThat(charlie.getAsJsonObject("error").get("code").getAsString()).isEqualTo("WALLET_NOT_FOUND");
        assertThat(balance(sender)).isEqualTo("875.00");
        assertThat(Caller.json(sender.get("/api/v1/payments")).getAsJsonArray("payments")).hasSize(2);
    }

    @Test
    void insufficientBalanceIsRefusedAndNothingIsReserved() {
        Caller payer = funded(server, "poor@example.com", "20.00", false);
        HttpResponse<String> r = payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "20.01"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("INSUFFICIENT_BALANCE");
        JsonObject account = Caller.json(payer.get("/api/v1/accounts/" + payer.firstWalletId())).getAsJsonObject("account");
        assertThat(account.get("available_balance").getAsString()).isEqualTo("20.00");
        assertThat(account.get("pending_balance").getAsString()).isEqualTo("0.00");
    }

    @Test
    void anUnverifiedUserPayingMoreThanTierZeroAllowsNeedsKyc() {
        // tier 0 allows 100 per payment (KycLimitTable.defaults())
        Caller payer = funded(server, "unverified-big@example.com", "500.00", true);
        HttpResponse<String> r = payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "100.01"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(code(r)).isEqualTo("KYC_REQUIRED");
        assertThat(payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "100.00")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void theRollingDailyTotalIsEnforcedAcrossPayments() throws Exception {
        // tier 0 allows 250 in 24 hours
        Caller payer = funded(server, "unverified-daily@example.com", "500.00", true);
        String wallet = payer.firstWalletId();
        for (String amount : new String[] {"100", "100", "50"}) {
            HttpResponse<String> ok = payer.post("/api/v1/payments", payment(wallet, "bob@example.com", amount));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
            settled(payer, Caller.json(ok).get("payment_id").getAsString());
        }
        HttpResponse<String> r = payer.post("/api/v1/payments", payment(wallet, "bob@example.com", "0.01"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(code(r)).isEqualTo("DAILY_LIMIT_EXCEEDED");
        assertThat(balance(payer)).isEqualTo("250.00");
    }

    @Test
    void theCheckOrderShowsTheMostFundamentalReasonFirst() {
        // over the per-payment limit, over the daily limit and over the balance at once: KYC comes first
        Caller payer = funded(server, "unverified-order@example.com", "50.00", true);
        HttpResponse<String> r = payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "300"));
        assertThat(code(r)).isEqualTo("KYC_REQUIRED");
        // within the per-payment limit but over the balance: the balance
        assertThat(code(payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "60")))).isEqualTo("INSUFFICIENT_BALANCE");
    }

    @Test
    void anotherUsersPaymentsAndWalletsAreNotFound() throws Exception {
        Caller bob = server.login("bob@example.com");
        Caller alice = server.login("alice@example.com");
        HttpResponse<String> bobs = bob.post("/api/v1/payments", payment(bob.firstWalletId(), "alice@example.com", "1"));
        String bobsPayment = Caller.json(bobs).get("payment_id").getAsString();
        settled(bob, bobsPayment);

        HttpResponse<String> peek = alice.get("/api/v1/payments/" + bobsPayment);
        assertThat(peek.statusCode()).isEqualTo(404);
        assertThat(code(peek)).isEqualTo("NOT_FOUND");
        assertThat(peek.body()).doesNotContain(bob.firstWalletId());
        assertThat(alice.get("/api/v1/payments").body()).doesNotContain(bobsPayment);

        HttpResponse<String> spend = alice.post("/api/v1/payments", payment(bob.firstWalletId(), "alice@example.com", "1"));
        assertThat(spend.statusCode()).isEqualTo(404);
        assertThat(code(spend)).isEqualTo("WALLET_NOT_FOUND");
    }

    @Test
    void theListIsNewestFirstAndItsCursorWalksEveryPage() throws Exception {
        Caller payer = funded(server, "lister@example.com", "100.00", false);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(Caller.json(payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", Integer.toString(i))))
                    .get("payment_id").getAsString());
        }
        List<String> listed = new ArrayList<>();
        List<String> createdAt = new ArrayList<>();
        String path = "/api/v1/payments?limit=2";
        int pages = 0;
        while (path != null) {
            JsonObject page = Caller.json(payer.get(path));
            page.getAsJsonArray("payments").forEach(p -> {
                listed.add(p.getAsJsonObject().get("payment_id").getAsString());
                createdAt.add(p.getAsJsonObject().get("created_at").getAsString());
            });
            path = page.has("next_cursor") ? "/api/v1/payments?limit=2&cursor=" + page.get("next_cursor").getAsString() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        // newest first; payments made in the same millisecond may come in either order
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(createdAt.stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void anIdempotentRetryGetsTheFirstAnswerAndPaysOnce() throws Exception {
        Caller payer = funded(server, "retry@example.com", "100.00", false);
        String body = payment(payer.firstWalletId(), "bob@example.com", "30");
        HttpResponse<String> first = payer.post("/api/v1/payments", body, "order-42");
        HttpResponse<String> again = payer.post("/api/v1/payments", body, "order-42");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        settled(payer, Caller.json(first).get("payment_id").getAsString());
        assertThat(balance(payer)).isEqualTo("70.00");

        HttpResponse<String> different = payer.post("/api/v1/payments", payment(payer.firstWalletId(), "bob@example.com", "31"), "order-42");
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(code(different)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(payer)).isEqualTo("70.00");
    }

    @Test
    void noDescriptionAndTheDescriptionNullAreTwoRequestsUnderOneKey() throws Exception {
        Caller payer = funded(server, "null-word@example.com", "100.00", false);
        String without = "{\"amount\":30,\"currency\":\"USD\",\"source_wallet_id\":\"" + payer.firstWalletId()
                + "\",\"destination\":\"bob@example.com\"}";
        HttpResponse<String> first = payer.post("/api/v1/payments", without, "null-word");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        settled(payer, Caller.json(first).get("payment_id").getAsString());

        HttpResponse<String> other = payer.post("/api/v1/payments", without.replace("}", ",\"description\":\"null\"}"), "null-word");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(code(other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(payer.post("/api/v1/payments", without, "null-word").headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Caller.json(payer.get("/api/v1/payments")).getAsJsonArray("payments")).hasSize(1);
        assertThat(balance(payer)).isEqualTo("70.00");
    }

    @Test
    void anIdempotentBatchRetryReplaysTheWholeAnswer() throws Exception {
        Caller payer = funded(server, "batch-retry@example.com", "100.00", false);
        String body = "{\"payments\":[" + payment(payer.firstWalletId(), "bob@example.com", "10") + ","
                + payment(payer.firstWalletId(), "nobody@example.com", "10") + "]}";
        HttpResponse<String> first = payer.post("/api/v1/payments/batch", body, "batch-1");
        HttpResponse<String> again = payer.post("/api/v1/payments/batch", body, "batch-1");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(code(payer.post("/api/v1/payments/batch", body.replace("\"amount\":10,", "\"amount\":11,"), "batch-1"))).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        String id = Caller.json(first).getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonObject("payment")
                .get("payment_id").getAsString();
        settled(payer, id);
        assertThat(balance(payer)).isEqualTo("90.00");
    }

    @Test
    void concurrentRetriesWithOneKeyPayOnceAndTheOthersReplayOrAreToldToWait() throws Exception {
        Caller payer = funded(server, "impatient@example.com", "100.00", false);
        String body = payment(payer.firstWalletId(), "bob@example.com", "10");
        List<CompletableFuture<HttpResponse<String>>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(CompletableFuture.supplyAsync(() -> payer.post("/api/v1/payments", body, "double-click")));
        }
        Set<String> paymentIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> t : tries) {
            HttpResponse<String> r = t.join();
            assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
            if (r.statusCode() == 201) {
                paymentIds.add(Caller.json(r).get("payment_id").getAsString());
            } else {
                assertThat(code(r)).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
            }
        }
        assertThat(paymentIds).hasSize(1);
        settled(payer, paymentIds.iterator().next());
        assertThat(balance(payer)).isEqualTo("90.00");
    }

    @Test
    void aKeyIsScopedToItsUser() {
        Caller one = funded(server, "key-one@example.com", "10.00", false);
        Caller two = funded(server, "key-two@example.com", "10.00", false);
        assertThat(one.post("/api/v1/payments", payment(one.firstWalletId(), "bob@example.com", "1"), "shared-key").statusCode()).isEqualTo(201);
        HttpResponse<String> r = two.post("/api/v1/payments", payment(two.firstWalletId(), "bob@example.com", "2"), "shared-key");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }
}
