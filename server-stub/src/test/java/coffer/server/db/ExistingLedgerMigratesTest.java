package coffer.server.db;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.server.CofferServer;
import coffer.server.tenant.DemoData;
import coffer.server.testing.Http;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger written by an earlier version keeps working: {@code fixtures/ledger-2026-12-02.db} was written
 * by the server as of 2026-12-02 (the demo data, then payments, a transfer, a paid top-up with a saved card,
 * withdrawals one of them still pending, a settlement and a schedule, a refund, an order, a locked wallet, a
 * KYC submission). Opening it migrates it to this version; its invariants hold and its users see their money.
 */
class ExistingLedgerMigratesTest {
    @TempDir
    Path data;
    @TempDir
    Path fresh;

    @Test
    void aLedgerWrittenByAnEarlierVersionOpensMigratesAndVerifies() throws Exception {
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/ledger-2026-12-02.db")) {
            Files.copy(fixture, data.resolve("coffer.db"));
        }
        try (CofferServer server = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(data), false))) {
            assertThat(server.ledger().verifyInvariants().ok()).isTrue();

            String token = json(Http.post(server.baseUrl() + "/api/v1/auth/login",
                    "{\"email\":\"alice@example.com\",\"password\":\"" + DemoData.PASSWORD + "\"}")).get("access_token").getAsString();
            List<JsonObject> accounts = json(Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/accounts"))
                    .header("Authorization", "Bearer " + token).GET())).getAsJsonArray("accounts").asList().stream()
                    .map(e -> e.getAsJsonObject()).toList();
            assertThat(accounts).extracting(a -> a.get("currency").getAsString() + " " + a.get("balance").getAsString() + " "
                    + a.get("available_balance").getAsString()).containsExactly("USD 954.00 950.00", "EUR 0.00 0.00", "USD 5.00 5.00");
            String bob = new Tenants(server.ledger()).userByEmail(new EnvId(DemoData.ENV_ID), "bob@example.com").orElseThrow().id();
            assertThat(server.ledger().wallets(DemoData.ENV_ID, bob)).extracting(w -> w.status().wireName()).containsExactly("locked");
        }
        // the upgraded file writes as cheaply as a new one: the same tables and indexes, no index left behind
        assertThat(schema(DatabaseConfig.sqlite(data))).isEqualTo(schema(DatabaseConfig.sqlite(fresh)));
    }

    /**
     * {@code fixtures/ledger-v17.db} was written by the version before one index per wallet (V18): the file
     * above, opened and used by that version (three payments to bob, a transfer between alice's wallets, a
     * wallet locked). Next to it, what that version answered alice and bob for their whole sync and their
     * history. After the upgrade, which moves both onto each wallet's changes, they get the same answers.
     */
    @Test
    void theLedgerOfTheVersionBeforeOneIndexPerWalletSyncsAndListsAsBefore() throws Exception {
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/ledger-v17.db")) {
            Files.copy(fixture, data.resolve("coffer.db"));
        }
        try (CofferServer server = CofferServer.start(new CofferServer.Options(0, DatabaseConfig.sqlite(data), false))) {
            assertThat(server.ledger().verifyInvariants().describe()).contains("OK: every invariant holds");
            String bobsCursor = null;
            for (String user : List.of("alice", "bob")) {
                String token = login(server, user);
                for (String[] read : List.of(new String[]{"sync", "/api/v1/sync?limit=5000"},
                        new String[]{"history", "/api/v1/transactions?limit=100"})) {
                    JsonElement answered = JsonParser.parseString(Http.send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + read[1])).header("Authorization", "Bearer " + token).GET()).body());
                    String before;
                    try (InputStream expected = getClass().getResourceAsStream("/fixtures/ledger-v17-" + user + "-" + read[0] + ".json")) {
                        before = new String(expected.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    assertThat(withoutHead(answered)).as(user + "'s " + read[0]).isEqualTo(withoutHead(JsonParser.parseString(before)));
                    if (user.equals("bob") && read[0].equals("sync")) {
                        bobsCursor = answered.getAsJsonObject().get("next_cursor").getAsString();
                    }
                }
            }
            // and the ledger goes on from there: a new payment is in bob's next sync page and first in his history
            String alice = login(server, "alice");
            String bob = login(server, "bob");
            JsonObject paid = json(Http.postJson(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/payments"))
                    .header("Authorization", "Bearer " + alice).header("Idempotency-Key", "after-upgrade"),
                    "{\"amount\":\"1.00\",\"currency\":\"USD\",\"source_wallet_id\":\"wal_01M8T72K81WMQACH1H511WRPB1\","
                            + "\"destination\":\"bob@example.com\"}"));
            String movement = paid.get("transaction_id").getAsString();
            JsonObject next = json(Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/sync?cursor=" + bobsCursor))
                    .header("Authorization", "Bearer " + bob).GET()));
            assertThat(next.getAsJsonArray("changes").asList()).map(c -> c.getAsJsonObject())
                    .filteredOn(c -> c.has("transaction")).extracting(c -> c.getAsJsonObject("transaction").get("id").getAsString())
                    .contains(movement);
            JsonObject history = json(Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/transactions?limit=1"))
                    .header("Authorization", "Bearer " + bob).GET()));
            assertThat(history.getAsJsonArray("transactions").get(0).getAsJsonObject().get("id").getAsString()).isEqualTo(movement);
            assertThat(server.ledger().verifyInvariants().ok()).isTrue();
        }
        assertThat(schema(DatabaseConfig.sqlite(data))).isEqualTo(schema(DatabaseConfig.sqlite(fresh)));
    }

    /**
     * An answer without the ledger's head commit and the cursor naming it: they move with whatever else a
     * server commits (the run that answered had committed two more changes none of these users sees).
     */
    private static JsonElement withoutHead(JsonElement answer) {
        JsonObject copy = answer.getAsJsonObject().deepCopy();
        copy.remove("seq");
        copy.remove("next_cursor");
        return copy;
    }

    private static String login(CofferServer server, String user) {
        return json(Http.post(server.baseUrl() + "/api/v1/auth/login", "{\"email\":\"" + user + "@example.com\",\"password\":\""
                + DemoData.PASSWORD + "\"}")).get("access_token").getAsString();
    }

    /** Every table and index of a database with its definition, by name. */
    private static Map<String, String> schema(DatabaseConfig config) throws Exception {
        Map<String, String> schema = new TreeMap<>();
        try (Database db = Database.open(config); Connection c = db.readers().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                schema.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
            }
        }
        return schema;
    }
}
