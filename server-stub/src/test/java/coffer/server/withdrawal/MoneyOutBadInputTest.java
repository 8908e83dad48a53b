package coffer.server.withdrawal;

import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input on every route of bank accounts, withdrawals, settlements and schedules: each is a 4xx with
 * its code, never a 500, and nothing is held, paid out or scheduled.
 */
class MoneyOutBadInputTest extends DemoServerTest {
    static Caller alice;
    static String wallet;
    static String eurWallet;
    static String account;
    static String bobsWallet;

    @BeforeAll
    static void callers() {
        alice = server.login("alice@example.com");
        wallet = alice.firstWalletId();
        eurWallet = Caller.json(alice.post("/api/v1/accounts", "{\"currency\":\"EUR\"}")).getAsJsonObject("account")
                .get("id").getAsString();
        account = MoneyOutFlowTest.addAccount(alice, MoneyOutFlowTest.SUCCEEDS);
        bobsWallet = server.login("bob@example.com").firstWalletId();
    }

    @AfterEach
    void nothingMoved() throws Exception {
        assertThat(Caller.json(alice.get("/api/v1/accounts/" + wallet)).getAsJsonObject("account").get("available_balance")
                .getAsString()).isEqualTo("1000.00");
        assertThat(Caller.json(alice.get("/api/v1/withdrawals")).getAsJsonArray("withdrawals")).isEmpty();
        assertThat(Caller.json(alice.get("/api/v1/settlements")).getAsJsonArray("settlements")).isEmpty();
        assertThat(Caller.json(alice.get("/api/v1/settlement-schedules")).getAsJsonArray("schedules")).isEmpty();
        assertThat(server.verify().movements()).as("only the demo opening balances").isEqualTo(3);
    }

    static Stream<Arguments> requests() {
        String w = "\"wallet_id\":\"{wallet}\"";
        String to = "\"bank_account_id\":\"{account}\"";
        return Stream.of(
                // resolving and saving bank accounts
                arguments("GET", "/api/v1/bank-accounts/resolve?bank_code=058", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/bank-accounts/resolve?account_number=0123456789", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/bank-accounts/resolve?bank_code=58&account_number=0123456789", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/bank-accounts/resolve?bank_code=058&account_number=12ab", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/bank-accounts/resolve?bank_code=058&account_number=0123456789&x=1", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/bank-accounts/resolve?bank_code=058&bank_code=044&account_number=0123456789", null, 400,
                        "INVALID_REQUEST"),
                arguments("POST", "/api/v1/bank-accounts", "{\"bank_code\":\"058\"}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"01234567890123\"}", 400,
                        "INVALID_REQUEST"),
                arguments("POST", "/api/v1/bank-accounts", "{\"bank_code\":[1],\"account_number\":\"0123456789\"}", 400,
                        "INVALID_REQUEST"),
                arguments("POST", "/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"0123450000\"}", 404, "NOT_FOUND"),
                arguments("DELETE", "/api/v1/bank-accounts/bnk_nope", null, 404, "NOT_FOUND"),
                // withdrawals
                arguments("POST", "/api/v1/withdrawals", "{\"amount\":\"1.00\",\"currency\":\"USD\"}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"currency\":\"USD\"}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"-5.00\",\"currency\":\"USD\"}", 400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"0\",\"currency\":\"USD\"}", 400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1.001\",\"currency\":\"USD\"}", 400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1e400\",\"currency\":\"USD\"}", 400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1.00\",\"currency\":\"XYZ\"}", 400, "UNKNOWN_CURRENCY"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1.00\",\"currency\":\"EUR\"}", 422, "CURRENCY_MISMATCH"),
                arguments("POST", "/api/v1/withdrawals", "{\"wallet_id\":\"{eur}\",\"amount\":\"1.00\",\"currency\":\"EUR\"}", 422,
                        "INSUFFICIENT_BALANCE"),
                arguments("POST", "/api/v1/withdrawals", "{\"wallet_id\":\"wal_nope\",\"amount\":\"1.00\",\"currency\":\"USD\"}", 404,
                        "WALLET_NOT_FOUND"),
                arguments("POST", "/api/v1/withdrawals", "{\"wallet_id\":\"{bob}\",\"amount\":\"1.00\",\"currency\":\"USD\"}", 404,
                        "WALLET_NOT_FOUND"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1.00\",\"currency\":\"USD\",\"bank_account_id\":\"bnk_nope\"}",
                        404, "NOT_FOUND"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1.00\",\"currency\":\"USD\",\"return_url\":\"javascript:x\"}",
                        400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/withdrawals", "{" + w + ",\"amount\":\"1.00\",\"currency\":\"USD\",\"description\":\""
                        + "d".repeat(501) + "\"}", 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/withdrawals?limit=0", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/withdrawals?limit=abc", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/withdrawals?cursor=not-a-cursor", null, 400, "INVALID_REQUEST"),
                // a time in Arabic-Indic digits, which Long.parseLong would read
                arguments("GET", "/api/v1/withdrawals?cursor=2aHZp9mg2aDZoNmg2aDZoNmg2aDZoNmg2aA6d2RyX3g", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/settlements?limit=%D9%A1%D9%A0", null, 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlements", "{" + w + "," + to + ",\"amount\":\"1E+2147483647\",\"currency\":\"USD\"}", 400,
                        "INVALID_AMOUNT"),
                arguments("GET", "/api/v1/withdrawals?status=pending", null, 400, "INVALID_REQUEST"),
                arguments("GET", "/api/v1/withdrawals/wdr_nope", null, 404, "NOT_FOUND"),
                // settlements
                arguments("POST", "/api/v1/settlements", "{" + w + "}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlements", "{" + to + "}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlements", "{" + w + "," + to + ",\"amount\":\"5.00\"}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlements", "{" + w + "," + to + ",\"currency\":\"QQQ\"}", 400, "UNKNOWN_CURRENCY"),
                arguments("POST", "/api/v1/settlements", "{" + w + "," + to + ",\"currency\":\"EUR\"}", 422, "CURRENCY_MISMATCH"),
                arguments("POST", "/api/v1/settlements", "{" + w + "," + to + ",\"amount\":\"0.00\",\"currency\":\"USD\"}", 400,
                        "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/settlements", "{" + w + "," + to + ",\"amount\":\"2000.00\",\"currency\":\"USD\"}", 422,
                        "INSUFFICIENT_BALANCE"),
                arguments("POST", "/api/v1/settlements", "{\"wallet_id\":\"{eur}\"," + to + "}", 422, "INSUFFICIENT_BALANCE"),
                arguments("POST", "/api/v1/settlements", "{\"wallet_id\":\"{bob}\"," + to + "}", 404, "WALLET_NOT_FOUND"),
                arguments("GET", "/api/v1/settlements/stl_nope", null, 404, "NOT_FOUND"),
                arguments("GET", "/api/v1/settlements?limit=101", null, 400, "INVALID_REQUEST"),
                // schedules
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to + ",\"frequency\":\"hourly\",\"minimum_amount\":\"1\"}",
                        400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to + ",\"frequency\":\"daily\"}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to + ",\"minimum_amount\":\"1\"}", 400, "INVALID_REQUEST"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to + ",\"frequency\":\"daily\",\"minimum_amount\":\"-1\"}",
                        400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to + ",\"frequency\":\"daily\",\"minimum_amount\":\"1.999\"}",
                        400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to
                        + ",\"frequency\":\"daily\",\"minimum_amount\":\"1\",\"amount\":\"0\"}", 400, "INVALID_AMOUNT"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + "," + to
                        + ",\"frequency\":\"daily\",\"minimum_amount\":\"1\",\"currency\":\"EUR\"}", 422, "CURRENCY_MISMATCH"),
                arguments("POST", "/api/v1/settlement-schedules", "{\"wallet_id\":\"{bob}\"," + to
                        + ",\"frequency\":\"daily\",\"minimum_amount\":\"1\"}", 404, "WALLET_NOT_FOUND"),
                arguments("POST", "/api/v1/settlement-schedules", "{" + w + ",\"bank_account_id\":\"bnk_nope\""
                        + ",\"frequency\":\"daily\",\"minimum_amount\":\"1\"}", 404, "NOT_FOUND"),
                arguments("DELETE", "/api/v1/settlement-schedules/sch_nope", null, 404, "NOT_FOUND"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @MethodSource("requests")
    void badInputIsRefusedWithItsCode(String method, String path, String body, int status, String code) {
        String b = body == null ? null : body.replace("{wallet}", wallet).replace("{account}", account)
                .replace("{eur}", eurWallet).replace("{bob}", bobsWallet);
        HttpResponse<String> r = switch (method) {
            case "GET" -> alice.get(path);
            case "POST" -> alice.post(path, b);
            default -> Http.send(alice.request(path).method(method, HttpRequest.BodyPublishers.noBody()));
        };
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Caller.errorCode(r)).isEqualTo(code);
    }
}
