package coffer.server.sync;

import coffer.server.ledger.NewWallet;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.MoveCommand;
import coffer.core.money.Money;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.Http;
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
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyncRoutesTest {
    @TempDir
    static Path data;
    static TestServer server;
    static LedgerService ledger;
    static User dave;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        ledger = server.server().ledger();
        dave = TestUsers.funded(server, "dave", "100.00");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String code(HttpResponse<String> r) {
        return Caller.json(r).getAsJsonObject("error").get("code").getAsString();
    }

    /** What the desktop app keeps: the latest of each movement and wallet, checked against every page. */
    static final class Replica {
        final Caller caller;
        final Map<String, JsonObject> transactions = new LinkedHashMap<>();
        final Map<String, JsonObject> accounts = new HashMap<>();
        String cursor;
        int pages;

        Replica(Caller caller) {
            this.caller = caller;
        }

        /** Syncs until the server has nothing more; answers the last page. */
        JsonObject syncAll(int limit) {
            JsonObject page;
            do {
                page = next(limit);
            } while (page.get("has_more").getAsBoolean());
            return page;
        }

        JsonObject next(int limit) {
            HttpResponse<String> r = caller.get("/api/v1/sync?limit=" + limit + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonObject page = Caller.json(r);
            pages++;
            for (JsonElement e : page.getAsJsonArray("changes")) {
                JsonObject change = e.getAsJsonObject();
                assertThat(change.get("seq").getAsLong()).isLessThanOrEqualTo(page.get("seq").getAsLong());
                if (change.get("type").getAsString().equals("transaction")) {
                    JsonObject t = change.getAsJsonObject("transaction");
                    transactions.put(t.get("id").getAsString(), t);
                } else {
                    JsonObject a = change.getAsJsonObject("account");
                    accounts.put(a.get("id").getAsString(), a);
                }
            }
            cursor = page.get("next_cursor").getAsString();
            for (JsonElement e : page.getAsJsonArray("accounts")) {
                JsonObject a = e.getAsJsonObject();
                String id = a.get("id").getAsString();
                assertThat(balanceFromTransactions(id)).as("balance of %s after page %d", id, pages)
                        .isEqualByComparingTo(a.get("balance").getAsString());
                assertThat(accounts.get(id)).as("account %s as its own changes left it", id).isEqualTo(a);
            }
            return page;
        }

        /** The posted balance a client computes from the movements it holds. */
        BigDecimal balanceFromTransactions(String wallet) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonObject t : transactions.values()) {
                String status = t.get("status").getAsString();
                if (!status.equals("completed") && !status.equals("reversed")) {
                    continue;
                }
                BigDecimal amount = new BigDecimal(t.get("amount").getAsString());
                boolean out = t.get("direction").getAsString().equals("out");
                if (t.get("wallet_id").getAsString().equals(wallet)) {
                    sum = out ? sum.subtract(amount) : sum.add(amount);
                } else if (out && t.has("counterparty_wallet_id") && t.get("counterparty_wallet_id").getAsString().equals(wallet)) {
                    sum = sum.add(amount);
                }
            }
            return sum;
        }
    }

    @Test
    void aSyncFromNothingInSmallPagesEndsWithTheServersBalances() {
        User erin = TestUsers.funded(server, "erin", "100.00");
        String savings = ledger.openWallet(NewWallet.additional(new EnvId(DemoData.ENV_ID), new UserId(erin.id()),
                java.util.Currency.getInstance("USD"))).orThrow().id();
        for (int i = 1; i <= 5; i++) {
            TestUsers.p2p(server, erin, dave, "1.0" + i, "tip " + i);
        }
        TestUsers.p2p(server, dave, erin, "3.00", "thanks");
        ledger.transfer(new MoveCommand(new EnvId(DemoData.ENV_ID), UserId.ofNullable(erin.id()),
                new WalletId(erin.walletId()), new WalletId(savings), Money.parse("20.00", "USD"),
                Memo.description("save")), null)
                .orThrow();

        Replica replica = new Replica(erin.caller());
        JsonObject last = replica.syncAll(2);

        // eight movements (the transfer between erin's own wallets is one), two to a page
        assertThat(replica.pages).isEqualTo(4);
        assertThat(last.get("has_more").getAsBoolean()).isFalse();
        assertThat(replica.transactions).hasSize(8);
        for (String wallet : new String[] {erin.walletId(), savings}) {
            JsonObject served = Caller.json(erin.caller().get("/api/v1/accounts/" + wallet)).getAsJsonObject("account");
            assertThat(replica.accounts.get(wallet)).isEqualTo(served);
        }
        assertThat(replica.accounts.get(erin.walletId()).get("balance").getAsString()).isEqualTo("77.85");
        assertThat(replica.accounts.get(savings).get("balance").getAsString()).isEqualTo("20.00");
        int listed = Caller.json(erin.caller().get("/api/v1/transactions?limit=200")).getAsJsonArray("transactions").size();
        assertThat(replica.transactions).hasSize(listed);
    }

    @Test
    void anIncrementalSyncBringsOnlyWhatChangedSince() {
        User frank = TestUsers.funded(server, "frank", "10.00");
        Replica replica = new Replica(frank.caller());
        replica.syncAll(500);

        TestUsers.p2p(server, dave, frank, "2.50", "for the bus");
        JsonObject page = replica.next(500);
        assertThat(page.getAsJsonArray("changes")).hasSize(2);
        JsonObject change = page.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertThat(change.get("type").getAsString()).isEqualTo("transaction");
        assertThat(change.getAsJsonObject("transaction").get("description").getAsString()).isEqualTo("for the bus");
        assertThat(change.getAsJsonObject("transaction").get("counterparty").getAsString()).isEqualTo(dave.email());
        assertThat(replica.accounts.get(frank.walletId()).get("balance").getAsString()).isEqualTo("12.50");

        JsonObject nothing = replica.next(500);
        assertThat(nothing.getAsJsonArray("changes")).isEmpty();
        assertThat(nothing.get("has_more").getAsBoolean()).isFalse();
        assertThat(nothing.getAsJsonArray("accounts")).hasSize(1);
    }

    @Test
    void aPageHoldsAsManyMovementsAsTheServersLargestLimitAndAsksNoMoreOfTheClient() throws Exception {
        User ida = TestUsers.funded(server, "ida", "100.00");
        String pot = ledger.openWallet(NewWallet.additional(new EnvId(DemoData.ENV_ID), new UserId(ida.id()),
                java.util.Currency.getInstance("USD"))).orThrow().id();
        // more movements than the 1000 a page could hold before
        int transfers = 1_200;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < transfers; i++) {
                done.add(pool.submit(() -> ledger.transfer(new MoveCommand(new EnvId(DemoData.ENV_ID),
                        UserId.ofNullable(ida.id()), new WalletId(ida.walletId()), new WalletId(pot), Money.parse("0.01", "USD"),
                        Memo.NONE), null).orThrow()));
            }
            for (java.util.concurrent.Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }

        HttpResponse<String> r = ida.caller().get("/api/v1/sync?limit=" + LedgerService.FEED_MAX_LIMIT);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonObject page = Caller.json(r);
        assertThat(page.get("has_more").getAsBoolean()).isFalse();
        assertThat(page.getAsJsonArray("changes").asList()).filteredOn(c -> c.getAsJsonObject().has("transaction"))
                .hasSize(transfers + 1);
        JsonObject smaller = Caller.json(ida.caller().get("/api/v1/sync?limit=1000"));
        assertThat(smaller.get("has_more").getAsBoolean()).isTrue();
        assertThat(smaller.getAsJsonArray("changes").asList()).filteredOn(c -> c.getAsJsonObject().has("transaction"))
                .hasSizeLessThanOrEqualTo(1000);

        // a client that accepts gzip (the app's does) gets the same page compressed
        HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(ida.caller()
                .request("/api/v1/sync?limit=" + LedgerService.FEED_MAX_LIMIT).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.body().length).isLessThan(r.body().length() / 4);
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            JsonObject unzipped = coffer.server.json.Json.gson().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    JsonObject.class);
            assertThat(unzipped.getAsJsonArray("changes")).isEqualTo(page.getAsJsonArray("changes"));
        }
    }

    @Test
    void anEmptyCursorStartsFromTheBeginning() {
        User gina = TestUsers.funded(server, "gina", "1.00");
        JsonObject none = Caller.json(gina.caller().get("/api/v1/sync"));
        JsonObject empty = Caller.json(gina.caller().get("/api/v1/sync?cursor="));
        assertThat(empty.get("changes")).isEqualTo(none.get("changes"));
        // the opening deposit and the wallet once, as the deposit left it (its opening version is not repeated)
        assertThat(none.getAsJsonArray("changes")).hasSize(2);
    }

    @Test
    void anotherUsersCursorOrAHistoryCursorIsRefusedNeverData() {
        User hal = TestUsers.funded(server, "hal", "1.00");
        String davesCursor = Caller.json(dave.caller().get("/api/v1/sync")).get("next_cursor").getAsString();
        HttpResponse<String> foreign = hal.caller().get("/api/v1/sync?cursor=" + enc(davesCursor));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(code(foreign)).isEqualTo("INVALID_REQUEST");
        assertThat(foreign.body()).doesNotContain(dave.walletId());

        TestUsers.p2p(server, dave, hal, "1.00", "second movement");
        String historyCursor = Caller.json(hal.caller().get("/api/v1/transactions?limit=1")).get("next_cursor").getAsString();
        HttpResponse<String> wrongKind = hal.caller().get("/api/v1/sync?cursor=" + enc(historyCursor));
        assertThat(wrongKind.statusCode()).isEqualTo(400);
        assertThat(code(wrongKind)).isEqualTo("INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cursor=garbage", "cursor=1", "cursor=1.AAAA", "limit=0", "limit=" + (LedgerService.FEED_MAX_LIMIT + 1), "limit=many",
            "limit=1&limit=2", "cursor=a&cursor=b", "since=1"})
    void badInputIsInvalidRequestNeverAServerError(String query) {
        HttpResponse<String> r = dave.caller().get("/api/v1/sync?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void syncAndEventsNeedSigningInAndEventsNeedAnEventStreamRequest() {
        for (String path : new String[] {"/api/v1/sync", "/api/v1/events"}) {
            HttpResponse<String> r = Http.get(server.url(path));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("UNAUTHORIZED");
        }
        HttpResponse<String> notAStream = dave.caller().get("/api/v1/events");
        assertThat(notAStream.statusCode()).isEqualTo(400);
        assertThat(code(notAStream)).isEqualTo("INVALID_REQUEST");
    }
}
