package coffer.server.organization;

import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.CofferServer;
import coffer.server.ServerSettings;
import coffer.server.db.DatabaseConfig;
import coffer.server.json.Json;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.tenant.DemoData;
import coffer.server.tenant.Tenants;
import coffer.server.testing.Http;
import coffer.server.testing.MutableClock;
import coffer.server.testing.Poll;
import coffer.server.testing.TestServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization wallets over HTTP (SPEC.md "Organization wallets"), on each database: the role matrix
 * (every organization route and the spend routes, by an owner, an admin, a member, a viewer and a
 * non-member, from one table), seed 002's flow, approvals of payments and withdrawals above the threshold and
 * the list of what awaits them, the last owner, the organization's daily limit and an idempotent creation.
 * After every test the ledger's invariants hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganizationContract {
    private static final EnvId ENV = new EnvId(DemoData.ENV_ID);
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** The registered users' password. */
    private static final String PASSWORD = "password-1234";

    /** Who calls, by their role in the organization under test. */
    enum Who { OWNER, ADMIN, MEMBER, VIEWER, OUTSIDER }

    CofferServer server;
    /** The server's clock, moved by {@link #advance} to make a pending approval expire. */
    final MutableClock clock = MutableClock.ticking(Instant.now());
    /** The owner (alice, verified, tier 1) and four registered users. */
    User alice;
    User admin;
    User member;
    User viewer;
    User outsider;
    User target;
    User newcomer;

    abstract DatabaseConfig database();

    @BeforeAll
    void start() {
        server = CofferServer.start(new CofferServer.Options(0, database(), true)
                .withSettings(TestServer.settings().withClock(clock)));
        alice = login("alice@example.com");
        admin = register("admin");
        member = register("member");
        viewer = register("viewer");
        outsider = register("outsider");
        target = register("target");
        newcomer = register("newcomer");
    }

    /** Moves the server's clock on by {@code d}, then signs everyone in again (access tokens last 15 minutes). */
    private void advance(Duration d) {
        clock.advance(d);
        alice = login(alice.email);
        admin = login(admin.email, PASSWORD);
        member = login(member.email, PASSWORD);
        viewer = login(viewer.email, PASSWORD);
        outsider = login(outsider.email, PASSWORD);
        target = login(target.email, PASSWORD);
        newcomer = login(newcomer.email, PASSWORD);
    }

    @AfterAll
    void stop() {
        server.close();
        Http.forgetConnections();
    }

    @AfterEach
    void ledgerStaysConsistent() throws Exception {
        assertThat(server.ledger().verifyInvariants().violations()).isEmpty();
    }

    // ---- the role matrix ---------------------------------------------------------------------------

    /** One route called by each role: what each is answered. */
    private record Row(String route, BiFunction<User, Org, HttpResponse<String>> call, Map<Who, Integer> expected) {
    }

    private static Map<Who, Integer> answers(int owner, int admin, int member, int viewer, int outsider) {
        Map<Who, Integer> m = new EnumMap<>(Who.class);
        m.put(Who.OWNER, owner);
        m.put(Who.ADMIN, admin);
        m.put(Who.MEMBER, member);
        m.put(Who.VIEWER, viewer);
        m.put(Who.OUTSIDER, outsider);
        return m;
    }

    private List<Row> matrix() {
        return List.of(
                new Row("GET organization", (u, o) -> u.get("/api/v1/organizations/" + o.id), answers(200, 200, 200, 200, 404)),
                new Row("PATCH organization", (u, o) -> u.patch("/api/v1/organizations/" + o.id, "{\"name\":\"Renamed\"}"),
                        answers(200, 200, 403, 403, 404)),
                new Row("POST member", (u, o) -> u.post("/api/v1/organizations/" + o.id + "/members",
                        "{\"email\":\"" + newcomer.email + "\",\"role\":\"member\"}"), answers(201, 201, 403, 403, 404)),
                new Row("PATCH member to viewer", (u, o) -> u.patch("/api/v1/organizations/" + o.id + "/members/" + target.id,
                        "{\"role\":\"viewer\"}"), answers(200, 200, 403, 403, 404)),
                new Row("PATCH member to owner", (u, o) -> u.patch("/api/v1/organizations/" + o.id + "/members/" + target.id,
                        "{\"role\":\"owner\"}"), answers(200, 403, 403, 403, 404)),
                new Row("PATCH owner to admin", (u, o) -> u.patch("/api/v1/organizations/" + o.id + "/members/" + alice.id,
                        "{\"role\":\"admin\"}"), answers(409, 403, 403, 403, 404)),
                new Row("DELETE member", (u, o) -> u.delete("/api/v1/organizations/" + o.id + "/members/" + target.id),
                        answers(204, 204, 403, 403, 404)),
                new Row("DELETE owner", (u, o) -> u.delete("/api/v1/organizations/" + o.id + "/members/" + alice.id),
                        answers(409, 403, 403, 403, 404)),
                new Row("GET approvals", (u, o) -> u.get("/api/v1/organizations/" + o.id + "/approvals"),
                        answers(200, 200, 200, 200, 404)),
                new Row("GET wallet", (u, o) -> u.get("/api/v1/accounts/" + o.wallet), answers(200, 200, 200, 200, 404)),
                new Row("POST lock wallet", (u, o) -> u.post("/api/v1/accounts/" + o.wallet + "/lock", "{}"),
                        answers(200, 200, 403, 403, 404)),
                new Row("POST close wallet", (u, o) -> u.post("/api/v1/accounts/" + o.wallet + "/close", "{}"),
                        answers(403, 403, 403, 403, 404)),
                new Row("GET wallet's history", (u, o) -> u.get("/api/v1/transactions?wallet_id=" + o.wallet),
                        answers(200, 200, 200, 200, 404)),
                new Row("POST payment", (u, o) -> u.post("/api/v1/payments", "{\"amount\":\"10.00\",\"currency\":\"USD\","
                        + "\"source_wallet_id\":\"" + o.wallet + "\",\"destination\":\"bob@example.com\"}"),
                        answers(201, 201, 201, 403, 404)),
                new Row("POST order", (u, o) -> u.post("/api/v1/orders", "{\"wallet_id\":\"" + o.wallet
                        + "\",\"product_id\":\"coffee-beans\"}"), answers(201, 201, 201, 403, 404)),
                new Row("POST withdrawal", (u, o) -> u.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + o.wallet
                        + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}"), answers(201, 201, 201, 403, 404)));
    }

    @Test
    void everyRouteAnswersEachRoleAsTheTableSaysAndARefusalMovesNothing() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : matrix()) {
            for (Who who : Who.values()) {
                Org org = organization("100.00");
                User caller = user(who);
                List<WalletSnapshot> before = walletsOf(org, caller);
                HttpResponse<String> r = row.call.apply(caller, org);
                int expected = row.expected.get(who);
                checked++;
                if (r.statusCode() != expected) {
                    wrong.add(row.route + " by " + who + ": " + r.statusCode() + " (expected " + expected + ") " + r.body());
                    continue;
                }
                if (expected >= 400) {
                    assertThat(walletsOf(org, caller)).as("%s by %s moved money", row.route, who).isEqualTo(before);
                    String code = errorCode(r);
                    assertThat(code).as("%s by %s", row.route, who).isEqualTo(switch (expected) {
                        case 403 -> "FORBIDDEN";
                        case 409 -> "CONFLICT";
                        default -> row.route.contains("wallet") || row.route.startsWith("POST") && !row.route.contains("member")
                                ? "WALLET_NOT_FOUND" : "NOT_FOUND";
                    });
                    assertThat(r.body()).as("a refusal tells nothing of the organization").doesNotContain("100.00")
                            .doesNotContain(org.name);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(matrix().size() * Who.values().length);
    }

    // ---- seed 002: a member pays from the organization's wallet; a non-member is refused -----------

    @Test
    void aMemberPaysFromTheOrganizationsWalletAndEveryMemberSeesItWithWhoPaid() {
        Org org = organization("100.00");
        long bobBefore = balance(bobWallet());
        HttpResponse<String> paid = member.post("/api/v1/payments", "{\"amount\":\"25.00\",\"currency\":\"USD\","
                + "\"source_wallet_id\":\"" + org.wallet + "\",\"destination\":\"bob@example.com\",\"description\":\"supplies\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(json(paid).get("initiated_by").getAsString()).isEqualTo(member.id);
        String paymentId = json(paid).get("payment_id").getAsString();
        Poll.until(() -> json(member.get("/api/v1/payments/" + paymentId)).get("status").getAsString(), "completed"::equals);
        assertThat(balance(org.wallet)).isEqualTo(7500);
        assertThat(balance(bobWallet())).isEqualTo(bobBefore + 2500);

        // the viewer sees the wallet, marked as the organization's, and the movement with who initiated it
        JsonObject wallet = find(json(viewer.get("/api/v1/accounts")).getAsJsonArray("accounts"), "id", org.wallet);
        assertThat(wallet.get("organization_id").getAsString()).isEqualTo(org.id);
        assertThat(wallet.get("balance").getAsString()).isEqualTo("75.00");
        JsonObject movement = find(json(viewer.get("/api/v1/transactions?wallet_id=" + org.wallet)).getAsJsonArray("transactions"),
                "description", "supplies");
        assertThat(movement.get("initiated_by").getAsString()).isEqualTo(member.id);
        assertThat(movement.get("direction").getAsString()).isEqualTo("out");
        // and in the change feed, with the wallet's balance
        JsonObject feed = json(viewer.get("/api/v1/sync"));
        assertThat(StreamSupport.stream(feed.getAsJsonArray("changes").spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(c -> c.has("transaction"))
                .map(c -> c.getAsJsonObject("transaction"))
                .anyMatch(t -> "supplies".equals(text(t, "description")) && member.id.equals(text(t, "initiated_by")))).isTrue();
        assertThat(find(feed.getAsJsonArray("accounts"), "id", org.wallet).get("balance").getAsString()).isEqualTo("75.00");

        // someone who is not a member is told the wallet does not exist, and nothing moves
        HttpResponse<String> refused = outsider.post("/api/v1/payments", "{\"amount\":\"25.00\",\"currency\":\"USD\","
                + "\"source_wallet_id\":\"" + org.wallet + "\",\"destination\":\"bob@example.com\"}");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(errorCode(refused)).isEqualTo("WALLET_NOT_FOUND");
        assertThat(json(outsider.get("/api/v1/accounts")).getAsJsonArray("accounts").toString()).doesNotContain(org.wallet);
        assertThat(outsider.get("/api/v1/transactions/" + movement.get("id").getAsString()).statusCode()).isEqualTo(404);
        assertThat(balance(org.wallet)).isEqualTo(7500);
        // the organization's list shows each member their role
        assertThat(find(json(member.get("/api/v1/organizations")).getAsJsonArray("organizations"), "id", org.id)
                .get("role").getAsString()).isEqualTo("member");
    }

    @Test
    void aRemovedMemberNoLongerSeesNorSpends() {
        Org org = organization("50.00");
        assertThat(alice.delete("/api/v1/organizations/" + org.id + "/members/" + member.id).statusCode()).isEqualTo(204);
        assertThat(json(member.get("/api/v1/accounts")).getAsJsonArray("accounts").toString()).doesNotContain(org.wallet);
        HttpResponse<String> refused = member.post("/api/v1/payments", "{\"amount\":\"1.00\",\"currency\":\"USD\","
                + "\"source_wallet_id\":\"" + org.wallet + "\",\"destination\":\"bob@example.com\"}");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(member.get("/api/v1/organizations/" + org.id).statusCode()).isEqualTo(404);
        // the change is audited with who made it
        assertThat(server.ledger().audit(DemoData.ENV_ID, "organization", org.id))
                .anySatisfy(e -> assertThat(e.toString()).contains("member:" + member.id).contains(alice.id).contains("removed"));
    }

    // ---- approvals above the threshold ---------------------------------------------------------------

    @Test
    void aPaymentAboveTheThresholdWaitsForAnotherOwnerOrAdminWithItsMoneyHeld() {
        Org org = organization("200.00");
        HttpResponse<String> set = admin.patch("/api/v1/organizations/" + org.id, "{\"approval_threshold\":\"50.00\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set).getAsJsonObject("organization").get("approval_threshold").getAsString()).isEqualTo("50.00");

        HttpResponse<String> small = pay(member, org, "50.00");
        assertThat(json(small).get("status").getAsString()).as("at the threshold: no approval").isEqualTo("pending");
        HttpResponse<String> big = pay(member, org, "60.00");
        assertThat(big.statusCode()).as(big.body()).isEqualTo(201);
        assertThat(json(big).get("status").getAsString()).isEqualTo("pending_approval");
        String id = json(big).get("payment_id").getAsString();
        assertThat(available(org.wallet)).as("both held").isEqualTo("90.00");

        HttpResponse<String> own = member.post("/api/v1/payments/" + id + "/approve", "");
        assertThat(own.statusCode()).as("the payer cannot approve their own").isEqualTo(403);
        HttpResponse<String> approved = admin.post("/api/v1/payments/" + id + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("approved_by").getAsString()).isEqualTo(admin.id);
        assertThat(Poll.until(() -> json(admin.get("/api/v1/payments/" + id)).get("status").getAsString(), "completed"::equals))
                .isEqualTo("completed");
        assertThat(json(member.get("/api/v1/payments/" + id)).get("initiated_by").getAsString()).isEqualTo(member.id);
        HttpResponse<String> again = alice.post("/api/v1/payments/" + id + "/reject", "");
        assertThat(again.statusCode()).as("decided already").isEqualTo(409);
    }

    @Test
    void aRejectedPaymentReleasesItsMoney() {
        Org org = organization("100.00");
        assertThat(alice.patch("/api/v1/organizations/" + org.id, "{\"approval_threshold\":\"10.00\"}").statusCode()).isEqualTo(200);
        String id = json(pay(member, org, "30.00")).get("payment_id").getAsString();
        assertThat(available(org.wallet)).isEqualTo("70.00");
        HttpResponse<String> rejected = alice.post("/api/v1/payments/" + id + "/reject", "");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected).get("status").getAsString()).isEqualTo("failed");
        assertThat(json(rejected).get("failure_reason").getAsString()).isEqualTo("rejected");
        assertThat(available(org.wallet)).isEqualTo("100.00");
        assertThat(balance(org.wallet)).isEqualTo(10000);
        assertThat(admin.post("/api/v1/payments/" + id + "/approve", "").statusCode()).isEqualTo(409);
    }

    @Test
    void onlyAnotherOwnerOrAdminDecidesAndOutsidersAreToldNothing() {
        List<String> wrong = new ArrayList<>();
        Map<Who, Integer> expected = answers(200, 200, 403, 403, 404);
        for (String decision : List.of("approve", "reject")) {
            for (Who who : Who.values()) {
                Org org = organization("100.00");
                assertThat(alice.patch("/api/v1/organizations/" + org.id, "{\"approval_threshold\":\"10.00\"}").statusCode())
                        .isEqualTo(200);
                // the target member pays, so every role of the table is someone else
                HttpResponse<String> held = pay(target, org, "20.00");
                assertThat(json(held).get("status").getAsString()).isEqualTo("pending_approval");
                String id = json(held).get("payment_id").getAsString();
                HttpResponse<String> r = user(who).post("/api/v1/payments/" + id + "/" + decision, "");
                if (r.statusCode() != expected.get(who)) {
                    wrong.add(decision + " by " + who + ": " + r.statusCode() + " " + r.body());
                } else if (r.statusCode() >= 400) {
                    assertThat(json(target.get("/api/v1/payments/" + id)).get("status").getAsString()).isEqualTo("pending_approval");
                    assertThat(available(org.wallet)).isEqualTo("80.00");
                    assertThat(r.body()).doesNotContain("20.00");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDecisionRetriedWithItsKeyAnswersTheFirstAndTheKeyNamesNoOtherDecision() {
        Org org = organization("100.00");
        threshold(org, "10.00");
        String id = paymentId(pay(member, org, "30.00"));
        String other = paymentId(pay(member, org, "20.00"));
        String key = "approve-" + id;

        HttpResponse<String> first = admin.post("/api/v1/payments/" + id + "/approve", "", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        HttpResponse<String> again = admin.post("/api/v1/payments/" + id + "/approve", "", key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again)).isEqualTo(json(first));

        // the key names that approval: another decision or another payment with it is refused, and decides nothing
        for (String path : List.of(id + "/reject", other + "/approve", other + "/reject")) {
            HttpResponse<String> reused = admin.post("/api/v1/payments/" + path, "", key);
            assertThat(reused.statusCode()).as(path + ": " + reused.body()).isEqualTo(422);
            assertThat(errorCode(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
        assertThat(status(admin, other)).isEqualTo("pending_approval");
        Poll.until(() -> status(admin, id), "completed"::equals);
        assertThat(balance(org.wallet)).as("paid once").isEqualTo(7000);
        assertThat(available(org.wallet)).as("the other still held").isEqualTo("50.00");
    }

    @Test
    void twoDecisionsAtOnceSettleThePaymentOnce() throws Exception {
        for (List<String> decisions : List.of(List.of("approve", "approve"), List.of("approve", "reject"))) {
            Org org = organization("100.00");
            threshold(org, "10.00");
            long recipientBefore = balance(outsiderWallet());
            String id = paymentId(payTo(member, org, "30.00", outsider.email));
            List<HttpResponse<String>> answers = atOnce(
                    () -> admin.post("/api/v1/payments/" + id + "/" + decisions.get(0), ""),
                    () -> alice.post("/api/v1/payments/" + id + "/" + decisions.get(1), ""));
            assertThat(answers).extracting(HttpResponse::statusCode).as(decisions + ": " + answers.stream().map(HttpResponse::body)
                    .toList()).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertThat(errorCode(lost)).isEqualTo("CONFLICT");
            HttpResponse<String> won = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            boolean approved = won.request().uri().getPath().endsWith("/approve");
            String settled = Poll.until(() -> status(member, id), s -> s.equals("completed") || s.equals("failed"));
            assertThat(settled).isEqualTo(approved ? "completed" : "failed");
            assertThat(balance(org.wallet)).as(decisions.toString()).isEqualTo(approved ? 7000 : 10000);
            assertThat(available(org.wallet)).isEqualTo(approved ? "70.00" : "100.00");
            assertThat(balance(outsiderWallet())).isEqualTo(recipientBefore + (approved ? 3000 : 0));
        }
    }

    @Test
    void aPaymentNobodyDecidesOnExpiresItsMoneyReleasedAndCannotBeDecidedAfter() {
        Org org = organization("100.00");
        threshold(org, "10.00");
        String id = paymentId(pay(member, org, "30.00"));

        advance(ServerSettings.DEFAULT_APPROVAL_EXPIRY.minusMinutes(1));
        server.ledger().expireDueHolds();
        assertThat(status(member, id)).as("still waiting a minute before").isEqualTo("pending_approval");
        assertThat(available(org.wallet)).isEqualTo("70.00");

        advance(Duration.ofMinutes(2));
        expiredAndReleased("/api/v1/payments/" + id, org);
    }

    @Test
    void everyMemberSeesWhatAwaitsApprovalOldestFirstUntilItIsDecidedOrExpires() {
        Org org = organization("300.00");
        threshold(org, "10.00");
        HttpResponse<String> small = pay(member, org, "10.00");
        assertThat(json(small).get("status").getAsString()).as("at the threshold: no approval").isEqualTo("pending");
        String smallId = json(small).get("payment_id").getAsString();
        HttpResponse<String> paid = member.post("/api/v1/payments", "{\"amount\":\"30.00\",\"currency\":\"USD\","
                + "\"source_wallet_id\":\"" + org.wallet + "\",\"destination\":\"bob@example.com\",\"description\":\"chairs\"}");
        String first = paymentId(paid);
        clock.advance(Duration.ofSeconds(1));
        String second = paymentId(pay(target, org, "40.00"));
        clock.advance(Duration.ofSeconds(1));
        String third = paymentId(pay(admin, org, "50.00"));
        // another organization's payment awaiting approval is not this one's
        Org other = organization("100.00");
        threshold(other, "10.00");
        String elsewhere = paymentId(pay(member, other, "20.00"));

        JsonArray listed = approvals(viewer, org);
        assertThat(ids(listed)).as("oldest first, the viewer reads it too").containsExactly(first, second, third);
        JsonObject chairs = listed.get(0).getAsJsonObject();
        assertThat(text(chairs, "kind")).isEqualTo("payment");
        assertThat(text(chairs, "amount")).isEqualTo("30.00");
        assertThat(text(chairs, "currency")).isEqualTo("USD");
        assertThat(text(chairs, "source_wallet_id")).isEqualTo(org.wallet);
        assertThat(text(chairs, "destination")).isEqualTo("bob@example.com");
        assertThat(text(chairs, "description")).isEqualTo("chairs");
        assertThat(text(chairs, "initiated_by")).isEqualTo(member.id);
        assertThat(text(chairs, "initiated_by_email")).isEqualTo(member.email);
        assertThat(text(chairs, "created_at")).isEqualTo(text(json(member.get("/api/v1/payments/" + first)), "created_at"));
        Instant created = Instant.parse(text(chairs, "created_at"));
        assertThat(Instant.parse(text(chairs, "expires_at"))).as("when the approval expires")
                .isBetween(created.plus(ServerSettings.DEFAULT_APPROVAL_EXPIRY).minusSeconds(60),
                        created.plus(ServerSettings.DEFAULT_APPROVAL_EXPIRY));
        assertThat(text(listed.get(1).getAsJsonObject(), "initiated_by_email")).isEqualTo(target.email);
        for (User reader : List.of(alice, admin, member, target)) {
            assertThat(ids(approvals(reader, org))).as(reader.email).containsExactly(first, second, third);
        }
        assertThat(ids(approvals(member, other))).containsExactly(elsewhere);

        // someone who is not a member is told the organization does not exist, and nothing of what waits
        HttpResponse<String> outside = outsider.get("/api/v1/organizations/" + org.id + "/approvals");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(errorCode(outside)).isEqualTo("NOT_FOUND");
        assertThat(outside.body()).doesNotContain(first).doesNotContain("30.00").doesNotContain(org.name);
        HttpResponse<String> unknown = viewer.get("/api/v1/organizations/org_unknown/approvals");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("NOT_FOUND");

        // decided, a payment leaves the list; the one under the threshold was never in it, even once settled
        assertThat(admin.post("/api/v1/payments/" + first + "/approve", "").statusCode()).isEqualTo(200);
        assertThat(ids(approvals(viewer, org))).containsExactly(second, third);
        assertThat(alice.post("/api/v1/payments/" + second + "/reject", "").statusCode()).isEqualTo(200);
        assertThat(ids(approvals(viewer, org))).containsExactly(third);
        Poll.until(() -> status(member, smallId), "completed"::equals);
        Poll.until(() -> status(member, first), "completed"::equals);
        assertThat(ids(approvals(viewer, org))).containsExactly(third);

        // expired, it leaves the list at once, whether or not the ledger's sweep has voided its hold yet
        advance(ServerSettings.DEFAULT_APPROVAL_EXPIRY.minusMinutes(1));
        assertThat(ids(approvals(viewer, org))).containsExactly(third);
        advance(Duration.ofMinutes(2));
        assertThat(ids(approvals(viewer, org))).isEmpty();
        server.ledger().expireDueHolds();
        assertThat(status(admin, third)).isEqualTo("failed");
        assertThat(approvals(viewer, org)).isEmpty();
        assertThat(approvals(viewer, other)).isEmpty();
    }

    // ---- withdrawals above the threshold --------------------------------------------------------------

    @Test
    void aWithdrawalAboveTheThresholdWaitsForAnotherOwnerOrAdminAndIsPaidOutOnceApproved() {
        Org org = organization("200.00");
        threshold(org, "50.00");
        String bank = bankAccount(member, "0123456789");

        HttpResponse<String> small = withdraw(member, org, "50.00", bank);
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat(json(small).get("status").getAsString()).as("at the threshold: paid out at once").isIn("pending", "succeeded");
        HttpResponse<String> big = withdraw(member, org, "60.00", bank);
        String id = withdrawalId(big);
        assertThat(available(org.wallet)).as("both held").isEqualTo("90.00");
        assertThat(json(member.get("/api/v1/withdrawals/" + id)).get("status").getAsString()).isEqualTo("pending_approval");

        JsonObject listed = find(approvals(viewer, org), "id", id);
        assertThat(text(listed, "kind")).isEqualTo("withdrawal");
        assertThat(text(listed, "amount")).isEqualTo("60.00");
        assertThat(text(listed, "currency")).isEqualTo("USD");
        assertThat(text(listed, "source_wallet_id")).isEqualTo(org.wallet);
        assertThat(text(listed, "destination")).as("the bank account").isEqualTo(bank);
        assertThat(text(listed, "initiated_by")).isEqualTo(member.id);
        assertThat(text(listed, "initiated_by_email")).isEqualTo(member.email);
        Instant created = Instant.parse(text(listed, "created_at"));
        assertThat(Instant.parse(text(listed, "expires_at"))).isBetween(
                created.plus(ServerSettings.DEFAULT_APPROVAL_EXPIRY).minusSeconds(60), created.plus(ServerSettings.DEFAULT_APPROVAL_EXPIRY));

        // the member who asked, a member and a viewer may not decide; to anyone else it does not exist
        Map<User, Integer> refused = Map.of(member, 403, target, 403, viewer, 403, outsider, 404);
        for (Map.Entry<User, Integer> who : refused.entrySet()) {
            for (String decision : List.of("approve", "reject")) {
                HttpResponse<String> r = who.getKey().post("/api/v1/withdrawals/" + id + "/" + decision, "");
                assertThat(r.statusCode()).as(decision + " by " + who.getKey().email + ": " + r.body()).isEqualTo(who.getValue());
                assertThat(errorCode(r)).isEqualTo(who.getValue() == 403 ? "FORBIDDEN" : "NOT_FOUND");
                assertThat(r.body()).doesNotContain("60.00");
            }
        }
        assertThat(json(member.get("/api/v1/withdrawals/" + id)).get("status").getAsString()).isEqualTo("pending_approval");
        assertThat(available(org.wallet)).isEqualTo("90.00");

        HttpResponse<String> approved = admin.post("/api/v1/withdrawals/" + id + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("status").getAsString()).isIn("pending", "succeeded");
        assertThat(ids(approvals(viewer, org))).doesNotContain(id);
        Poll.until(() -> withdrawalStatus(member, id), "succeeded"::equals);
        assertThat(balance(org.wallet)).as("both paid out once").isEqualTo(9000);
        assertThat(available(org.wallet)).isEqualTo("90.00");
        HttpResponse<String> again = alice.post("/api/v1/withdrawals/" + id + "/reject", "");
        assertThat(again.statusCode()).as("decided already").isEqualTo(409);
        assertThat(errorCode(again)).isEqualTo("CONFLICT");
    }

    @Test
    void everyMemberReadsAWithdrawalFromTheOrganizationsWalletAndAnyoneElseIsToldNothing() {
        Org org = organization("100.00");
        threshold(org, "10.00");
        String id = withdrawalId(withdraw(member, org, "30.00", bankAccount(member, "0123456783")));

        for (User reader : List.of(admin, alice, viewer, target, member)) {
            HttpResponse<String> read = reader.get("/api/v1/withdrawals/" + id);
            assertThat(read.statusCode()).as(reader.email + ": " + read.body()).isEqualTo(200);
            assertThat(text(json(read), "status")).isEqualTo("pending_approval");
            assertThat(text(json(read), "amount")).isEqualTo("30.00");
            assertThat(text(json(read), "wallet_id")).isEqualTo(org.wallet);
        }
        HttpResponse<String> outside = outsider.get("/api/v1/withdrawals/" + id);
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(404);
        assertThat(errorCode(outside)).isEqualTo("NOT_FOUND");
        assertThat(outside.body()).doesNotContain("30.00");

        // the approver reads what they decided; their own list still holds only their own withdrawals
        assertThat(admin.post("/api/v1/withdrawals/" + id + "/reject", "").statusCode()).isEqualTo(200);
        assertThat(text(json(admin.get("/api/v1/withdrawals/" + id)), "failure_reason")).isEqualTo("rejected");
        assertThat(admin.get("/api/v1/withdrawals").body()).doesNotContain(id);
    }

    @Test
    void aRejectedWithdrawalReleasesItsMoneyAndADecisionRetriedWithItsKeyAnswersTheFirst() {
        Org org = organization("100.00");
        threshold(org, "10.00");
        String bank = bankAccount(member, "0123456781");
        String rejectedId = withdrawalId(withdraw(member, org, "30.00", bank));
        String approvedId = withdrawalId(withdraw(member, org, "20.00", bank));
        assertThat(available(org.wallet)).isEqualTo("50.00");

        HttpResponse<String> rejected = alice.post("/api/v1/withdrawals/" + rejectedId + "/reject", "");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected).get("status").getAsString()).isEqualTo("failed");
        assertThat(json(rejected).get("failure_reason").getAsString()).isEqualTo("rejected");
        assertThat(json(member.get("/api/v1/withdrawals/" + rejectedId)).get("status").getAsString()).isEqualTo("failed");
        assertThat(available(org.wallet)).isEqualTo("80.00");
        assertThat(admin.post("/api/v1/withdrawals/" + rejectedId + "/approve", "").statusCode()).isEqualTo(409);
        assertThat(ids(approvals(viewer, org))).containsExactly(approvedId);

        String key = "approve-" + approvedId;
        HttpResponse<String> first = admin.post("/api/v1/withdrawals/" + approvedId + "/approve", "", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> replay = admin.post("/api/v1/withdrawals/" + approvedId + "/approve", "", key);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(replay)).isEqualTo(json(first));
        // the key names that approval: another decision, or another withdrawal's, with it is refused
        for (String path : List.of("/api/v1/withdrawals/" + approvedId + "/reject", "/api/v1/withdrawals/" + rejectedId + "/approve")) {
            HttpResponse<String> reused = admin.post(path, "", key);
            assertThat(reused.statusCode()).as(path + ": " + reused.body()).isEqualTo(422);
            assertThat(errorCode(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
        Poll.until(() -> withdrawalStatus(member, approvedId), "succeeded"::equals);
        assertThat(balance(org.wallet)).as("paid out once").isEqualTo(8000);
        assertThat(available(org.wallet)).isEqualTo("80.00");
        assertThat(approvals(viewer, org)).isEmpty();
    }

    @Test
    void aWithdrawalNobodyApprovesExpiresAndTheApprovalsListShowsPaymentsAndWithdrawalsTogether() {
        Org org = organization("100.00");
        threshold(org, "10.00");
        String bank = bankAccount(member, "0123456782");
        String payment = paymentId(pay(member, org, "15.00"));
        clock.advance(Duration.ofSeconds(1));
        String withdrawal = withdrawalId(withdraw(member, org, "30.00", bank));
        clock.advance(Duration.ofSeconds(1));
        String later = paymentId(pay(target, org, "12.00"));
        JsonArray listed = approvals(viewer, org);
        assertThat(ids(listed)).as("oldest first, whatever their kind").containsExactly(payment, withdrawal, later);
        assertThat(listed.asList()).extracting(e -> text(e.getAsJsonObject(), "kind")).containsExactly("payment", "withdrawal", "payment");
        assertThat(available(org.wallet)).isEqualTo("43.00");

        advance(ServerSettings.DEFAULT_APPROVAL_EXPIRY.plusMinutes(1));
        assertThat(approvals(viewer, org)).as("expired, swept or not").isEmpty();
        expiredAndReleased("/api/v1/withdrawals/" + withdrawal, org);
    }

    @Test
    void twoDecisionsOnAWithdrawalAtOnceSettleItOnceAndAPayoutPageComesOnlyOnceApproved() throws Exception {
        for (List<String> decisions : List.of(List.of("approve", "approve"), List.of("approve", "reject"))) {
            Org org = organization("100.00");
            threshold(org, "10.00");
            // without a bank account: the provider's payout page, asked for only once approved
            HttpResponse<String> asked = member.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + org.wallet
                    + "\",\"amount\":\"30.00\",\"currency\":\"USD\"}");
            String id = withdrawalId(asked);
            assertThat(text(json(asked), "url")).as("no payout page before the approval").isNull();
            assertThat(text(find(approvals(viewer, org), "id", id), "destination")).isNull();
            List<HttpResponse<String>> answers = atOnce(
                    () -> admin.post("/api/v1/withdrawals/" + id + "/" + decisions.get(0), ""),
                    () -> alice.post("/api/v1/withdrawals/" + id + "/" + decisions.get(1), ""));
            assertThat(answers).extracting(HttpResponse::statusCode).as(decisions + ": " + answers.stream()
                    .map(HttpResponse::body).toList()).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> won = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            boolean approved = won.request().uri().getPath().endsWith("/approve");
            JsonObject now = json(member.get("/api/v1/withdrawals/" + id));
            assertThat(text(now, "status")).isEqualTo(approved ? "pending" : "failed");
            assertThat(text(now, "url")).as("the payout page, once approved").matches(url -> approved == (url != null));
            assertThat(available(org.wallet)).isEqualTo(approved ? "70.00" : "100.00");
            assertThat(balance(org.wallet)).isEqualTo(10000);
            assertThat(approvals(viewer, org)).isEmpty();
        }
    }

    @Test
    void anApprovedWithdrawalKeepsItsMoneyHeldForThePayoutPastTheApprovalsDeadline() {
        Org org = organization("100.00");
        threshold(org, "10.00");
        // payouts to an account ending 2222 stay pending at the provider for a while
        String bank = bankAccount(member, "0123452222");
        HttpResponse<String> asked = withdraw(member, org, "30.00", bank);
        String id = withdrawalId(asked);
        String movement = json(asked).get("transaction_id").getAsString();
        advance(ServerSettings.DEFAULT_APPROVAL_EXPIRY.minusMinutes(1));
        assertThat(admin.post("/api/v1/withdrawals/" + id + "/approve", "").statusCode()).isEqualTo(200);

        advance(Duration.ofMinutes(2));
        server.ledger().expireDueHolds();
        assertThat(server.ledger().movement(DemoData.ENV_ID, movement).orElseThrow().status())
                .as("the hold was not expired by the approval's deadline").isIn(TransactionStatus.PENDING, TransactionStatus.COMPLETED);
        Poll.until(() -> withdrawalStatus(member, id), "succeeded"::equals);
        assertThat(balance(org.wallet)).isEqualTo(7000);
    }

    // ---- the last owner -----------------------------------------------------------------------------

    @Test
    void theLastOwnerCannotLeaveNorBeDemotedUntilThereIsAnother() {
        Org org = organization("0.00");
        String self = "/api/v1/organizations/" + org.id + "/members/" + alice.id;
        HttpResponse<String> leave = alice.delete(self);
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(409);
        assertThat(errorCode(leave)).isEqualTo("CONFLICT");
        assertThat(alice.patch(self, "{\"role\":\"member\"}").statusCode()).isEqualTo(409);

        // an admin cannot make an owner; the owner can, and may then leave
        assertThat(admin.patch("/api/v1/organizations/" + org.id + "/members/" + admin.id, "{\"role\":\"owner\"}").statusCode())
                .isEqualTo(403);
        assertThat(alice.patch("/api/v1/organizations/" + org.id + "/members/" + admin.id, "{\"role\":\"owner\"}").statusCode())
                .isEqualTo(200);
        assertThat(alice.delete(self).statusCode()).isEqualTo(204);
        assertThat(alice.get("/api/v1/organizations/" + org.id).statusCode()).isEqualTo(404);
        JsonArray members = json(admin.get("/api/v1/organizations/" + org.id)).getAsJsonArray("members");
        assertThat(find(members, "user_id", admin.id).get("role").getAsString()).isEqualTo("owner");
        assertThat(members.toString()).doesNotContain(alice.id);
    }

    // ---- the organization's KYC limits count every member ------------------------------------------

    @Test
    void theDailyLimitCountsWhatEveryMemberSpent() {
        // alice is tier 1: 2,000 a payment, 5,000 a day; the organization took her tier
        Org org = organization("6000.00");
        assertThat(pay(alice, org, "2000.00").statusCode()).isEqualTo(201);
        assertThat(pay(admin, org, "2000.00").statusCode()).isEqualTo(201);
        HttpResponse<String> third = pay(member, org, "2000.00");
        assertThat(third.statusCode()).as(third.body()).isEqualTo(422);
        assertThat(errorCode(third)).isEqualTo("DAILY_LIMIT_EXCEEDED");
        // the two payments may still be settling; what can be spent is what they left, whatever their state
        assertThat(server.ledger().wallet(DemoData.ENV_ID, org.wallet).orElseThrow().balance().available()
                .toDecimalString()).isEqualTo("2000.00");
        // what is left of the day's 5,000 still goes
        assertThat(pay(member, org, "1000.00").statusCode()).isEqualTo(201);
    }

    // ---- idempotent creation ------------------------------------------------------------------------

    @Test
    void aCreationRetriedWithItsKeyMakesOneOrganization() {
        String name = "Retried-" + NAMES.incrementAndGet();
        String body = "{\"name\":\"" + name + "\",\"currency\":\"EUR\"}";
        HttpResponse<String> first = alice.post("/api/v1/organizations", body, "create-" + name);
        HttpResponse<String> again = alice.post("/api/v1/organizations", body, "create-" + name);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again).getAsJsonObject("organization").get("id"))
                .isEqualTo(json(first).getAsJsonObject("organization").get("id"));
        assertThat(json(first).getAsJsonObject("account").get("currency").getAsString()).isEqualTo("EUR");
        assertThat(json(alice.get("/api/v1/organizations")).getAsJsonArray("organizations").toString().split(name, -1))
                .as("one organization with the name").hasSize(2);
        HttpResponse<String> reused = alice.post("/api/v1/organizations", "{\"name\":\"Other\",\"currency\":\"EUR\"}", "create-" + name);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(errorCode(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** An organization owned by alice with an admin, a member, a viewer and a target member, its wallet holding {@code funds}. */
    private Org organization(String funds) {
        String name = "Org " + NAMES.incrementAndGet();
        HttpResponse<String> created = alice.post("/api/v1/organizations", "{\"name\":\"" + name + "\",\"currency\":\"USD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject body = json(created);
        Org org = new Org(body.getAsJsonObject("organization").get("id").getAsString(),
                body.getAsJsonObject("account").get("id").getAsString(), name);
        for (var m : Map.of(admin, "admin", member, "member", viewer, "viewer", target, "member").entrySet()) {
            HttpResponse<String> added = alice.post("/api/v1/organizations/" + org.id + "/members",
                    "{\"email\":\"" + m.getKey().email + "\",\"role\":\"" + m.getValue() + "\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        Money amount = Money.parse(funds, "USD");
        if (amount.isPositive()) {
            server.ledger().deposit(SystemMoveCommand.of(ENV, new WalletId(org.wallet), amount, Memo.description("funds")), null)
                    .orThrow();
        }
        return org;
    }

    private HttpResponse<String> pay(User payer, Org org, String amount) {
        return payTo(payer, org, amount, "bob@example.com");
    }

    private HttpResponse<String> payTo(User payer, Org org, String amount, String email) {
        return payer.post("/api/v1/payments", "{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + org.wallet + "\",\"destination\":\"" + email + "\"}");
    }

    @Test
    void anOrderAboveTheThresholdIsRefusedRatherThanLeaveWithoutAnApprovalAndOneUnderItIsPaid() {
        Org org = organization("100.00");
        threshold(org, "10.00");

        HttpResponse<String> refused = member.post("/api/v1/orders", "{\"wallet_id\":\"" + org.wallet
                + "\",\"product_id\":\"coffee-beans\"}", "order-above");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(errorCode(refused)).isEqualTo("FORBIDDEN");
        assertThat(refused.body()).contains("12.50 USD is above the organization's approval threshold of 10.00 USD");
        HttpResponse<String> owners = alice.post("/api/v1/orders", "{\"wallet_id\":\"" + org.wallet
                + "\",\"product_id\":\"coffee-beans\"}", "order-owner");
        assertThat(owners.statusCode()).as("an owner's order needs an approval as much").isEqualTo(403);
        assertThat(balance(org.wallet)).as("nothing left the wallet").isEqualTo(10000);

        threshold(org, "20.00");
        HttpResponse<String> paid = member.post("/api/v1/orders", "{\"wallet_id\":\"" + org.wallet
                + "\",\"product_id\":\"coffee-beans\"}", "order-under");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(balance(org.wallet)).isEqualTo(10000 - 1250);
    }

    private void threshold(Org org, String amount) {
        HttpResponse<String> set = alice.patch("/api/v1/organizations/" + org.id, "{\"approval_threshold\":\"" + amount + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    /** The id of a payment that awaits approval. */
    private static String paymentId(HttpResponse<String> paid) {
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(json(paid).get("status").getAsString()).isEqualTo("pending_approval");
        return json(paid).get("payment_id").getAsString();
    }

    /**
     * After the approval of the payment or withdrawal at {@code path} expired: deciding is CONFLICT before and after
     * the sweep, which voids every hold of {@code org} (funded with 100.00); then it reads failed, reason expired.
     */
    private void expiredAndReleased(String path, Org org) {
        HttpResponse<String> late = admin.post(path + "/approve", "");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(errorCode(late)).isEqualTo("CONFLICT");
        server.ledger().expireDueHolds();
        JsonObject expired = json(member.get(path));
        assertThat(expired.get("status").getAsString()).isEqualTo("failed");
        assertThat(expired.get("failure_reason").getAsString()).isEqualTo("expired");
        assertThat(available(org.wallet)).as("the holds released").isEqualTo("100.00");
        assertThat(balance(org.wallet)).isEqualTo(10000);
        assertThat(alice.post(path + "/reject", "").statusCode()).isEqualTo(409);
        assertThat(admin.post(path + "/approve", "").statusCode()).isEqualTo(409);
        assertThat(available(org.wallet)).isEqualTo("100.00");
    }

    /** The organization's approvals list as {@code reader} reads it. */
    private static JsonArray approvals(User reader, Org org) {
        HttpResponse<String> r = reader.get("/api/v1/organizations/" + org.id + "/approvals");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).getAsJsonArray("approvals");
    }

    private static List<String> ids(JsonArray approvals) {
        return StreamSupport.stream(approvals.spliterator(), false).map(a -> text(a.getAsJsonObject(), "id")).toList();
    }

    /**
     * A new saved bank account of {@code owner}'s (each test its own number): the simulator pays an account number
     * ending 2222 late, others at once.
     */
    private static String bankAccount(User owner, String accountNumber) {
        HttpResponse<String> r = owner.post("/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"" + accountNumber + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("bank_account_id").getAsString();
    }

    private static HttpResponse<String> withdraw(User member, Org org, String amount, String bankAccount) {
        return member.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + org.wallet + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"USD\",\"bank_account_id\":\"" + bankAccount + "\"}");
    }

    /** The id of a withdrawal that awaits approval. */
    private static String withdrawalId(HttpResponse<String> asked) {
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(json(asked).get("status").getAsString()).isEqualTo("pending_approval");
        return json(asked).get("withdrawal_id").getAsString();
    }

    private static String withdrawalStatus(User reader, String withdrawalId) {
        return json(reader.get("/api/v1/withdrawals/" + withdrawalId)).get("status").getAsString();
    }

    private static String status(User reader, String paymentId) {
        return json(reader.get("/api/v1/payments/" + paymentId)).get("status").getAsString();
    }

    /** Both calls made together, released by one latch once both threads wait on it. */
    private static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>> a, Callable<HttpResponse<String>> b)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : List.of(a, b)) {
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private User user(Who who) {
        return switch (who) {
            case OWNER -> alice;
            case ADMIN -> admin;
            case MEMBER -> member;
            case VIEWER -> viewer;
            case OUTSIDER -> outsider;
        };
    }

    /** The organization's wallets and the caller's own, as the ledger has them. */
    private List<WalletSnapshot> walletsOf(Org org, User caller) {
        LedgerService ledger = server.ledger();
        List<WalletSnapshot> wallets = new ArrayList<>(ledger.wallets(DemoData.ENV_ID, org.id));
        wallets.addAll(ledger.wallets(DemoData.ENV_ID, caller.id));
        return wallets;
    }

    private String available(String wallet) {
        return server.ledger().wallet(DemoData.ENV_ID, wallet).orElseThrow().balance().available().toDecimalString();
    }

    private long balance(String wallet) {
        return server.ledger().wallet(DemoData.ENV_ID, wallet).orElseThrow().balance().posted();
    }

    /** The outsider's USD wallet, which only the tests that pay it to receive money: opened on first use. */
    private String outsiderWallet() {
        if (server.ledger().wallets(DemoData.ENV_ID, outsider.id).isEmpty()) {
            HttpResponse<String> opened = outsider.post("/api/v1/accounts", "{\"currency\":\"USD\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        }
        return server.ledger().wallets(DemoData.ENV_ID, outsider.id).get(0).id();
    }

    private String bobWallet() {
        String bob = new Tenants(server.ledger()).userByEmail(ENV, "bob@example.com").orElseThrow().id();
        return server.ledger().wallets(DemoData.ENV_ID, bob).get(0).id();
    }

    private User login(String email) {
        return login(email, DemoData.PASSWORD);
    }

    private User login(String email, String password) {
        HttpResponse<String> r = Http.post(server.baseUrl() + "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return user(email, r);
    }

    private User register(String role) {
        String email = role + "-" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "@example.com";
        HttpResponse<String> r = Http.post(server.baseUrl() + "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + role + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return user(email, r);
    }

    private User user(String email, HttpResponse<String> signedIn) {
        String id = new Tenants(server.ledger()).userByEmail(ENV, email).orElseThrow().id();
        return new User(server.baseUrl(), json(signedIn).get("access_token").getAsString(), id, email);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.gson().fromJson(r.body(), JsonObject.class);
    }

    private static String errorCode(HttpResponse<String> r) {
        return json(r).getAsJsonObject("error").get("code").getAsString();
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : null;
    }

    private static JsonObject find(JsonArray array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(o -> value.equals(text(o, field))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }

    private record Org(String id, String wallet, String name) {
    }

    /** A signed-in user of the server. */
    record User(String baseUrl, String token, String id, String email) {
        HttpResponse<String> get(String path) {
            return Http.send(request(path).GET());
        }

        HttpResponse<String> post(String path, String json) {
            return Http.postJson(request(path), json);
        }

        HttpResponse<String> post(String path, String json, String idempotencyKey) {
            return Http.postJson(request(path).header("Idempotency-Key", idempotencyKey), json);
        }

        HttpResponse<String> patch(String path, String json) {
            return Http.send(request(path).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> delete(String path) {
            return Http.send(request(path).DELETE());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
        }
    }
}
