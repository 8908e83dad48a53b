package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.db.Dialect;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies {@link RateLimits} to the route that matched a request, as that route declared with
 * {@link RateLimited} when it was registered: the decision never depends on how the path was spelled
 * (a trailing slash reaches the same route and the same bucket). It runs after {@link Authentication},
 * so money-moving requests are counted against the signed-in user, not an address several users may
 * share; a partner's request is counted against its environment once {@link PartnerSignatures} has
 * proven the signature, so nobody can use up a partner's allowance with unsigned requests. A refusal is
 * 429 RATE_LIMITED with {@code Retry-After} in whole seconds.
 */
public final class RateLimiting implements HttpApi.Routes, AutoCloseable {
    /** The partner check waiting for {@link #signatureProven}; set only on {@link RateLimited#PARTNER} routes. */
    private static final String PARTNER_CHECK = "coffer.rate-limit.partner";

    private final RateLimits limits;
    /** Each class of routes counts in its own store (one shared table on PostgreSQL); empty when every limit is off. */
    private final Map<RateLimited, BucketStore> buckets;

    private RateLimiting(RateLimits limits, Map<RateLimited, BucketStore> buckets) {
        this.limits = limits;
        this.buckets = buckets;
    }

    /**
     * The limiter for a server on {@code database}: buckets in PostgreSQL, shared by every server process
     * on it; in this process for SQLite (one process per file), each class of routes remembering at most
     * {@link RateLimits#maxTrackedClients()} clients, so a flood of sign-in addresses cannot crowd out
     * signed-in users.
     */
    public static RateLimiting start(RateLimits limits, Database database) {
        Objects.requireNonNull(limits, "limits");
        Map<RateLimited, BucketStore> stores = new EnumMap<>(RateLimited.class);
        BucketStore shared = limits.anyOn() && database.dialect() == Dialect.POSTGRESQL
                ? BucketStore.postgres(database.readers()) : null;
        for (RateLimited kind : RateLimited.values()) {
            if (limits.of(kind) != null) {
                stores.put(kind, shared != null ? shared : BucketStore.inMemory(limits.maxTrackedClients()));
            }
        }
        return new RateLimiting(limits, stores);
    }

    @Override
    public void register(RoutesConfig routes) {
        if (!buckets.isEmpty()) {
            routes.beforeMatched(this::check);
        }
    }

    private void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(RateLimited.SIGN_IN)) {
            take(ctx, RateLimited.SIGN_IN, clientAddress(ctx.ip()) + " " + route(ctx));
        } else if (roles.contains(RateLimited.MONEY)) {
            Principal p = Requests.principal(ctx);
            take(ctx, RateLimited.MONEY, p.envId() + " " + p.userId());
        } else if (roles.contains(RateLimited.PARTNER)) {
            Consumer<String> byEnvironment = envId -> take(ctx, RateLimited.PARTNER, envId);
            ctx.attribute(PARTNER_CHECK, byEnvironment);
        }
    }

    /**
     * Counts a partner request against environment {@code envId} now that its signature is proven;
     * throws RATE_LIMITED when the environment's allowance is used up. Counts once per request, and only
     * on routes that declared {@link RateLimited#PARTNER}.
     */
    static void signatureProven(Context ctx, String envId) {
        Consumer<String> check = ctx.attribute(PARTNER_CHECK);
        if (check != null) {
            ctx.attribute(PARTNER_CHECK, null);
            check.accept(envId);
        }
    }

    /**
     * The address a client is counted by: its IP, or for IPv6 its /64, the block one subscriber usually
     * holds whole (otherwise every guess could come from an address of its own).
     */
    static String clientAddress(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (address.length != 16) {
                return ip;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", address[i], address[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    /** The matched route's template; never the path as spelled, which a client may vary at will. */
    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "*" : matched.path;
    }

    private void take(Context ctx, RateLimited kind, String client) {
        RateLimits.Limit limit = limits.of(kind);
        if (limit == null) {
            return;
        }
        // the limit is part of the key, so buckets kept in the database never outlive a change of limits
        String key = kind + " " + limit.requests() + "/" + limit.per().toMillis() + " " + client;
        Duration wait = buckets.get(kind).take(key, limit);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new CofferException(ErrorCode.RATE_LIMITED,
                    "Too many requests; retry in " + seconds + " s.", Map.of("retry_after", Long.toString(seconds)));
        }
    }

    @Override
    public void close() {
        new HashSet<>(buckets.values()).forEach(BucketStore::close);
    }
}
