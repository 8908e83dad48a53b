package coffer.server.payment;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static coffer.server.payment.Payers.code;
import static coffer.server.payment.Payers.funded;
import static org.assertj.core.api.Assertions.assertThat;

class TransferRoutesTest extends DemoServerTest {
    private static String balance(Caller caller, String wallet) {
        return Caller.json(caller.get("/api/v1/accounts/" + wallet)).getAsJsonObject("account").get("balance").getAsString();
    }

    private static String transfer(String from, String to, String amount) {
        return "{\"from_wallet_id\":\"" + from + "\",\"to_wallet_id\":\"" + to + "\",\"amount\":" + amount
                + ",\"currency\":\"USD\",\"description\":\"savings\"}";
    }

    @Test
    void aTransferBetweenOwnWalletsSettlesAtOnce() {
        Caller owner = funded(server, "saver@example.com", "100.00", false);
        String main = owner.firstWalletId();
        String savings = Payers.secondWallet(server, "saver@example.com");
        HttpResponse<String> r = owner.post("/api/v1/transfers", transfer(main, savings, "\"25.50\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject t = Caller.json(r);
        assertThat(t.get("transfer_id").getAsString()).startsWith("txn_");
        assertThat(t.get("status").getAsString()).isEqualTo("completed");
        assertThat(t.get("amount").getAsString()).isEqualTo("25.50");
        assertThat(t.get("from_wallet_id").getAsString()).isEqualTo(main);
        assertThat(t.get("to_wallet_id").getAsString()).isEqualTo(savings);
        assertThat(t.get("completed_at").getAsString()).endsWith("Z");
        assertThat(balance(owner, main)).isEqualTo("74.50");
        assertThat(balance(owner, savings)).isEqualTo("25.50");
    }

    @Test
    void anIdempotentRetryReplaysTheTransferAndMovesNothingMore() {
        Caller owner = funded(server, "saver-retry@example.com", "100.00", false);
        String main = owner.firstWalletId();
        String savings = Payers.secondWallet(server, "saver-retry@example.com");
        HttpResponse<String> first = owner.post("/api/v1/transfers", transfer(main, savings, "10"), "move-1");
        HttpResponse<String> again = owner.post("/api/v1/transfers", transfer(main, savings, "10"), "move-1");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        HttpResponse<String> different = owner.post("/api/v1/transfers", transfer(main, savings, "11"), "move-1");
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(code(different)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(owner, main)).isEqualTo("90.00");
    }

    @Test
    void noDescriptionAndTheDescriptionNullAreTwoRequestsUnderOneKey() {
        Caller owner = funded(server, "saver-null@example.com", "100.00", false);
        String main = owner.firstWalletId();
        String savings = Payers.secondWallet(server, "saver-null@example.com");
        String without = transfer(main, savings, "10").replace(",\"description\":\"savings\"", "");
        HttpResponse<String> first = owner.post("/api/v1/transfers", without, "move-null");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        HttpResponse<String> other = owner.post("/api/v1/transfers", without.replace("}", ",\"description\":\"null\"}"), "move-null");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(code(other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(owner, main)).isEqualTo("90.00");
        assertThat(balance(owner, savings)).isEqualTo("10.00");
    }

    @Test
    void aTransferIsNotAWayToPaySomeoneElse() {
        Caller owner = funded(server, "saver-other@example.com", "100.00", false);
        String bobs = server.login("bob@example.com").firstWalletId();
        HttpResponse<String> r = owner.post("/api/v1/transfers", transfer(owner.firstWalletId(), bobs, "1"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(code(r)).isEqualTo("WALLET_NOT_FOUND");
        assertThat(balance(owner, owner.firstWalletId())).isEqualTo("100.00");
    }
}
