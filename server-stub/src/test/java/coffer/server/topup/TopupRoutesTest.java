package coffer.server.topup;

import coffer.server.tenant.DemoData;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents;
import coffer.server.testing.ProviderEvents.Recorder;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import coffer.server.webhook.PartnerClient;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static coffer.server.topup.Topups.card;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top-ups end to end through the real server and the bundled provider: the hosted page submitted over
 * HTTP like a browser, the test helper, and the provider's signed webhooks, genuine or crafted.
 */
class TopupRoutesTest extends DemoServerTest {

    private static User user(String name) {
        return TestUsers.funded(server, name, "0.00");
    }

    @Test
    void aTopupPaidOnTheHostedPageCreditsTheWalletOnce() {
        User ada = user("page");
        JsonObject topup = Topups.open(ada, "25.00", "");
        String checkout = topup.get("checkout_url").getAsString();
        assertThat(checkout).startsWith(server.url("/provider/checkout/"));

        HttpResponse<String> page = Http.get(checkout);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("25.00 USD", "name=\"card_number\"", "name=\"expiry\"", "name=\"cvc\"", "name=\"name\"")
                .doesNotContain("<script", "<link", "http://", "https://");

        HttpResponse<String> paid = Topups.submit(topup, card(Topups.GOOD_CARD));
        assertThat(paid.statusCode()).isEqualTo(303);
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(server.url("/topups/" + topup.get("topup_id").getAsString() + "/done?session_id="))
                .endsWith("&status=paid");
        JsonObject completed = Topups.settled(ada, topup);
        assertThat(Http.get(location).body()).contains("Payment received, you can close this window", "data-topup-status=\"paid\"");
        assertThat(completed.get("status").getAsString()).isEqualTo("completed");
        assertThat(completed.get("transaction_id").getAsString()).startsWith("txn_");
        assertThat(Topups.balance(ada)).isEqualTo("25.00");
        // paying again is impossible: the page now just sends the user back
        assertThat(Topups.submit(topup, card(Topups.GOOD_CARD)).statusCode()).isEqualTo(303);
        assertThat(Topups.balance(ada)).isEqualTo("25.00");
    }

    @Test
    void aDeclinedCardShowsWhyAndLetsTheUserTryAnother() {
        User ada = user("declined");
        JsonObject topup = Topups.open(ada, "10.00", "");
        HttpResponse<String> declined = Topups.submit(topup, card(Topups.DECLINED_CARD));
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("Your card was declined", "card_declined", "name=\"card_number\"");
        JsonObject pending = Poll.until(() -> Topups.get(ada, topup), t -> t.has("failure_reason"));
        assertThat(pending.get("status").getAsString()).isEqualTo("pending");
        assertThat(pending.get("failure_reason").getAsString()).isEqualTo("card_declined");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");

        JsonObject helper = Topups.helperPay(server, topup, "{\"card_number\":\"4000000000000002\"}");
        assertThat(helper.get("outcome").getAsString()).isEqualTo("declined");

        assertThat(Topups.submit(topup, card(Topups.GOOD_CARD)).statusCode()).isEqualTo(303);
        assertThat(Topups.settled(ada, topup).get("status").getAsString()).isEqualTo("completed");
        assertThat(Topups.balance(ada)).isEqualTo("10.00");
    }

    @Test
    void aCardWithoutFundsIsDeclinedForInsufficientFunds() {
        User ada = user("poor");
        JsonObject topup = Topups.open(ada, "10.00", "");
        JsonObject helper = Topups.helperPay(server, topup, "{\"card_number\":\"4000 0000 0000 9995\"}");
        assertThat(helper.get("outcome").getAsString()).isEqualTo("declined");
        assertThat(helper.get("failure_reason").getAsString()).isEqualTo("insufficient_funds");
        assertThat(helper.get("status").getAsString()).isEqualTo("open");

        HttpResponse<String> page = Topups.submit(topup, card(Topups.POOR_CARD));
        assertThat(page.statusCode()).isEqualTo(402);
        assertThat(page.body()).contains("insufficient funds");
        assertThat(Topups.get(ada, topup).get("status").getAsString()).isEqualTo("pending");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");
    }

    @Test
    void theCardThatNeedsConfirmationPaysOnlyOnceConfirmed() {
        User ada = user("confirm");
        JsonObject topup = Topups.open(ada, "15.00", "");
        HttpResponse<String> ask = Topups.submit(topup, card(Topups.CONFIRM_CARD));
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("confirm this payment", "value=\"approve\"", "value=\"fail\"");
        assertThat(Http.get(topup.get("checkout_url").getAsString()).body()).contains("confirm this payment");

        HttpResponse<String> failed = Topups.submit(topup, "confirmation=fail");
        assertThat(failed.statusCode()).isEqualTo(402);
        assertThat(failed.body()).contains("could not confirm");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");

        assertThat(Topups.submit(topup, card(Topups.CONFIRM_CARD)).body()).contains("confirm this payment");
        HttpResponse<String> approved = Topups.submit(topup, "confirmation=approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(Topups.settled(ada, topup).get("status").getAsString()).isEqualTo("completed");
        assertThat(Topups.balance(ada)).isEqualTo("15.00");

        JsonObject other = Topups.open(ada, "5.00", "");
        assertThat(Topups.helperPay(server, other, "{\"card_number\":\"4000002500003155\"}").get("outcome").getAsString())
                .isEqualTo("needs_confirmation");
        assertThat(Topups.helperPay(server, other, "{\"confirmation\":\"approve\"}").get("outcome").getAsString())
                .isEqualTo("paid");
        assertThat(Topups.settled(ada, other).get("status").getAsString()).isEqualTo("completed");
        assertThat(Topups.balance(ada)).isEqualTo("20.00");
    }

    @Test
    void aCanceledCheckoutFailsTheTopup() {
        User ada = user("cancel");
        HttpResponse<String> allowed = new PartnerClient(server, DemoData.ENV_SECRET).put("/api/v1/partner/return-origins",
                "{\"env_id\":\"" + DemoData.ENV_ID + "\",\"origins\":[\"https://shop.example\"]}");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        JsonObject topup = Topups.open(ada, "10.00", ",\"return_url\":\"https://shop.example/back?order=7\"");
        HttpResponse<String> canceled = Topups.submit(topup, "action=cancel");
        assertThat(canceled.body()).contains("canceled", "https://shop.example/back?order=7&amp;session_id=");
        JsonObject failed = Topups.settled(ada, topup);
        assertThat(failed.get("status").getAsString()).isEqualTo("failed");
        assertThat(failed.get("failure_reason").getAsString()).isEqualTo("canceled");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");
    }

    @Test
    void duplicateReorderedForgedAndStaleWebhooksCreditATopupExactlyOnce() {
        User ada = user("webhooks");
        JsonObject topup = Topups.open(ada, "40.00", "");
        String id = topup.get("topup_id").getAsString();
        String secret = server.providerWebhookSecret();
        String paid = ProviderEvents.event("evt_paid_" + System.nanoTime(), "checkout.paid", data(id, topup));

        for (HttpResponse<String> refused : java.util.List.of(
                ProviderEvents.send(server, paid, "whsec_forged", Instant.now()),
                ProviderEvents.send(server, paid, null, Instant.now()),
                ProviderEvents.send(server, paid, secret, Instant.now().minusSeconds(600)))) {
            assertThat(refused.statusCode()).isEqualTo(401);
        }
        assertThat(Topups.get(ada, topup).get("status").getAsString()).isEqualTo("pending");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");

        assertThat(ProviderEvents.send(server, paid, secret, Instant.now()).statusCode()).isEqualTo(200);
        assertThat(Topups.get(ada, topup).get("status").getAsString()).isEqualTo("completed");
        assertThat(ProviderEvents.send(server, paid, secret, Instant.now()).body()).contains("\"duplicate\":true");
        // the same news under a new event id, then a failure arriving late: nothing changes
        String again = ProviderEvents.event("evt_again_" + System.nanoTime(), "checkout.paid", data(id, topup));
        String late = ProviderEvents.event("evt_late_" + System.nanoTime(), "checkout.failed", data(id, topup));
        String expired = ProviderEvents.event("evt_exp_" + System.nanoTime(), "checkout.expired", data(id, topup));
        for (String body : java.util.List.of(again, late, expired)) {
            assertThat(ProviderEvents.send(server, body, secret, Instant.now()).statusCode()).isEqualTo(200);
        }
        JsonObject after = Topups.get(ada, topup);
        assertThat(after.get("status").getAsString()).isEqualTo("completed");
        assertThat(Topups.balance(ada)).isEqualTo("40.00");
    }

    @Test
    void aWebhookCofferFailedToApplyIsSentAgainAndCreditsOnce() throws Exception {
        User ada = user("retry");
        JsonObject topup = Topups.open(ada, "12.00", "");
        String id = topup.get("topup_id").getAsString();
        AtomicBoolean refused = new AtomicBoolean();
        Recorder flaky = new Recorder("checkout.paid").refusing(e -> id.equals(e.string("reference")) && refused.compareAndSet(false, true));
        try (AutoCloseable registered = server.server().providerEvents().add(flaky)) {
            Topups.helperPay(server, topup, "{\"card_number\":\"4242424242424242\"}");
            Poll.until(flaky::applied, list -> list.stream().anyMatch(e -> id.equals(e.string("reference"))));
            assertThat(flaky.seen().stream().filter(e -> id.equals(e.string("reference")))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(flaky.about(id)).hasSize(1);
        }
        assertThat(Topups.get(ada, topup).get("status").getAsString()).isEqualTo("completed");
        assertThat(Topups.balance(ada)).isEqualTo("12.00");
    }

    @Test
    void aTopupIsRefundedInPartThenInFullButNeverBeyond() {
        User ada = user("refund");
        JsonObject topup = Topups.open(ada, "50.00", "");
        Topups.helperPay(server, topup, "{\"card_number\":\"4242424242424242\"}");
        assertThat(Topups.settled(ada, topup).get("status").getAsString()).isEqualTo("completed");
        String refunds = "/api/v1/topups/" + topup.get("topup_id").getAsString() + "/refunds";

        HttpResponse<String> tooMuch = ada.caller().post(refunds, "{\"amount\":\"50.01\"}");
        assertThat(Caller.errorCode(tooMuch)).isEqualTo("REFUND_EXCEEDS_PAYMENT");

        HttpResponse<String> part = ada.caller().post(refunds, "{\"amount\":\"20.00\"}", "refund-part-1");
        assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
        assertThat(Caller.json(part).get("amount").getAsString()).isEqualTo("20.00");
        assertThat(Caller.json(part).get("provider_refund_id").getAsString()).startsWith("re_");
        HttpResponse<String> replay = ada.caller().post(refunds, "{\"amount\":\"20.00\"}", "refund-part-1");
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Topups.balance(ada)).isEqualTo("30.00");

        HttpResponse<String> rest = ada.caller().post(refunds, "");
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        assertThat(Caller.json(rest).get("amount").getAsString()).isEqualTo("30.00");
        assertThat(Topups.balance(ada)).isEqualTo("0.00");
        assertThat(Topups.get(ada, topup).get("refunded").getAsString()).isEqualTo("50.00");

        assertThat(Caller.errorCode(ada.caller().post(refunds, "{\"amount\":\"0.01\"}"))).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(Caller.errorCode(ada.caller().post(refunds, "{}"))).isEqualTo("REFUND_EXCEEDS_PAYMENT");
    }

    @Test
    void openingATopupIsIdempotent() {
        User ada = user("idem");
        String body = "{\"wallet_id\":\"" + ada.walletId() + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}";
        HttpResponse<String> first = ada.caller().post("/api/v1/topups", body, "topup-key-1");
        HttpResponse<String> again = ada.caller().post("/api/v1/topups", body, "topup-key-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Caller.json(again).get("topup_id")).isEqualTo(Caller.json(first).get("topup_id"));
        HttpResponse<String> other = ada.caller().post("/api/v1/topups", body.replace("5.00", "6.00"), "topup-key-1");
        assertThat(Caller.errorCode(other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(Caller.json(ada.caller().get("/api/v1/topups")).getAsJsonArray("topups")).hasSize(1);
    }

    @Test
    void theListIsTheCallersNewestFirstInPages() {
        User ada = user("list");
        JsonObject a = Topups.open(ada, "1.00", "");
        JsonObject b = Topups.open(ada, "2.00", "");
        JsonObject c = Topups.open(ada, "3.00", "");
        JsonObject page1 = Caller.json(ada.caller().get("/api/v1/topups?limit=2"));
        assertThat(page1.getAsJsonArray("topups")).extracting(t -> t.getAsJsonObject().get("topup_id"))
                .containsExactly(c.get("topup_id"), b.get("topup_id"));
        JsonObject page2 = Caller.json(ada.caller().get("/api/v1/topups?limit=2&cursor=" + page1.get("next_cursor").getAsString()));
        assertThat(page2.getAsJsonArray("topups")).extracting(t -> t.getAsJsonObject().get("topup_id")).containsExactly(a.get("topup_id"));
        assertThat(page2.has("next_cursor")).isFalse();
        assertThat(Caller.json(user("other").caller().get("/api/v1/topups")).getAsJsonArray("topups")).isEmpty();
    }

    @Test
    void anotherUsersTopupIsNotFound() {
        User ada = user("owner");
        User eve = user("intruder");
        JsonObject topup = Topups.open(ada, "9.00", "");
        Topups.helperPay(server, topup, "{\"card_number\":\"4242424242424242\"}");
        Topups.settled(ada, topup);
        String id = topup.get("topup_id").getAsString();
        assertThat(eve.caller().get("/api/v1/topups/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> refund = eve.caller().post("/api/v1/topups/" + id + "/refunds", "{}");
        assertThat(refund.statusCode()).isEqualTo(404);
        assertThat(Caller.errorCode(refund)).isEqualTo("NOT_FOUND");
        HttpResponse<String> intoOthers = eve.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + ada.walletId()
                + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}");
        assertThat(Caller.errorCode(intoOthers)).isEqualTo("WALLET_NOT_FOUND");
        assertThat(Topups.balance(ada)).isEqualTo("9.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no wallet                 | {"amount":"5.00","currency":"USD"}                                           | INVALID_REQUEST
            no amount                 | {"wallet_id":"WALLET","currency":"USD"}                                      | INVALID_REQUEST
            zero                      | {"wallet_id":"WALLET","amount":"0","currency":"USD"}                         | INVALID_AMOUNT
            negative                  | {"wallet_id":"WALLET","amount":"-5.00","currency":"USD"}                     | INVALID_AMOUNT
            too precise               | {"wallet_id":"WALLET","amount":"5.001","currency":"USD"}                     | INVALID_AMOUNT
            huge                      | {"wallet_id":"WALLET","amount":"99999999999999999999999","currency":"USD"}   | INVALID_AMOUNT
            not a number              | {"wallet_id":"WALLET","amount":"five","currency":"USD"}                      | INVALID_AMOUNT
            unknown currency          | {"wallet_id":"WALLET","amount":"5.00","currency":"XYZ"}                      | UNKNOWN_CURRENCY
            other currency            | {"wallet_id":"WALLET","amount":"5.00","currency":"EUR"}                      | CURRENCY_MISMATCH
            unknown wallet            | {"wallet_id":"wal_nope","amount":"5.00","currency":"USD"}                    | WALLET_NOT_FOUND
            over the KYC maximum      | {"wallet_id":"WALLET","amount":"20000.01","currency":"USD"}                  | KYC_REQUIRED
            return URL not web        | {"wallet_id":"WALLET","amount":"5.00","currency":"USD","return_url":"ftp://x/y"} | INVALID_REQUEST
            return URL relative       | {"wallet_id":"WALLET","amount":"5.00","currency":"USD","return_url":"/done"} | INVALID_REQUEST
            save_card not a boolean   | {"wallet_id":"WALLET","amount":"5.00","currency":"USD","save_card":"yes"}    | INVALID_REQUEST
            unknown field             | {"wallet_id":"WALLET","amount":"5.00","currency":"USD","tip":"1"}            | INVALID_REQUEST
            exponent past the int     | {"wallet_id":"WALLET","amount":"1E+2147483647","currency":"USD"}             | INVALID_AMOUNT
            Arabic-Indic digits       | {"wallet_id":"WALLET","amount":"٥","currency":"USD"}                         | INVALID_AMOUNT
            amount given twice        | {"wallet_id":"WALLET","amount":"5.00","amount":"500.00","currency":"USD"}    | INVALID_REQUEST
            """)
    void badTopupRequestsAreRefusedWithACodeAndLeaveNoTrace(String what, String body, String code) throws Exception {
        User ada = user("bad");
        long movements = server.verify().movements();
        HttpResponse<String> r = ada.caller().post("/api/v1/topups", body.replace("WALLET", ada.walletId()));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(Caller.errorCode(r)).isEqualTo(code);
        assertThat(Caller.json(ada.caller().get("/api/v1/topups")).getAsJsonArray("topups")).isEmpty();
        assertThat(server.verify().movements()).isEqualTo(movements);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            refund not a number   | POST | /refunds         | {"amount":"lots"}   | INVALID_AMOUNT
            refund negative       | POST | /refunds         | {"amount":"-1.00"}  | INVALID_AMOUNT
            refund too precise    | POST | /refunds         | {"amount":"1.001"}  | INVALID_AMOUNT
            refund unknown field  | POST | /refunds         | {"amout":"1.00"}    | INVALID_REQUEST
            refund not JSON       | POST | /refunds         | {"amount":          | INVALID_REQUEST
            list limit zero       | GET  | ?limit=0         |                     | INVALID_REQUEST
            list limit huge       | GET  | ?limit=1000      |                     | INVALID_REQUEST
            list forged cursor    | GET  | ?cursor=bm9wZQ   |                     | INVALID_REQUEST
            cursor in other digits | GET | ?cursor=2aHZp9mg2aDZoNmg2aDZoNmg2aDZoNmg2aA6dG9wX3g |  | INVALID_REQUEST
            limit in other digits | GET  | ?limit=%D9%A1%D9%A0 |                  | INVALID_REQUEST
            list unknown filter   | GET  | ?status=paid     |                     | INVALID_REQUEST
            """)
    void badRefundsAndListQueriesAreRefusedWithACode(String what, String method, String suffix, String body, String code)
            throws Exception {
        User ada = user("badrefund");
        JsonObject topup = Topups.open(ada, "5.00", "");
        Topups.helperPay(server, topup, "{\"card_number\":\"4242424242424242\"}");
        Topups.settled(ada, topup);
        long movements = server.verify().movements();
        HttpResponse<String> r = method.equals("GET") ? ada.caller().get("/api/v1/topups" + suffix)
                : ada.caller().post("/api/v1/topups/" + topup.get("topup_id").getAsString() + suffix, body);
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(Caller.errorCode(r)).isEqualTo(code);
        assertThat(server.verify().movements()).isEqualTo(movements);
        assertThat(Topups.balance(ada)).isEqualTo("5.00");
    }

    private static com.google.gson.JsonObject data(String id, JsonObject topup) {
        JsonObject data = new JsonObject();
        data.addProperty("reference", id);
        data.addProperty("session_id", Topups.sessionId(topup));
        data.addProperty("amount", topup.get("amount").getAsString());
        data.addProperty("currency", "USD");
        data.addProperty("charge_id", "ch_crafted_" + id);
        return data;
    }
}
