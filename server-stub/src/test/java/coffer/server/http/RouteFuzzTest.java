package coffer.server.http;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.WalletStatusChange;
import coffer.server.tenant.Tenants;
import coffer.core.signature.PartnerRequestSigner;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.testing.DemoServerTest;
import coffer.server.testing.Http;
import coffer.server.testing.TestServer.Caller;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws malformed input at every route the server registered ({@link coffer.server.CofferServer#routes()}, so a
 * new route is fuzzed the day it is added, the provider simulator's {@code /provider/...} routes included):
 * path segments (ids of every length and charset, {@code ..}, {@code %00}), query strings (each route's
 * parameters from {@code /openapi.json} and unknown ones, numbers and dates at and past their extremes,
 * other scripts' digits, garbage cursors) and bodies (not JSON, truncated JSON, JSON of the wrong type, the
 * documented fields with wrong or extreme values, unknown fields, a field given twice, single quotes,
 * comments, nesting 10,000 deep, strings near the 256 KiB limit). Each request carries the demo user's
 * Bearer token and a fresh partner signature of demo environment 123, so it gets past authentication.
 *
 * <p>Asserted: no answer is a 5xx (or no answer at all), nor Jetty's refusal of a request line the client never
 * wrote (the sign of a connection out of step: bytes of an earlier exchange read as a request); a 4xx in JSON
 * names its {@code code}; and a 4xx leaves the ledger as it was (every account's balances and the number of
 * movements, compared around each request; a change seen while background work from an earlier success was
 * finishing is checked again by sending the request once more on a quiet ledger). A 2xx may move money. At
 * the end the ledger's invariants must hold.
 *
 * <p>Every run draws a new seed and prints it; a failure prints the request and its example seed.
 * System properties (pass them to Maven with {@code -D}):
 * <ul>
 *   <li>{@code coffer.fuzz.examples}: examples per route, default {@value #DEFAULT_EXAMPLES} (about a minute
 *       on two cores); raise it for a long local run</li>
 *   <li>{@code coffer.fuzz.seed}: the run's seed, to replay a failure</li>
 *   <li>{@code coffer.fuzz.routes}: only routes whose "METHOD /path/{template}" contains this text</li>
 * </ul>
 */
class RouteFuzzTest extends DemoServerTest {
    static final int DEFAULT_EXAMPLES = 60;
    private static final int MAX_REPORTED = 25;

    /** How one route fared, for the summary. */
    private static final class Tally {
        int sent;
        int skipped;
        int ok;
        int clientErrors;
        int unauthenticated;
        int failed;
    }

    @Test
    void everyRouteAnswersBadInputWithA4xxThatLeavesTheLedgerAlone() throws Exception {
        long seed = Long.getLong("coffer.fuzz.seed", new SecureRandom().nextLong());
        int examples = Integer.getInteger("coffer.fuzz.examples", DEFAULT_EXAMPLES);
        String only = System.getProperty("coffer.fuzz.routes", "");
        System.out.println("RouteFuzzTest: seed " + seed + ", " + examples + " examples per route"
                + " (replay with -Dcoffer.fuzz.seed=" + seed + ")");

        LedgerService ledger = server.server().ledger();
        String aliceId = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow().id();
        FuzzInputs.Known known = known(aliceId);
        RouteShapes shapes = RouteShapes.of(Http.get(server.url("/openapi.json")).body());
        List<String> failures = new ArrayList<>();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        int backgroundChanges = 0;
        long started = System.nanoTime();
        try (LedgerDigest digest = LedgerDigest.open(data)) {
            FuzzSender sender = new FuzzSender(server.url(""), server.providerApiKey(), server.providerWebhookSecret());
            for (HttpApi.Route route : server.server().routes()) {
                String name = route.method() + " " + route.path();
                if (!name.contains(only)) {
                    continue;
                }
                // each route starts signed in afresh, with the demo user's wallets usable: a logout or a
                // lock in one route's examples does not blunt the next route's
                sender.signInWith(partnerToken(aliceId));
                unlock(ledger, aliceId);
                Tally tally = tallies.computeIfAbsent(name, n -> new Tally());
                for (int i = 0; i < examples; i++) {
                    long exampleSeed = exampleSeed(seed, name, i);
                    FuzzRequest request = new FuzzInputs(known, shapes, exampleSeed).request(route, exampleSeed);
                    String before = digest.now();
                    FuzzSender.Answer answer = sender.send(request);
                    if (answer == null) {
                        tally.skipped++;
                        continue;
                    }
                    tally.sent++;
                    String problem = null;
                    if (answer.outOfStep()) {
                        problem = "answered as if another request had been sent (the connection was out of step): " + answer;
                    } else if (answer.status() < 0 || answer.status() >= 500) {
                        problem = "answered " + answer;
                    } else if (answer.clientError()) {
                        tally.clientErrors++;
                        tally.unauthenticated += answer.status() == 401 ? 1 : 0;
                        if (answer.contentType().contains("json") && !answer.body().contains("\"code\"")) {
                            problem = "a JSON 4xx without a code: " + answer;
                        } else if (!digest.now().equals(before)) {
                            // perhaps an earlier success's background work (a payment settling): try again when quiet
                            String quiet = digest.quiet();
                            FuzzSender.Answer again = sender.send(request);
                            if (again != null && again.clientError() && !digest.now().equals(quiet)) {
                                problem = "answered " + again + " yet the ledger changed";
                            } else {
                                backgroundChanges++;
                            }
                        }
                    } else {
                        tally.ok++;
                    }
                    if (problem != null) {
                        tally.failed++;
                        if (failures.size() < MAX_REPORTED) {
                            failures.add(problem + "\n  " + request.describe() + "\n  run seed " + seed);
                        }
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(summary(tallies, took, backgroundChanges));

        assertThat(failures).as("the first failure, replayable with -Dcoffer.fuzz.seed=" + seed).isEmpty();
        assertThat(tallies).as("every registered route was fuzzed").hasSize(only.isEmpty() ? server.server().routes().size() : tallies.size());
        tallies.forEach((name, t) -> {
            assertThat(t.sent).as("requests sent to %s", name).isGreaterThan(examples / 2);
            assertThat(t.sent - t.unauthenticated).as("requests to %s that got past authentication", name).isPositive();
        });
        assertThat(tallies.values().stream().mapToInt(t -> t.ok).sum()).as("requests that succeeded").isPositive();
        assertThat(server.verify().violations()).isEmpty();
    }

    /** Ids of real things (wallets, a payment, a top-up and its checkout, a bank account, a withdrawal and its payout page). */
    private static FuzzInputs.Known known(String aliceId) {
        Caller alice = server.login("alice@example.com");
        Caller bob = server.login("bob@example.com");
        String aliceWallet = alice.firstWalletId();
        String bobWallet = bob.firstWalletId();
        List<String> ids = new ArrayList<>(List.of(aliceWallet, bobWallet, aliceId, DemoData.ENV_ID, DemoData.PARTNER_USER_ID));
        var payment = Caller.json(alice.post("/api/v1/payments", "{\"amount\":\"1.00\",\"currency\":\"USD\",\"source_wallet_id\":\""
                + aliceWallet + "\",\"destination\":\"bob@example.com\"}"));
        ids.add(payment.get("payment_id").getAsString());
        ids.add(payment.get("transaction_id").getAsString());
        var topup = Caller.json(alice.post("/api/v1/topups", "{\"wallet_id\":\"" + aliceWallet + "\",\"amount\":\"5.00\",\"currency\":\"USD\"}"));
        ids.add(topup.get("topup_id").getAsString());
        ids.add(lastSegment(topup.get("checkout_url").getAsString()));
        var account = Caller.json(alice.post("/api/v1/bank-accounts", "{\"bank_code\":\"058\",\"account_number\":\"0123451111\"}"));
        ids.add(account.get("bank_account_id").getAsString());
        var withdrawal = Caller.json(alice.post("/api/v1/withdrawals", "{\"wallet_id\":\"" + aliceWallet
                + "\",\"amount\":\"1.00\",\"currency\":\"USD\"}"));
        ids.add(withdrawal.get("withdrawal_id").getAsString());
        ids.add(lastSegment(withdrawal.get("url").getAsString()));
        return new FuzzInputs.Known(aliceWallet, bobWallet, aliceId, List.copyOf(ids));
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * A new session of the demo user, minted by the partner (a signed request; no password hashing). Each
     * is signed with a later {@code t}, as a signature is good for one request.
     */
    private static final java.util.concurrent.atomic.AtomicInteger TOKENS_MINTED = new java.util.concurrent.atomic.AtomicInteger();

    private static String partnerToken(String userId) {
        byte[] body = ("{\"env_id\":\"" + DemoData.ENV_ID + "\",\"user_id\":\"" + userId + "\"}").getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/auth/partner-token";
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .header(PartnerRequestSigner.HEADER, new PartnerRequestSigner(DemoData.ENV_SECRET).sign("POST", path, body,
                        Instant.now().getEpochSecond() + TOKENS_MINTED.getAndIncrement()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Caller.json(r).get("access_token").getAsString();
    }

    /** The demo user's wallets active again, as the operator (the strongest actor) sets them. */
    private static void unlock(LedgerService ledger, String aliceId) {
        for (WalletSnapshot w : ledger.wallets(DemoData.ENV_ID, aliceId)) {
            if (w.status() == WalletStatus.LOCKED || w.status() == WalletStatus.SUSPENDED) {
                ledger.setWalletStatus(new WalletStatusChange(new EnvId(DemoData.ENV_ID), null, new WalletId(w.id()),
                        WalletStatus.ACTIVE, StatusActor.OPERATOR, "route fuzz")).orThrow();
            }
        }
    }

    /** The seed of one example: the run's seed, the route and the example's number, mixed. */
    static long exampleSeed(long seed, String route, int example) {
        long z = seed + 0x9E3779B97F4A7C15L * (route.hashCode() * 31L + example + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String summary(Map<String, Tally> tallies, Duration took, int backgroundChanges) {
        StringBuilder b = new StringBuilder("RouteFuzzTest: " + tallies.size() + " routes in " + took.toSeconds() + " s; "
                + backgroundChanges + " ledger change(s) from background work, cleared by a quiet retry\n");
        b.append(String.format("%-58s %5s %5s %5s %5s %5s %5s%n", "route", "sent", "2xx", "4xx", "401", "fail", "skip"));
        tallies.forEach((name, t) -> b.append(String.format("%-58s %5d %5d %5d %5d %5d %5d%n",
                name.length() > 58 ? name.substring(0, 58) : name, t.sent, t.ok, t.clientErrors, t.unauthenticated, t.failed, t.skipped)));
        return b.toString();
    }
}
