package coffer.server.refund;

import coffer.server.ledger.HoldId;
import coffer.server.ledger.VoidCommand;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.MoveCommand;
import coffer.server.ledger.HoldCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import coffer.server.webhook.PartnerClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds through the user API and the partner API: partial, then the rest, then nothing more; only
 * the one who received the money refunds it, others see nothing; bad input moves nothing.
 */
class RefundRoutesTest extends DemoServerTest {
    static Caller alice;
    static Caller bob;

    @BeforeAll
    static void users() {
        alice = server.login("alice@example.com");
        bob = server.login("bob@example.com");
    }

    @Test
    void aPartialThenAFullRefundThenOneThatWouldExceed() throws Exception {
        String aliceBefore = balance(alice);
        String bobBefore = balance(bob);
        String payment = paid(alice, bob, "10.00");

        HttpResponse<String> partial = bob.post("/api/v1/refunds",
                "{\"transaction_id\":\"" + payment + "\",\"amount\":\"4.00\",\"reason\":\"one item returned\"}");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        JsonObject first = Caller.json(partial);
        assertThat(first.get("kind").getAsString()).isEqualTo("refund");
        assertThat(first.get("status").getAsString()).isEqualTo("completed");
        assertThat(first.get("amount").getAsString()).isEqualTo("4.00");
        assertThat(first.get("original_transaction_id").getAsString()).isEqualTo(payment);
        assertThat(first.get("description").getAsString()).isEqualTo("one item returned");

        HttpResponse<String> rest = bob.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\"}");
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        assertThat(Caller.json(rest).get("amount").getAsString()).isEqualTo("6.00");

        HttpResponse<String> more = bob.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\",\"amount\":\"0.01\"}");
        assertThat(more.statusCode()).isEqualTo(422);
        assertThat(Caller.errorCode(more)).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        HttpResponse<String> again = bob.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\"}");
        assertThat(Caller.errorCode(again)).isEqualTo("REFUND_EXCEEDS_PAYMENT");

        assertThat(balance(alice)).isEqualTo(aliceBefore);
        assertThat(balance(bob)).isEqualTo(bobBefore);
        for (Caller party : List.of(alice, bob)) {
            JsonArray listed = Caller.json(party.get("/api/v1/refunds?transaction_id=" + payment)).getAsJsonArray("refunds");
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0).getAsJsonObject().get("amount").getAsString()).isEqualTo("4.00");
            assertThat(listed.get(1).getAsJsonObject().get("amount").getAsString()).isEqualTo("6.00");
        }
    }

    @Test
    void aRefundWithAnIdempotencyKeyHappensOnce() {
        String payment = paid(bob, alice, "3.00");
        HttpResponse<String> first = alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\",\"amount\":\"1.00\"}", "refund-key-1");
        HttpResponse<String> second = alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\",\"amount\":\"1.00\"}", "refund-key-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Caller.json(second).get("transaction_id")).isEqualTo(Caller.json(first).get("transaction_id"));
        assertThat(Caller.json(alice.get("/api/v1/refunds?transaction_id=" + payment)).getAsJsonArray("refunds")).hasSize(1);
        HttpResponse<String> reused = alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\",\"amount\":\"2.00\"}", "refund-key-1");
        assertThat(Caller.errorCode(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void onlyTheRecipientRefundsAndOthersSeeNothing() {
        String payment = paid(alice, bob, "2.00");
        HttpResponse<String> byPayer = alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\"}");
        assertThat(byPayer.statusCode()).isEqualTo(403);
        assertThat(Caller.errorCode(byPayer)).isEqualTo("FORBIDDEN");

        Caller carol = server.register("carol-refunds@example.com");
        HttpResponse<String> byStranger = carol.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\"}");
        assertThat(byStranger.statusCode()).isEqualTo(404);
        assertThat(byStranger.body()).doesNotContain("2.00");
        assertThat(carol.get("/api/v1/refunds?transaction_id=" + payment).statusCode()).isEqualTo(404);
        assertThat(Caller.json(bob.get("/api/v1/refunds?transaction_id=" + payment)).getAsJsonArray("refunds")).isEmpty();
    }

    @Test
    void refundsAndOpeningBalancesCannotBeRefunded() {
        String payment = paid(bob, alice, "5.00");
        String refund = Caller.json(alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\"}"))
                .get("transaction_id").getAsString();
        // bob received the refund; a refund is not refundable
        HttpResponse<String> refundOfRefund = bob.post("/api/v1/refunds", "{\"transaction_id\":\"" + refund + "\"}");
        assertThat(refundOfRefund.statusCode()).as(refundOfRefund.body()).isEqualTo(400);
        assertThat(Caller.errorCode(refundOfRefund)).isEqualTo("INVALID_REQUEST");

        // a pending payment is not refundable either
        LedgerService ledger = server.server().ledger();
        String hold = ledger.hold(new HoldCommand(new EnvId(DemoData.ENV_ID), null,
                coffer.core.ledger.TransactionKind.P2P, new WalletId(bob.firstWalletId()),
                new WalletId(alice.firstWalletId()), Money.parse("1.00", "USD"), Instant.now().plusSeconds(600),
                        Memo.description("held")), null)
                .orThrow().id();
        HttpResponse<String> pending = alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + hold + "\"}");
        assertThat(Caller.errorCode(pending)).isEqualTo("INVALID_REQUEST");
        ledger.voidHold(new VoidCommand(new EnvId(DemoData.ENV_ID), new HoldId(ledger.movement(DemoData.ENV_ID, hold).orElseThrow().holdId()),
                "test over"), null).orThrow();
    }

    @Test
    void moneyFromTheProviderIsNotRefundedToCoffersOwnAccount() throws Exception {
        LedgerService ledger = server.server().ledger();
        String topup = ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID),
                new WalletId(alice.firstWalletId()),
                Money.parse("6.00", "USD"), Memo.reference("card-topup-1").withDescription("Top-up")),
                null).orThrow().id();
        String before = balance(alice);
        HttpResponse<String> refused = alice.post("/api/v1/refunds", "{\"transaction_id\":\"" + topup + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Caller.errorCode(refused)).isEqualTo("INVALID_REQUEST");
        assertThat(refused.body()).contains("/api/v1/topups/{id}/refunds");
        assertThat(balance(alice)).isEqualTo(before);
        assertThat(Caller.json(alice.get("/api/v1/refunds?transaction_id=" + topup)).getAsJsonArray("refunds")).isEmpty();
        assertThat(server.verify().violations()).isEmpty();
    }

    @Test
    void aPartnerRefundsAnOrderButNotAUsersPayment() {
        LedgerService ledger = server.server().ledger();
        String before = balance(alice);
        String order = ledger.pay(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), null,
                new WalletId(alice.firstWalletId()), Money.parse("8.00", "USD"),
                Memo.reference("order-77").withDescription("a product")), null).orThrow().id();
        PartnerClient partner = new PartnerClient(server, DemoData.ENV_SECRET);

        HttpResponse<String> part = partner.post("/api/v1/partner/refunds", "{\"env_id\":\"" + DemoData.ENV_ID
                + "\",\"transaction_id\":\"" + order + "\",\"amount\":3,\"reason\":\"damaged\"}", "order-77-refund-1");
        assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
        assertThat(Caller.json(part).get("amount").getAsString()).isEqualTo("3.00");
        assertThat(Caller.json(part).get("reference").getAsString()).isEqualTo("order-77");
        HttpResponse<String> rest = partner.post("/api/v1/partner/refunds", "{\"env_id\":\"" + DemoData.ENV_ID
                + "\",\"transaction_id\":\"" + order + "\"}");
        assertThat(Caller.json(rest).get("amount").getAsString()).isEqualTo("5.00");
        HttpResponse<String> exceeds = partner.post("/api/v1/partner/refunds", "{\"env_id\":\"" + DemoData.ENV_ID
                + "\",\"transaction_id\":\"" + order + "\",\"amount\":\"1.00\"}");
        assertThat(Caller.errorCode(exceeds)).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(balance(alice)).isEqualTo(before);

        String p2p = paid(alice, bob, "1.00");
        HttpResponse<String> notAnOrder = partner.post("/api/v1/partner/refunds", "{\"env_id\":\"" + DemoData.ENV_ID
                + "\",\"transaction_id\":\"" + p2p + "\"}");
        assertThat(notAnOrder.statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAndMovesNothing() throws Exception {
        String payment = paid(alice, bob, "1.50");
        long movements = server.verify().movements();
        String[][] table = {
                {"{}", "INVALID_REQUEST"},
                {"{\"transaction_id\":\"\"}", "INVALID_REQUEST"},
                {"{\"transaction_id\":\"" + payment + "\",\"amount\":\"abc\"}", "INVALID_AMOUNT"},
                {"{\"transaction_id\":\"" + payment + "\",\"amount\":\"0\"}", "INVALID_AMOUNT"},
                {"{\"transaction_id\":\"" + payment + "\",\"amount\":\"-1.00\"}", "INVALID_AMOUNT"},
                {"{\"transaction_id\":\"" + payment + "\",\"amount\":\"1.001\"}", "INVALID_AMOUNT"},
                {"{\"transaction_id\":\"" + payment + "\",\"amount\":true}", "INVALID_AMOUNT"},
                {"{\"transaction_id\":\"" + payment + "\",\"amount\":{}}", "INVALID_REQUEST"},
                {"{\"transaction_id\":\"" + payment + "\",\"reason\":\"" + "r".repeat(501) + "\"}", "INVALID_REQUEST"},
                {"{\"transaction_id\":\"" + payment + "\",\"currency\":\"USD\"}", "INVALID_REQUEST"},
                {"{\"transaction_id\":\"txn_does_not_exist\"}", "NOT_FOUND"},
                {"[]", "INVALID_REQUEST"},
        };
        List<String> problems = new ArrayList<>();
        for (String[] row : table) {
            HttpResponse<String> r = bob.post("/api/v1/refunds", row[0]);
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !Caller.errorCode(r).equals(row[1])) {
                problems.add(row[0].substring(0, Math.min(80, row[0].length())) + " -> " + r.statusCode() + " " + r.body());
            }
        }
        for (String query : List.of("", "?transaction_id=", "?transaction_id=a&transaction_id=b", "?transaction_id="
                + payment + "&extra=1")) {
            HttpResponse<String> r = bob.get("/api/v1/refunds" + query);
            if (r.statusCode() != 400 || !Caller.errorCode(r).equals("INVALID_REQUEST")) {
                problems.add("GET /api/v1/refunds" + query + " -> " + r.statusCode() + " " + r.body());
            }
        }
        HttpResponse<String> badKey = bob.post("/api/v1/refunds", "{\"transaction_id\":\"" + payment + "\"}", "bad key with spaces");
        if (badKey.statusCode() != 400) {
            problems.add("a bad Idempotency-Key -> " + badKey.statusCode());
        }
        assertThat(problems).isEmpty();
        assertThat(server.verify().movements()).isEqualTo(movements);
    }

    /** A completed P2P movement from {@code payer} to {@code payee}, made at once (not through the payment processor). */
    private static String paid(Caller payer, Caller payee, String amount) {
        return server.server().ledger().p2p(new MoveCommand(new EnvId(DemoData.ENV_ID), null,
                new WalletId(payer.firstWalletId()), new WalletId(payee.firstWalletId()), Money.parse(amount, "USD"),
                Memo.description("test payment")), null).orThrow().id();
    }

    private static String balance(Caller c) {
        return Caller.json(c.get("/api/v1/accounts/" + c.firstWalletId())).getAsJsonObject("account").get("balance").getAsString();
    }
}
