package coffer.server.topup;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.tenant.Tenants;
import coffer.core.money.Money;
import coffer.server.db.DatabaseConfig;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Poll;
import coffer.server.testing.ProviderEvents;
import coffer.server.testing.TestServer.Caller;
import coffer.server.testing.TestUsers;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static coffer.server.topup.Topups.card;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top-ups against the KYC maximum balance of the holder, over all of its wallets: refused before any
 * page opens, open checkouts counted, and a paid checkout the ledger still refuses sent back to the
 * card exactly once and never credited.
 */
class TopupHolderLimitTest extends DemoServerTest {
    private static final AtomicInteger USERS = new AtomicInteger();

    /** An unverified (tier 0: 500.00 held at most) user's first and second USD wallet. */
    private static List<TestUsers.User> unverifiedWithTwoWallets() {
        String email = "holder-" + USERS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
        Caller caller = server.register(email);
        String id = new Tenants(server.server().ledger()).userByEmail(new EnvId(DemoData.ENV_ID), email).orElseThrow().id();
        String first = Caller.json(caller.post("/api/v1/accounts", "{\"currency\":\"USD\"}")).getAsJsonObject("account")
                .get("id").getAsString();
        String second = Caller.json(caller.post("/api/v1/accounts", "{\"currency\":\"USD\",\"additional\":true}"))
                .getAsJsonObject("account").get("id").getAsString();
        return List.of(new TestUsers.User(caller, id, email, first), new TestUsers.User(caller, id, email, second));
    }

    private static void deposit(TestUsers.User wallet, String amount) {
        ledger().deposit(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallet.walletId()),
                Money.parse(amount, "USD"), Memo.description("payment received")), null).orThrow();
    }

    private static LedgerService ledger() {
        return server.server().ledger();
    }

    private static HttpResponse<String> openTopup(TestUsers.User wallet, String amount) {
        return wallet.caller().post("/api/v1/topups", "{\"wallet_id\":\"" + wallet.walletId() + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"USD\"}");
    }

    @Test
    void aTopupIsRefusedBeforeAnyPageOpensWhenTheHoldersWalletsTogetherAreFull() {
        List<TestUsers.User> wallets = unverifiedWithTwoWallets();
        deposit(wallets.get(0), "300.00");
        deposit(wallets.get(1), "150.00");
        // the second wallet holds 150.00, but its holder 450.00 of 500.00
        HttpResponse<String> refused = openTopup(wallets.get(1), "50.01");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Caller.errorCode(refused)).isEqualTo("KYC_REQUIRED");
        assertThat(Caller.json(wallets.get(0).caller().get("/api/v1/topups")).getAsJsonArray("topups")).isEmpty();
        assertThat(openTopup(wallets.get(1), "50.00").statusCode()).isEqualTo(201);
    }

    @Test
    void openTopupsCountUntilTheyArePaidOrClosed() {
        List<TestUsers.User> wallets = unverifiedWithTwoWallets();
        JsonObject first = Topups.open(wallets.get(0), "300.00", "");
        HttpResponse<String> second = openTopup(wallets.get(1), "250.00");
        assertThat(Caller.errorCode(second)).isEqualTo("KYC_REQUIRED");
        assertThat(Caller.json(second).getAsJsonObject("error").get("message").getAsString()).contains("still open");
        assertThat(openTopup(wallets.get(1), "200.00").statusCode()).isEqualTo(201);

        Topups.submit(first, "action=cancel");
        assertThat(Topups.settled(wallets.get(0), first).get("status").getAsString()).isEqualTo("failed");
        assertThat(openTopup(wallets.get(1), "50.00").statusCode()).as("the canceled checkout's room is free again")
                .isEqualTo(201);
    }

    @Test
    void aPaidTopupTheLedgerRefusesGoesBackToTheCardOnceAndIsNeverCredited() throws Exception {
        List<TestUsers.User> wallets = unverifiedWithTwoWallets();
        TestUsers.User topped = wallets.get(0);
        JsonObject topup = Topups.open(topped, "300.00", "");
        String id = topup.get("topup_id").getAsString();
        // while the checkout is open, 300.00 reaches the holder's other wallet: the top-up no longer fits
        deposit(wallets.get(1), "300.00");
        assertThat(Topups.submit(topup, card(Topups.GOOD_CARD)).statusCode()).isEqualTo(303);

        JsonObject failed = Poll.until(() -> Topups.get(topped, topup), t -> !t.get("refunded").getAsString().equals("0.00"));
        assertThat(failed.get("status").getAsString()).isEqualTo("failed");
        assertThat(failed.get("failure_reason").getAsString()).isEqualTo("KYC_REQUIRED");
        assertThat(failed.get("refunded").getAsString()).isEqualTo("300.00");
        assertThat(Topups.balance(topped)).isEqualTo("0.00");
        assertThat(cardRefunds(id)).as("refunds to the card").containsExactly(30_000L);

        // the holder makes room, then the provider's news arrives again under a new event id: still nothing moves
        ledger().collectFee(SystemMoveCommand.of(new EnvId(DemoData.ENV_ID), new WalletId(wallets.get(1).walletId()),
                Money.parse("300.00", "USD"), Memo.description("fee")), null).orThrow();
        JsonObject data = new JsonObject();
        data.addProperty("reference", id);
        data.addProperty("session_id", Topups.sessionId(topup));
        data.addProperty("charge_id", "ch_repeated_" + id);
        for (int i = 0; i < 2; i++) {
            String again = ProviderEvents.event("evt_again_" + i + "_" + System.nanoTime(), "checkout.paid", data);
            assertThat(ProviderEvents.send(server, again, server.providerWebhookSecret(), Instant.now()).statusCode()).isEqualTo(200);
        }
        JsonObject after = Topups.get(topped, topup);
        assertThat(after.get("status").getAsString()).isEqualTo("failed");
        assertThat(after.has("transaction_id")).isFalse();
        assertThat(Topups.balance(topped)).isEqualTo("0.00");
        assertThat(cardRefunds(id)).as("refunds to the card").containsExactly(30_000L);
    }

    /** The provider's refunds made for a refused top-up (reference {@code return:<id>}), in minor units. */
    private static List<Long> cardRefunds(String topupId) throws SQLException {
        try (Connection c = DriverManager.getConnection(DatabaseConfig.sqlite(data).jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT amount FROM provider_refunds WHERE reference = ?")) {
            ps.setString(1, "return:" + topupId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> amounts = new java.util.ArrayList<>();
                while (rs.next()) {
                    amounts.add(rs.getLong(1));
                }
                return amounts;
            }
        }
    }
}
