package coffer.server.http;

import coffer.server.ledger.NewWallet;
import coffer.server.tenant.NewUser;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.core.signature.PartnerRequestSigner;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.PartnerSigning;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import coffer.server.testing.TestUsers.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cursor-paged list of the API, through the one cursor codec: its pages hold every row exactly once,
 * and a cursor is refused with 400 INVALID_REQUEST, showing nothing, when another user (or partner
 * environment) sends it, when it is sent to another list, or when it was altered.
 */
class PagedListsTest extends DemoServerTest {
    private static final String OTHER_ENV = "paged-lists-other";
    private static final String OTHER_SECRET = "secret_PagedListsTestOtherEnvironment00";
    private static final int ROWS = 3;

    /** A user list: its path, the array its page holds, and the field that names a row. */
    private record UserList(String path, String array, String id) {
        /** The path of the page after {@code cursor}: a history cursor carries its page size, the others take it again. */
        String after(String cursor) {
            String c = URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            return path.equals("/api/v1/transactions") ? path + "?cursor=" + c : path + "?limit=1&cursor=" + c;
        }
    }

    private static final List<UserList> LISTS = List.of(
            new UserList("/api/v1/transactions", "transactions", "id"),
            new UserList("/api/v1/payments", "payments", "payment_id"),
            new UserList("/api/v1/topups", "topups", "topup_id"),
            new UserList("/api/v1/withdrawals", "withdrawals", "withdrawal_id"),
            new UserList("/api/v1/settlements", "settlements", "settlement_id"),
            new UserList("/api/v1/orders", "orders", "order_id"));

    private static User owner;
    private static User stranger;

    @BeforeAll
    static void twoUsersWithRowsInEveryList() {
        owner = withRows("owner");
        stranger = withRows("stranger");
        LedgerService ledger = server.server().ledger();
        new Tenants(ledger).ensureEnvironment(new EnvId(OTHER_ENV), "Other partner", OTHER_SECRET, null, KycLimitTable.defaults());
    }

    /** A funded user with {@link #ROWS} rows in each list (and more movements than that). */
    private static User withRows(String name) {
        User u = TestUsers.funded(server, name, "500.00");
        Caller c = u.caller();
        String account = created(c.post("/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"0123456789\"}"))
                .get("bank_account_id").getAsString();
        for (int i = 1; i <= ROWS; i++) {
            created(c.post("/api/v1/payments", "{\"amount\":1,\"currency\":\"USD\",\"source_wallet_id\":\"" + u.walletId()
                    + "\",\"destination\":\"bob@example.com\"}"));
            created(c.post("/api/v1/topups", "{\"wallet_id\":\"" + u.walletId() + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}"));
            created(c.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + u.walletId() + "\",\"amount\":\"1.00\",\"currency\":\"USD\","
                    + "\"bank_account_id\":\"" + account + "\"}"));
            created(c.post("/api/v1/settlements", "{\"wallet_id\":\"" + u.walletId() + "\",\"amount\":\"1.00\",\"currency\":\"USD\","
                    + "\"bank_account_id\":\"" + account + "\"}"));
            created(c.post("/api/v1/orders", "{\"wallet_id\":\"" + u.walletId() + "\",\"product_id\":\"premium-month\"}"));
        }
        return u;
    }

    private static JsonObject created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Caller.json(r);
    }

    @Test
    void everyListsPagesHoldEveryRowExactlyOnce() {
        for (UserList list : LISTS) {
            List<String> all = ids(list, Caller.json(ok(owner, list.path() + "?limit=100")));
            assertThat(all).as(list.path()).hasSizeGreaterThanOrEqualTo(ROWS).doesNotHaveDuplicates();
            List<String> walked = new ArrayList<>();
            JsonObject page = Caller.json(ok(owner, list.path() + "?limit=1"));
            int pages = 1;
            while (true) {
                assertThat(page.getAsJsonArray(list.array())).as(list.path()).hasSize(1);
                walked.addAll(ids(list, page));
                if (!page.has("next_cursor") || page.get("next_cursor").isJsonNull()) {
                    break;
                }
                page = Caller.json(ok(owner, list.after(page.get("next_cursor").getAsString())));
                pages++;
            }
            assertThat(walked).as(list.path()).containsExactlyElementsOf(all);
            assertThat(pages).as(list.path()).isEqualTo(all.size());
        }
    }

    @Test
    void anotherUsersCursorIsRefusedAndShowsNothing() {
        for (UserList list : LISTS) {
            String cursor = firstCursor(owner, list);
            HttpResponse<String> r = stranger.caller().get(list.after(cursor));
            assertRefused(r, list.path());
            for (String id : ids(list, Caller.json(ok(owner, list.path() + "?limit=100")))) {
                assertThat(r.body()).as(list.path()).doesNotContain(id);
            }
        }
        String sync = Caller.json(ok(owner, "/api/v1/sync?limit=1")).get("next_cursor").getAsString();
        assertRefused(stranger.caller().get("/api/v1/sync?cursor=" + URLEncoder.encode(sync, StandardCharsets.UTF_8)), "sync");
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        for (int i = 0; i < LISTS.size(); i++) {
            UserList from = LISTS.get(i);
            String cursor = firstCursor(owner, from);
            for (UserList to : LISTS) {
                if (to != from) {
                    assertRefused(owner.caller().get(to.after(cursor)), from.path() + " cursor on " + to.path());
                }
            }
            assertRefused(owner.caller().get("/api/v1/sync?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    from.path() + " cursor on sync");
        }
    }

    @Test
    void anAlteredCursorIsRefused() {
        for (UserList list : LISTS) {
            for (String bent : altered(firstCursor(owner, list))) {
                assertRefused(owner.caller().get(list.after(bent)), list.path() + " " + bent);
            }
        }
        for (String bent : altered(Caller.json(ok(owner, "/api/v1/sync?limit=1")).get("next_cursor").getAsString())) {
            assertRefused(owner.caller().get("/api/v1/sync?cursor=" + URLEncoder.encode(bent, StandardCharsets.UTF_8)), "sync " + bent);
        }
    }

    @Test
    void thePartnersOrdersPageThroughEveryOrderOnceAndTheirCursorIsTheirEnvironmentsOnly() {
        LedgerService ledger = server.server().ledger();
        String user = "paged-partner-user";
        String id = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(DemoData.ENV_ID), user,
                "Buyer").kyc(KycStatus.VERIFIED, KycTier.TIER_1)).orThrow().id();
        String wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(DemoData.ENV_ID), new UserId(id), Currency.getInstance("USD"))).orThrow().id();
        ledger.deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet), Money.parse("500.00",
                "USD"),
                Memo.description("Funds")), null).orThrow();
        int orders = 105;
        for (int i = 0; i < orders; i++) {
            ledger.pay(new SystemMoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(id), new WalletId(wallet),
                    Money.parse("1.00", "USD"), Memo.reference("product-" + i).withDescription("Order " + i)),
                    null).orThrow();
        }
        String path = "/wallet/" + DemoData.ENV_ID + "/orders/" + user;
        JsonObject first = Caller.json(partnerOk(DemoData.ENV_SECRET, path));
        String cursor = first.get("next_cursor").getAsString();
        JsonObject second = Caller.json(partnerOk(DemoData.ENV_SECRET, path + "?cursor=" + cursor));
        assertThat(second.has("next_cursor")).isFalse();
        Set<String> seen = new LinkedHashSet<>();
        List<String> listed = new ArrayList<>();
        for (JsonObject page : List.of(first, second)) {
            page.getAsJsonArray("orders").forEach(o -> listed.add(o.getAsJsonObject().get("order_id").getAsString()));
        }
        seen.addAll(listed);
        assertThat(listed).hasSize(orders);
        assertThat(seen).hasSize(orders);

        // another environment's partner, signing for its own environment
        String otherUser = "paged-other-user";
        String otherId = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(OTHER_ENV), otherUser,
                "Other").kyc(KycStatus.VERIFIED, KycTier.TIER_1))
                .orThrow().id();
        ledger.openWallet(NewWallet.inCurrency(new EnvId(OTHER_ENV), new UserId(otherId), Currency.getInstance("USD"))).orThrow();
        assertRefused(partner(OTHER_SECRET, "/wallet/" + OTHER_ENV + "/orders/" + otherUser + "?cursor=" + cursor),
                "another environment");
        // the same partner, another of its users
        assertRefused(partner(DemoData.ENV_SECRET, "/wallet/" + DemoData.ENV_ID + "/orders/" + DemoData.PARTNER_USER_ID
                + "?cursor=" + cursor), "another user of the environment");
        for (String bent : altered(cursor)) {
            assertRefused(partner(DemoData.ENV_SECRET, path + "?cursor=" + bent), "altered " + bent);
        }
        // nor can a partner write its own cursor to widen the list past orders (the deposit is no order)
        String forged = "{\"query\":{\"wallet_ids\":[\"" + wallet + "\"],\"kinds\":[],\"statuses\":[],\"limit\":500},"
                + "\"created_at\":" + (System.currentTimeMillis() + 86_400_000L) + ",\"id\":\"txn_zzzz\"}";
        assertRefused(partner(DemoData.ENV_SECRET, path + "?cursor=" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))), "a cursor the partner wrote");
        // nor is a partner's cursor a user's
        assertRefused(owner.caller().get("/api/v1/orders?cursor=" + cursor), "a partner's cursor on the user API");
    }

    private static List<String> ids(UserList list, JsonObject page) {
        List<String> ids = new ArrayList<>();
        JsonArray rows = page.getAsJsonArray(list.array());
        rows.forEach(r -> ids.add(r.getAsJsonObject().get(list.id()).getAsString()));
        return ids;
    }

    private static String firstCursor(User user, UserList list) {
        JsonObject page = Caller.json(ok(user, list.path() + "?limit=1"));
        assertThat(page.has("next_cursor")).as(list.path() + " has more than one row").isTrue();
        return page.get("next_cursor").getAsString();
    }

    /** The cursor with one character of its position changed, and (for a sealed one) its seal cut off or swapped. */
    private static List<String> altered(String cursor) {
        int dot = cursor.lastIndexOf('.');
        int at = (dot < 0 ? cursor.length() : dot) / 2;
        String bent = cursor.substring(0, at) + (cursor.charAt(at) == 'A' ? 'B' : 'A') + cursor.substring(at + 1);
        return dot < 0 ? List.of(bent)
                : List.of(bent, cursor.substring(0, dot), cursor.substring(0, dot + 1) + "AAAAAAAAAAAAAAAAAAAAAA");
    }

    private static HttpResponse<String> ok(User user, String path) {
        HttpResponse<String> r = user.caller().get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private static void assertRefused(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(Caller.errorCode(r)).as(what).isEqualTo("INVALID_REQUEST");
    }

    private static HttpResponse<String> partnerOk(String secret, String path) {
        HttpResponse<String> r = partner(secret, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private static HttpResponse<String> partner(String secret, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header(PartnerRequestSigner.HEADER, PartnerSigning.fresh(secret, "GET", path, new byte[0])).GET());
    }
}
