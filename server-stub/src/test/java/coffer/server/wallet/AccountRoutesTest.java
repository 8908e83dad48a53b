package coffer.server.wallet;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.TestServer.Caller;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRoutesTest extends DemoServerTest {
    private static JsonObject account(HttpResponse<String> r) {
        return Caller.json(r).getAsJsonObject("account");
    }

    private static String code(HttpResponse<String> r) {
        return Caller.json(r).getAsJsonObject("error").get("code").getAsString();
    }

    @Test
    void aDemoUserSeesTheirFundedWalletWithDecimalStringBalances() {
        Caller alice = server.login("alice@example.com");
        String id = alice.firstWalletId();
        JsonObject a = account(alice.get("/api/v1/accounts/" + id));
        assertThat(a.get("currency").getAsString()).isEqualTo("USD");
        assertThat(a.get("balance").getAsString()).isEqualTo("1000.00");
        assertThat(a.get("available_balance").getAsString()).isEqualTo("1000.00");
        assertThat(a.get("pending_balance").getAsString()).isEqualTo("0.00");
        assertThat(a.get("status").getAsString()).isEqualTo("active");
    }

    @Test
    void anotherUsersWalletIsNotFoundNeverData() {
        String bobs = server.login("bob@example.com").firstWalletId();
        Caller alice = server.login("alice@example.com");
        for (HttpResponse<String> r : new HttpResponse[] {
                alice.get("/api/v1/accounts/" + bobs),
                alice.post("/api/v1/accounts/" + bobs + "/lock", ""),
                alice.post("/api/v1/accounts/" + bobs + "/close", ""),
                alice.get("/api/v1/accounts/wal_does_not_exist")}) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(code(r)).isEqualTo("WALLET_NOT_FOUND");
            assertThat(r.body()).doesNotContain("1000.00");
        }
    }

    @Test
    void openingAnotherCurrencyCreatesItOnceThenAnswersIt() {
        Caller carol = server.register("carol-open@example.com");
        assertThat(Caller.json(carol.get("/api/v1/accounts")).getAsJsonArray("accounts")).isEmpty();

        HttpResponse<String> created = carol.post("/api/v1/accounts", "{\"currency\":\"JPY\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(account(created).get("balance").getAsString()).isEqualTo("0");
        HttpResponse<String> again = carol.post("/api/v1/accounts", "{\"currency\":\"JPY\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(account(again).get("id")).isEqualTo(account(created).get("id"));

        HttpResponse<String> kwd = carol.post("/api/v1/accounts", "{\"currency\":\"KWD\"}");
        assertThat(account(kwd).get("balance").getAsString()).isEqualTo("0.000");
        assertThat(Caller.json(carol.get("/api/v1/accounts")).getAsJsonArray("accounts")).hasSize(2);
    }

    @Test
    void anAdditionalWalletInTheSameCurrencyLetsTheUserTransferBetweenTheirOwnPots() {
        Caller dana = server.register("dana-pots@example.com");
        String main = account(dana.post("/api/v1/accounts", "{\"currency\":\"USD\"}")).get("id").getAsString();
        server.server().ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(main),
                Money.parse("20.00", "USD"), Memo.description("funds")), null).orThrow();
        HttpResponse<String> pot = dana.post("/api/v1/accounts", "{\"currency\":\"USD\",\"additional\":true}");
        assertThat(pot.statusCode()).as(pot.body()).isEqualTo(201);
        String potId = account(pot).get("id").getAsString();
        assertThat(potId).isNotEqualTo(main);

        HttpResponse<String> moved = dana.post("/api/v1/transfers", "{\"amount\":\"10.00\",\"currency\":\"USD\","
                + "\"from_wallet_id\":\"" + main + "\",\"to_wallet_id\":\"" + potId + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        assertThat(account(dana.get("/api/v1/accounts/" + potId)).get("balance").getAsString()).isEqualTo("10.00");
        assertThat(account(dana.get("/api/v1/accounts/" + main)).get("balance").getAsString()).isEqualTo("10.00");
        assertThat(code(dana.post("/api/v1/accounts", "{\"currency\":\"USD\",\"additional\":\"yes\"}")))
                .isEqualTo("INVALID_REQUEST");
        assertThat(Caller.json(dana.get("/api/v1/accounts")).getAsJsonArray("accounts")).hasSize(2);
    }

    @Test
    void unknownCurrenciesAndBadBodiesAre400() {
        Caller carol = server.register("carol-bad@example.com");
        assertThat(code(carol.post("/api/v1/accounts", "{\"currency\":\"XYZ\"}"))).isEqualTo("UNKNOWN_CURRENCY");
        assertThat(code(carol.post("/api/v1/accounts", "{}"))).isEqualTo("INVALID_REQUEST");
        assertThat(code(carol.post("/api/v1/accounts", "{\"currency\":7}"))).isIn("UNKNOWN_CURRENCY", "INVALID_REQUEST");
        assertThat(Caller.json(carol.get("/api/v1/accounts")).getAsJsonArray("accounts")).isEmpty();
    }

    @Test
    void lockUnlockAndCloseFollowTheStatusRules() {
        Caller dan = server.register("dan@example.com");
        String id = account(dan.post("/api/v1/accounts", "{\"currency\":\"EUR\"}")).get("id").getAsString();

        assertThat(account(dan.post("/api/v1/accounts/" + id + "/lock", "")).get("status").getAsString()).isEqualTo("locked");
        assertThat(account(dan.post("/api/v1/accounts/" + id + "/unlock", "")).get("status").getAsString()).isEqualTo("active");
        assertThat(account(dan.post("/api/v1/accounts/" + id + "/close", "")).get("status").getAsString()).isEqualTo("closed");
        HttpResponse<String> reopen = dan.post("/api/v1/accounts/" + id + "/unlock", "");
        assertThat(reopen.statusCode()).isEqualTo(409);
        assertThat(code(reopen)).isEqualTo("WALLET_CLOSED");
    }

    @Test
    void aWalletWithMoneyCannotBeClosed() {
        Caller bob = server.login("bob@example.com");
        HttpResponse<String> r = bob.post("/api/v1/accounts/" + bob.firstWalletId() + "/close", "");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("WALLET_NOT_EMPTY");
        assertThat(account(bob.get("/api/v1/accounts/" + bob.firstWalletId())).get("status").getAsString()).isEqualTo("active");
    }
}
