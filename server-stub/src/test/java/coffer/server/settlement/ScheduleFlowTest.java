package coffer.server.settlement;

import coffer.server.testing.Http;
import coffer.server.testing.MutableClock;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer;
import coffer.server.testing.TestServer.Caller;
import coffer.server.withdrawal.MoneyOutFlowTest;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static coffer.server.testing.TestServer.Caller.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settlement schedules through the real server and the simulator, with the schedules' clock moved by
 * the test: a due schedule settles the wallet, one below its minimum skips, a deactivated one never runs.
 */
class ScheduleFlowTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.ticking(Instant.now());
    private TestServer server;
    private Caller alice;
    private Caller bob;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, TestServer.settings().withSchedules(new ScheduleSettings(Duration.ofMillis(100), clock)));
        alice = server.login("alice@example.com");
        bob = server.login("bob@example.com");
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(server.verify().violations()).isEmpty();
        server.close();
    }

    static JsonObject schedule(Caller caller, String frequency, String minimum, String amount) {
        HttpResponse<String> r = caller.post("/api/v1/settlement-schedules", "{\"wallet_id\":\"" + caller.firstWalletId()
                + "\",\"bank_account_id\":\"" + MoneyOutFlowTest.addAccount(caller, MoneyOutFlowTest.SUCCEEDS)
                + "\",\"frequency\":\"" + frequency + "\",\"minimum_amount\":\"" + minimum + "\""
                + (amount == null ? "" : ",\"amount\":\"" + amount + "\"") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    static JsonObject current(Caller caller, String id) {
        for (var s : json(caller.get("/api/v1/settlement-schedules")).getAsJsonArray("schedules")) {
            if (s.getAsJsonObject().get("schedule_id").getAsString().equals(id)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no schedule " + id);
    }

    static String balance(Caller caller) {
        return json(caller.get("/api/v1/accounts/" + caller.firstWalletId())).getAsJsonObject("account").get("balance").getAsString();
    }

    @Test
    void aDueScheduleSettlesTheWalletAndOneBelowItsMinimumSkips() {
        JsonObject settles = schedule(alice, "daily", "500.00", null);
        JsonObject skips = schedule(bob, "daily", "5000.00", null);
        assertThat(settles.get("schedule_type").getAsString()).isEqualTo("daily");
        assertThat(settles.get("is_active").getAsBoolean()).isTrue();
        Instant next = Instant.parse(settles.get("next_settlement").getAsString());
        assertThat(next).isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofDays(1)));

        clock.advance(Duration.ofDays(1));
        String aliceId = settles.get("schedule_id").getAsString();
        String bobId = skips.get("schedule_id").getAsString();
        Poll.until(() -> current(alice, aliceId), s -> s.has("last_run_at"));
        JsonObject skipped = Poll.until(() -> current(bob, bobId), s -> s.has("last_run_at"));

        JsonObject settled = Poll.until(() -> json(alice.get("/api/v1/settlements")), l -> !l.getAsJsonArray("settlements").isEmpty())
                .getAsJsonArray("settlements").get(0).getAsJsonObject();
        assertThat(settled.get("amount").getAsString()).isEqualTo("1000.00");
        assertThat(settled.get("schedule_id").getAsString()).isEqualTo(aliceId);
        assertThat(settled.get("status").getAsString()).isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo("0.00");
        assertThat(Instant.parse(current(alice, aliceId).get("next_settlement").getAsString())).isAfter(next);

        assertThat(skipped.get("last_outcome").getAsString()).startsWith("skipped");
        assertThat(json(bob.get("/api/v1/settlements")).getAsJsonArray("settlements")).isEmpty();
        assertThat(balance(bob)).isEqualTo("1000.00");
    }

    @Test
    void aDeactivatedScheduleNeverRuns() {
        String off = schedule(alice, "daily", "0", "10.00").get("schedule_id").getAsString();
        String on = schedule(bob, "daily", "0", "10.00").get("schedule_id").getAsString();
        HttpResponse<String> deleted = Http.send(alice.request("/api/v1/settlement-schedules/" + off).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("is_active").getAsBoolean()).isFalse();
        assertThat(json(deleted).has("next_settlement")).isFalse();

        clock.advance(Duration.ofDays(1));
        Poll.until(() -> current(bob, on), s -> s.has("last_run_at"));

        assertThat(balance(bob)).isEqualTo("990.00");
        assertThat(current(alice, off).has("last_run_at")).isFalse();
        assertThat(balance(alice)).isEqualTo("1000.00");
    }
}
