package coffer.server.history;

import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.HoldCommand;
import coffer.server.ledger.MoveCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionRoutesTest {
    @TempDir
    static Path data;
    static TestServer server;
    static LedgerService ledger;
    /** A user with one of each kind of movement, and a counterpart. */
    static User carol;
    static User dave;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        ledger = server.server().ledger();
        carol = TestUsers.funded(server, "carol", "100.00");
        dave = TestUsers.funded(server, "dave", "50.00");
        TestUsers.p2p(server, carol, dave, "12.50", "Lunch");
        ledger.pay(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(carol.id()),
                new WalletId(carol.walletId()), usd("30.00"),
                Memo.reference("order-7").withDescription("Coffee beans")), null).orThrow();
        ledger.withdraw(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(carol.id()),
                new WalletId(carol.walletId()), usd("5.00"), Memo.description("Cash out")), null).orThrow();
        TestUsers.p2p(server, dave, carol, "2.25", "Refund lunch");
        ledger.hold(new HoldCommand(new EnvId(DemoData.ENV_ID), new UserId(carol.id()), TransactionKind.PAYMENT,
                new WalletId(carol.walletId()), new WalletId(LedgerService.systemAccount(DemoData.ENV_ID, AccountKind.MERCHANT,
                usd("1.00").currency())), usd("7.00"), Instant.now().plusSeconds(3600),
                Memo.reference("order-8").withDescription("Tea, reserved")), null).orThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<JsonObject> items(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonObject> items = new ArrayList<>();
        Caller.json(r).getAsJsonArray("transactions").forEach(e -> items.add(e.getAsJsonObject()));
        return items;
    }

    static List<String> descriptions(HttpResponse<String> r) {
        return items(r).stream().map(o -> o.get("description").getAsString()).toList();
    }

    static String code(HttpResponse<String> r) {
        return Caller.json(r).getAsJsonObject("error").get("code").getAsString();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("", List.of("Tea, reserved", "Refund lunch", "Cash out", "Coffee beans", "Lunch", "Opening deposit")),
                Arguments.of("kind=p2p", List.of("Refund lunch", "Lunch")),
                Arguments.of("kind=p2p,topup", List.of("Refund lunch", "Lunch", "Opening deposit")),
                Arguments.of("kind=withdrawal&kind=topup", List.of("Cash out", "Opening deposit")),
                Arguments.of("status=pending", List.of("Tea, reserved")),
                Arguments.of("status=completed&kind=payment", List.of("Coffee beans")),
                Arguments.of("min_amount=12.50", List.of("Coffee beans", "Lunch", "Opening deposit")),
                Arguments.of("max_amount=5", List.of("Refund lunch", "Cash out")),
                Arguments.of("min_amount=5.00&max_amount=12.5", List.of("Tea, reserved", "Cash out", "Lunch")),
                Arguments.of("q=LUNCH", List.of("Refund lunch", "Lunch")),
                Arguments.of("q=order-7", List.of("Coffee beans")),
                Arguments.of("q=" + enc("dave-"), List.of("Refund lunch", "Lunch")),
                Arguments.of("q=" + enc("%"), List.of()),
                Arguments.of("currency=USD&kind=withdrawal", List.of("Cash out")),
                Arguments.of("currency=EUR", List.of()),
                Arguments.of("from=2000-01-01&to=2999-12-31", List.of("Tea, reserved", "Refund lunch", "Cash out",
                        "Coffee beans", "Lunch", "Opening deposit")),
                Arguments.of("to=2000-01-01", List.of()),
                Arguments.of("from=" + enc("2999-01-01T00:00:00+02:00"), List.of()));
    }

    @ParameterizedTest(name = "[{index}] ?{0}")
    @MethodSource("filters")
    void eachFilterNarrowsTheCallersMovements(String query, List<String> expected) {
        // movements committed in the same millisecond have no order among themselves
        assertThat(descriptions(carol.caller().get("/api/v1/transactions?" + query))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void walletIdNarrowsToThatWalletAndDateBoundsCutBetweenMovements() {
        assertThat(descriptions(carol.caller().get("/api/v1/transactions?wallet_id=" + carol.walletId()))).hasSize(6);
        List<JsonObject> all = items(carol.caller().get("/api/v1/transactions?kind=p2p"));
        Function<String, String> at = d -> all.stream().filter(o -> o.get("description").getAsString().equals(d))
                .findFirst().orElseThrow().get("created_at").getAsString();
        String refundAt = at.apply("Refund lunch");
        String lunchAt = at.apply("Lunch");
        if (!refundAt.equals(lunchAt)) {
            assertThat(descriptions(carol.caller().get("/api/v1/transactions?kind=p2p&from=" + enc(refundAt))))
                    .containsExactly("Refund lunch");
            assertThat(descriptions(carol.caller().get("/api/v1/transactions?kind=p2p&to=" + enc(refundAt))))
                    .containsExactly("Lunch");
        }
        assertThat(descriptions(carol.caller().get("/api/v1/transactions?kind=p2p&from=" + enc(lunchAt))))
                .contains("Refund lunch", "Lunch");
    }

    @Test
    void anItemShowsTheMovementFromTheCallersSide() {
        JsonObject lunch = items(carol.caller().get("/api/v1/transactions?q=Lunch&kind=p2p")).stream()
                .filter(o -> o.get("description").getAsString().equals("Lunch")).findFirst().orElseThrow();
        assertThat(lunch.get("kind").getAsString()).isEqualTo("p2p");
        assertThat(lunch.get("status").getAsString()).isEqualTo("completed");
        assertThat(lunch.get("amount").getAsString()).isEqualTo("12.50");
        assertThat(lunch.get("currency").getAsString()).isEqualTo("USD");
        assertThat(lunch.get("direction").getAsString()).isEqualTo("out");
        assertThat(lunch.get("counterparty").getAsString()).isEqualTo(dave.email());
        assertThat(lunch.get("counterparty_wallet_id").getAsString()).isEqualTo(dave.walletId());
        assertThat(lunch.get("wallet_id").getAsString()).isEqualTo(carol.walletId());
        assertThat(Instant.parse(lunch.get("created_at").getAsString())).isBefore(Instant.now().plusSeconds(1));

        JsonObject seenByDave = Caller.json(dave.caller().get("/api/v1/transactions/" + lunch.get("id").getAsString()))
                .getAsJsonObject("transaction");
        assertThat(seenByDave.get("direction").getAsString()).isEqualTo("in");
        assertThat(seenByDave.get("counterparty").getAsString()).isEqualTo(carol.email());
        assertThat(seenByDave.get("wallet_id").getAsString()).isEqualTo(dave.walletId());

        JsonObject deposit = items(carol.caller().get("/api/v1/transactions?kind=topup")).get(0);
        assertThat(deposit.get("direction").getAsString()).isEqualTo("in");
        assertThat(deposit.has("counterparty")).isFalse();
    }

    @Test
    void pagesKeepTheirFiltersWithNoDuplicatesOrGaps() {
        User erin = TestUsers.funded(server, "erin", "100.00");
        for (int i = 1; i <= 9; i++) {
            TestUsers.p2p(server, erin, dave, "1.0" + i, "tip " + i);
            ledger.withdraw(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(erin.id()),
                    new WalletId(erin.walletId()), usd("0.10"), Memo.description("fee " + i)), null).orThrow();
        }
        List<String> unpaged = items(erin.caller().get("/api/v1/transactions?kind=p2p&limit=200")).stream()
                .map(o -> o.get("id").getAsString()).toList();
        assertThat(unpaged).hasSize(9);

        List<String> paged = new ArrayList<>();
        HttpResponse<String> r = erin.caller().get("/api/v1/transactions?kind=p2p&limit=2");
        int pages = 1;
        while (true) {
            items(r).forEach(o -> {
                assertThat(o.get("kind").getAsString()).isEqualTo("p2p");
                paged.add(o.get("id").getAsString());
            });
            JsonElement next = Caller.json(r).get("next_cursor");
            if (next == null || next.isJsonNull()) {
                assertThat(Caller.json(r).get("has_more").getAsBoolean()).isFalse();
                break;
            }
            assertThat(Caller.json(r).get("has_more").getAsBoolean()).isTrue();
            r = erin.caller().get("/api/v1/transactions?cursor=" + enc(next.getAsString()));
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(paged).containsExactlyElementsOf(unpaged);
    }

    @Test
    void anotherUsersCursorOrAnAlteredOneIsRefusedNeverData() {
        String cursor = Caller.json(carol.caller().get("/api/v1/transactions?limit=1")).get("next_cursor").getAsString();
        assertThat(items(carol.caller().get("/api/v1/transactions?cursor=" + enc(cursor)))).hasSize(1);

        HttpResponse<String> foreign = dave.caller().get("/api/v1/transactions?cursor=" + enc(cursor));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(code(foreign)).isEqualTo("INVALID_REQUEST");
        assertThat(foreign.body()).doesNotContain("Coffee", "Lunch");

        char[] bent = cursor.toCharArray();
        bent[3] = bent[3] == 'A' ? 'B' : 'A';
        HttpResponse<String> altered = carol.caller().get("/api/v1/transactions?cursor=" + enc(new String(bent)));
        assertThat(altered.statusCode()).isEqualTo(400);
        assertThat(code(altered)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void oneMovementByIdAndAnotherUsersIsNotFound() {
        String id = items(carol.caller().get("/api/v1/transactions?kind=payment&status=completed")).get(0).get("id").getAsString();
        HttpResponse<String> own = carol.caller().get("/api/v1/transactions/" + id);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonObject t = Caller.json(own).getAsJsonObject("transaction");
        assertThat(t.get("reference").getAsString()).isEqualTo("order-7");
        assertThat(t.get("counterparty")).isNull();

        HttpResponse<String> foreign = dave.caller().get("/api/v1/transactions/" + id);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(code(foreign)).isEqualTo("NOT_FOUND");
        assertThat(foreign.body()).doesNotContain("order-7");
    }

    @Test
    void theCsvExportHasAHeaderQuotesCellsAndDefusesFormulas() {
        User frank = TestUsers.funded(server, "frank", "20.00");
        TestUsers.p2p(server, frank, dave, "1.00", "=HYPERLINK(\"http://x\",\"a, b\")");
        TestUsers.p2p(server, frank, dave, "2.00", "two\nlines");
        TestUsers.p2p(server, frank, dave, "3.00", "@sum and +plus");

        HttpResponse<String> r = frank.caller().get("/api/v1/transactions/export.csv?kind=p2p");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("transactions.csv");
        String csv = r.body();
        assertThat(csv).startsWith(String.join(",", TransactionRoutes.CSV_COLUMNS) + "\r\n");
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",")
                .contains(",\"two\nlines\",")
                .contains(",'@sum and +plus,")
                .contains(",out,3.00,USD," + frank.walletId() + "," + dave.email() + ",");
        // header + 3 rows, each ending in CRLF (the newline inside the quoted cell is a bare LF)
        assertThat(csv.split("\r\n", -1)).hasSize(5);

        String all = frank.caller().get("/api/v1/transactions/export.csv").body();
        assertThat(all.split("\r\n", -1)).hasSize(6);
    }

    @Test
    void theCsvExportSaysWhichMemberMovedMoneyOutOfAnOrganizationsWallet() {
        User ivan = TestUsers.funded(server, "ivan", "20.00");
        User jade = TestUsers.funded(server, "jade", "20.00");
        HttpResponse<String> created = ivan.caller().post("/api/v1/organizations", "{\"name\":\"Ivan's team\",\"currency\":\"USD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String org = Caller.json(created).getAsJsonObject("organization").get("id").getAsString();
        String orgWallet = Caller.json(created).getAsJsonObject("account").get("id").getAsString();
        HttpResponse<String> added = ivan.caller().post("/api/v1/organizations/" + org + "/members",
                "{\"email\":\"" + jade.email() + "\",\"role\":\"member\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        EnvId env = new EnvId(DemoData.ENV_ID);
        ledger.deposit(SystemMoveCommand.of(env, new WalletId(orgWallet), usd("50.00"), Memo.description("Team funds")), null)
                .orThrow();
        ledger.p2p(new MoveCommand(env, new UserId(jade.id()), new WalletId(orgWallet), new WalletId(dave.walletId()),
                usd("4.00"), Memo.description("Team lunch")), null).orThrow();
        TestUsers.p2p(server, jade, dave, "1.00", "Own lunch");

        String csv = jade.caller().get("/api/v1/transactions/export.csv").body();
        assertThat(csv).startsWith("id,created_at,completed_at,kind,status,direction,amount,currency,wallet_id,counterparty,"
                + "description,reference,failure_reason,initiated_by\r\n");
        int description = TransactionRoutes.CSV_COLUMNS.indexOf("description");
        int initiatedBy = TransactionRoutes.CSV_COLUMNS.indexOf("initiated_by");
        List<List<String>> rows = SpreadsheetReading.rows(csv);
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(description) + " | " + row.get(initiatedBy))
                .containsExactlyInAnyOrder("Team lunch | " + jade.id(), "Team funds | ", "Own lunch | ", "Opening deposit | ");
        // the owner's export of the organization's wallet says the same of the member's payment
        String owners = ivan.caller().get("/api/v1/transactions/export.csv?wallet_id=" + orgWallet).body();
        List<List<String>> ownersRows = SpreadsheetReading.rows(owners);
        assertThat(ownersRows.subList(1, ownersRows.size())).extracting(row -> row.get(description) + " | " + row.get(initiatedBy))
                .containsExactly("Team lunch | " + jade.id(), "Team funds | ");
    }

    @Test
    void theCsvExportRunsNoFormulaInASpreadsheetThatSplitsOnSemicolons() {
        User hana = TestUsers.funded(server, "hana", "20.00");
        TestUsers.p2p(server, hana, dave, "1.00", "lunch;=HYPERLINK(\"http://x\")");
        TestUsers.p2p(server, hana, dave, "2.00", "a;+1");

        HttpResponse<String> r = hana.caller().get("/api/v1/transactions/export.csv?kind=p2p");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SpreadsheetReading.formulas(r.body())).isEmpty();
        int description = TransactionRoutes.CSV_COLUMNS.indexOf("description");
        int amount = TransactionRoutes.CSV_COLUMNS.indexOf("amount");
        List<List<String>> rows = SpreadsheetReading.rows(r.body());
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(description) + " | " + row.get(amount))
                .containsExactlyInAnyOrder("lunch;'=HYPERLINK(\"http://x\") | 1.00", "a;'+1 | 2.00");
    }

    @Test
    void theExportOfANewUserWithoutWalletsIsJustTheHeader() {
        Caller newcomer = server.register("newcomer-" + System.nanoTime() + "@example.com");
        assertThat(newcomer.get("/api/v1/transactions/export.csv").body())
                .isEqualTo(String.join(",", TransactionRoutes.CSV_COLUMNS) + "\r\n");
        assertThat(items(newcomer.get("/api/v1/transactions"))).isEmpty();
    }

    @Test
    void amountFiltersNeedACurrencyWhenTheWalletsHoldSeveral() {
        User gina = TestUsers.funded(server, "gina", "10.00");
        gina.caller().post("/api/v1/accounts", "{\"currency\":\"EUR\"}");
        HttpResponse<String> ambiguous = gina.caller().get("/api/v1/transactions?min_amount=1");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(code(ambiguous)).isEqualTo("INVALID_REQUEST");
        assertThat(descriptions(gina.caller().get("/api/v1/transactions?min_amount=1&currency=USD")))
                .containsExactly("Opening deposit");
    }

    static Stream<Arguments> badInput() {
        Function<User, String> cursorOfDave = u -> Caller.json(dave.caller().get("/api/v1/transactions?limit=1"))
                .get("next_cursor").getAsString();
        return Stream.of(
                bad("/api/v1/transactions?kind=nope", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?kind=p2p,", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?status=done", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?from=yesterday", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?from=2024-02-30", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?to=2024-01-01T00:00:00", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?from=2024-02-01&to=2024-01-01", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?from=", 400, "INVALID_REQUEST"),
                // an instant this far out overflows epoch milliseconds
                bad("/api/v1/transactions?from=%2B999999999-12-31T23:59:59Z", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?to=-999999999-01-01T00:00:00Z", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions/export.csv?to=%2B10000-01-02T00:00:00Z", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?from=%D9%A2%D9%A0%D9%A2%D9%A4-01-01", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?min_amount=%D9%A1%D9%A0", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?max_amount=1E%2B2147483647", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=%D9%A1%D9%A0", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=%EF%BC%91%EF%BC%90", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=%2B10", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?min_amount=abc", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?min_amount=1.001", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?min_amount=-1", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?max_amount=1e999999999", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?min_amount=10&max_amount=1", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=0", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=201", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=ten", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?limit=1&limit=2", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?min_amt=1", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?q=" + "x".repeat(101), 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?currency=ABC", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?currency=usd", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?wallet_id=wal_nope", 404, "WALLET_NOT_FOUND"),
                Arguments.of((Function<User, String>) u -> "/api/v1/transactions?wallet_id=" + dave.walletId(), 404, "WALLET_NOT_FOUND"),
                bad("/api/v1/transactions?cursor=garbage", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions?cursor=a.b.c", 400, "INVALID_REQUEST"),
                Arguments.of(cursorOfDave.andThen(c -> "/api/v1/transactions?cursor=" + enc(c)), 400, "INVALID_REQUEST"),
                Arguments.of((Function<User, String>) u -> "/api/v1/transactions?kind=p2p&cursor="
                        + enc(Caller.json(u.caller().get("/api/v1/transactions?limit=1")).get("next_cursor").getAsString()),
                        400, "INVALID_REQUEST"),
                bad("/api/v1/transactions/txn_nope", 404, "NOT_FOUND"),
                bad("/api/v1/transactions/export.csv?kind=bad", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions/export.csv?limit=5", 400, "INVALID_REQUEST"),
                bad("/api/v1/transactions/export.csv?cursor=x", 400, "INVALID_REQUEST"));
    }

    static Arguments bad(String path, int status, String code) {
        return Arguments.of((Function<User, String>) u -> path, status, code);
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("badInput")
    void badInputIsAClientErrorWithACodeNeverAServerError(Function<User, String> path, int status, String code) {
        HttpResponse<String> r = carol.caller().get(path.apply(carol));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(code(r)).isEqualTo(code);
    }

    @Test
    void everyRouteNeedsSigningIn() {
        for (String path : List.of("/api/v1/transactions", "/api/v1/transactions/export.csv", "/api/v1/transactions/txn_1")) {
            HttpResponse<String> r = coffer.server.testing.Http.get(server.url(path));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("UNAUTHORIZED");
        }
    }
}
