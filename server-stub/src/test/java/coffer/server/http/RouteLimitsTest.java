package coffer.server.http;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.core.kyc.KycLimitTable;
import coffer.core.signature.PartnerRequestSigner;
import coffer.server.json.Json;
import coffer.server.testing.ServerExtension;
import coffer.server.testing.TestServer;
import com.google.gson.JsonObject;
import io.javalin.security.RouteRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that changes something has decided its rate limit where it is registered, so a new route
 * without a decision fails here; and each limit class counts the way it says: money per user, partner
 * requests per environment once signed, whatever spelling of the path reached the route.
 */
class RouteLimitsTest {
    private static final int BURST = 2;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @RegisterExtension
    static final ServerExtension server = new ServerExtension(TestServer.settings().withRateLimits(RateLimits.defaults()
            .withSignIn(new RateLimits.Limit(10_000, Duration.ofHours(1)))
            .withMoneyMoving(new RateLimits.Limit(BURST, Duration.ofHours(1)))
            .withPartner(new RateLimits.Limit(BURST, Duration.ofHours(1)))));

    /** What issue 14 requires to be limited, and how; a route added to a limit class is added here too. */
    private static final Map<String, RateLimited> REQUIRED = Map.ofEntries(
            Map.entry("POST /api/v1/auth/login", RateLimited.SIGN_IN),
            Map.entry("POST /api/v1/auth/register", RateLimited.SIGN_IN),
            Map.entry("POST /api/v1/auth/refresh", RateLimited.SIGN_IN),
            Map.entry("POST /api/v1/payments", RateLimited.MONEY),
            Map.entry("POST /api/v1/payments/batch", RateLimited.MONEY),
            Map.entry("POST /api/v1/transfers", RateLimited.MONEY),
            Map.entry("POST /api/v1/orders", RateLimited.MONEY),
            Map.entry("POST /api/v1/topups", RateLimited.MONEY),
            Map.entry("POST /api/v1/topups/{id}/refunds", RateLimited.MONEY),
            Map.entry("POST /api/v1/withdrawals", RateLimited.MONEY),
            Map.entry("POST /api/v1/withdrawals/{id}/approve", RateLimited.MONEY),
            Map.entry("POST /api/v1/withdrawals/{id}/reject", RateLimited.MONEY),
            Map.entry("POST /api/v1/refunds", RateLimited.MONEY),
            Map.entry("POST /api/v1/payments/{id}/approve", RateLimited.MONEY),
            Map.entry("POST /api/v1/payments/{id}/reject", RateLimited.MONEY),
            Map.entry("POST /api/v1/settlements", RateLimited.MONEY),
            Map.entry("POST /api/v1/settlement-schedules", RateLimited.MONEY),
            Map.entry("POST /api/v1/cards/{id}/charges", RateLimited.MONEY),
            Map.entry("GET /api/v1/bank-accounts/resolve", RateLimited.MONEY),
            Map.entry("POST /api/v1/bank-accounts", RateLimited.MONEY),
            Map.entry("POST /wallet/api/wallets/default/deposit/", RateLimited.MONEY),
            Map.entry("POST /wallet/api/wallets/default/transfer/", RateLimited.MONEY),
            Map.entry("POST /wallet/", RateLimited.PARTNER),
            Map.entry("PATCH /wallet/{id}/status/", RateLimited.PARTNER),
            Map.entry("POST /wallet/topup/", RateLimited.PARTNER),
            Map.entry("POST /wallet/withdraw/", RateLimited.PARTNER),
            Map.entry("POST /wallet/payment/", RateLimited.PARTNER),
            Map.entry("POST /wallet/organizations/", RateLimited.PARTNER),
            Map.entry("POST /wallet/organizations/{id}/members/", RateLimited.PARTNER),
            Map.entry("POST /wallet/organizations/{id}/members/remove/", RateLimited.PARTNER),
            Map.entry("POST /v1/payIns", RateLimited.PARTNER),
            Map.entry("POST /v1/payOuts", RateLimited.PARTNER),
            Map.entry("POST /v1/transfers", RateLimited.PARTNER),
            Map.entry("POST /api/v1/partner/refunds", RateLimited.PARTNER),
            Map.entry("PUT /api/v1/partner/webhook", RateLimited.PARTNER),
            Map.entry("PUT /api/v1/partner/return-origins", RateLimited.PARTNER),
            Map.entry("POST /api/v1/partner/webhook-deliveries/{id}/replay", RateLimited.PARTNER),
            Map.entry("POST /api/v1/auth/partner-token", RateLimited.PARTNER));

    @Test
    void everyRouteThatChangesSomethingHasDecidedItsRateLimit() {
        List<String> undecided = new ArrayList<>();
        for (HttpApi.Route route : server.get().server().routes()) {
            long decisions = route.roles().stream().filter(r -> r instanceof RateLimited || r instanceof NoRateLimit).count();
            if (WRITES.contains(route.method()) ? decisions != 1 : decisions > 1) {
                undecided.add(route.method() + " " + route.path() + " " + route.roles());
            }
            // each class counts a caller the door has established: an IP, a signed-in user, a signed environment
            Set<RouteRole> roles = route.roles();
            if (roles.contains(RateLimited.SIGN_IN) && !roles.contains(Access.PUBLIC)
                    || roles.contains(RateLimited.MONEY) && (roles.contains(Access.PUBLIC) || roles.contains(Access.SIGNED))
                    || roles.contains(RateLimited.PARTNER) && !roles.contains(Access.SIGNED)) {
                undecided.add(route.method() + " " + route.path() + " counts a caller its door does not establish: " + roles);
            }
        }
        assertThat(undecided).as("routes with no rate-limit decision (RateLimited or NoRateLimit), or several").isEmpty();
    }

    @Test
    void everyMoneyMovingSignInAndPartnerRouteIsLimitedAsRequired() {
        Map<String, RateLimited> limited = new TreeMap<>();
        for (HttpApi.Route route : server.get().server().routes()) {
            for (RouteRole role : route.roles()) {
                if (role instanceof RateLimited kind) {
                    limited.put(route.method() + " " + route.path(), kind);
                }
            }
        }
        assertThat(limited).isEqualTo(new TreeMap<>(REQUIRED));
    }

    static Stream<String> moneyRoutes() {
        return routesOf(RateLimited.MONEY);
    }

    static Stream<String> partnerRoutes() {
        return routesOf(RateLimited.PARTNER);
    }

    private static Stream<String> routesOf(RateLimited kind) {
        return server.get().server().routes().stream().filter(r -> r.roles().contains(kind)).map(r -> r.method() + " " + r.path());
    }

    @ParameterizedTest
    @MethodSource("moneyRoutes")
    void everyMoneyRouteIsLimitedPerUser(String route) {
        String method = route.substring(0, route.indexOf(' '));
        String path = Spellings.fill(route.substring(route.indexOf(' ') + 1), "x1");
        RawHttp user = signedIn();
        for (int i = 0; i < BURST; i++) {
            RawHttp.Answer r = user.send(method, path, "{}");
            assertThat(r.rateLimited()).as("request %d: %s", i + 1, r.body()).isFalse();
        }
        assertThat(user.send(method, path, "{}").rateLimited()).as("one request beyond the burst").isTrue();
        assertThat(signedIn().send(method, path, "{}").rateLimited()).as("another user").isFalse();
    }

    @ParameterizedTest
    @MethodSource("partnerRoutes")
    void everyPartnerRouteIsLimitedPerEnvironmentOnlyOnceSigned(String route) {
        String method = route.substring(0, route.indexOf(' '));
        String path = Spellings.fill(route.substring(route.indexOf(' ') + 1), "x1");
        Partner partner = Partner.create();
        for (int i = 0; i < BURST + 3; i++) {
            RawHttp.Answer unsigned = partner.unsigned(method, path);
            assertThat(unsigned.status()).as(unsigned.body()).isIn(400, 401);
        }
        for (int i = 0; i < BURST; i++) {
            RawHttp.Answer r = partner.signed(method, path);
            assertThat(r.rateLimited()).as("signed request %d: %s", i + 1, r.body()).isFalse();
        }
        assertThat(partner.signed(method, path).rateLimited()).as("one signed request beyond the burst").isTrue();
        assertThat(Partner.create().signed(method, path).rateLimited()).as("another environment").isFalse();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(RateLimiting.clientAddress("2001:db8:1:2:aaaa::1")).isEqualTo(RateLimiting.clientAddress("2001:db8:1:2::ffff"))
                .isNotEqualTo(RateLimiting.clientAddress("2001:db8:1:3::1"));
        assertThat(RateLimiting.clientAddress("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void aPartnerCannotSpellItsWayPastItsLimit() {
        Partner partner = Partner.create();
        assertThat(partner.signed("POST", "/wallet/topup").rateLimited()).isFalse();
        assertThat(partner.signed("POST", "/wallet/topup/?x=1").rateLimited()).isFalse();
        assertThat(partner.signed("POST", "/wallet/topup").rateLimited()).isTrue();
        assertThat(partner.signed("POST", "/wallet/withdraw/").rateLimited()).as("one allowance per environment").isTrue();
    }

    /**
     * A user of an environment of its own, signed in through the partner's token route (no password to
     * hash, so it is quick).
     */
    private static RawHttp signedIn() {
        Partner partner = Partner.create();
        new Tenants(server.get().server().ledger()).ensureUser(NewUser.byExternalId(new EnvId(partner.envId), "nobody",
                "Limited"))
                .orThrow();
        RawHttp.Answer minted = partner.signed("POST", "/api/v1/auth/partner-token");
        assertThat(minted.status()).as(minted.body()).isEqualTo(200);
        String token = Json.gson().fromJson(minted.body(), JsonObject.class).get("access_token").getAsString();
        return RawHttp.to(server.get().server().port(), "127.0.0.1").header("Authorization", "Bearer " + token);
    }

    /** An environment of its own, and its signed requests. */
    private record Partner(String envId, String secret) {
        static Partner create() {
            int n = SEQUENCE.incrementAndGet();
            Partner p = new Partner("limits-env-" + n, "secret_RouteLimitsTestEnvironment" + String.format("%06d", n));
            new Tenants(server.get().server().ledger()).ensureEnvironment(new EnvId(p.envId), "Partner " + n, p.secret, null, KycLimitTable.defaults());
            return p;
        }

        private String body() {
            return "{\"env_id\":\"" + envId + "\",\"user_id\":\"nobody\"}";
        }

        private RawHttp client() {
            return RawHttp.to(server.get().server().port(), "127.0.0.1").header("X-Env-Id", envId);
        }

        RawHttp.Answer unsigned(String method, String pathWithQuery) {
            return client().send(method, pathWithQuery, body());
        }

        /**
         * A signed request; a query parameter makes each one a new request with a signature of its own
         * (a signature is good for one request, and the same bytes signed in the same second would be a
         * replay, refused before any limit counts it).
         */
        RawHttp.Answer signed(String method, String pathWithQuery) {
            String unique = pathWithQuery + (pathWithQuery.contains("?") ? "&" : "?") + "n=" + SEQUENCE.incrementAndGet();
            String signature = new PartnerRequestSigner(secret).sign(method, unique,
                    body().getBytes(StandardCharsets.UTF_8), Instant.now());
            return client().header(PartnerRequestSigner.HEADER, signature).send(method, unique, body());
        }
    }
}
