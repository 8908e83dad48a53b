package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link RateLimits} to the user API. Runs after {@link Authentication}, so a money-moving
 * request is counted against the signed-in user, not an address several users may share. A refusal is
 * 429 RATE_LIMITED with {@code Retry-After} in whole seconds.
 */
final class RateLimiting implements HttpApi.Routes {
    /** Beyond this many tracked clients, idle ones (full buckets) are forgotten. */
    static final int MAX_TRACKED = 50_000;

    private final RateLimits limits;
    private final Buckets signIn;
    private final Buckets moneyMoving;

    RateLimiting(RateLimits limits) {
        this.limits = limits;
        this.signIn = limits.signIn() == null ? null : new Buckets(limits.signIn());
        this.moneyMoving = limits.moneyMoving() == null ? null : new Buckets(limits.moneyMoving());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/v1/*", this::check);
        routes.before(Authentication.SEED_002_PREFIX + "*", this::check);
    }

    private void check(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        String path = ctx.path();
        if (signIn != null && limits.signInPaths().contains(path)) {
            signIn.take(ctx, ctx.ip() + " " + path);
        } else if (moneyMoving != null && limits.movesMoney(path)) {
            Principal p = Requests.principal(ctx);
            moneyMoving.take(ctx, p.envId() + "/" + p.userId());
        }
    }

    /** One token bucket per client key. */
    private static final class Buckets {
        private final RateLimits.Limit limit;
        private final Map<String, Bucket> byKey = new ConcurrentHashMap<>();

        Buckets(RateLimits.Limit limit) {
            this.limit = limit;
        }

        void take(Context ctx, String key) {
            if (byKey.size() > MAX_TRACKED) {
                byKey.values().removeIf(b -> b.getAvailableTokens() >= limit.requests());
                if (byKey.size() > MAX_TRACKED) {
                    // a flood of distinct clients: forget them all rather than grow or scan on every request
                    byKey.clear();
                }
            }
            ConsumptionProbe probe = byKey.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                    .build()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                ctx.header("Retry-After", Long.toString(seconds));
                throw new CofferException(ErrorCode.RATE_LIMITED,
                        "Too many requests; retry in " + seconds + " s.", Map.of("retry_after", Long.toString(seconds)));
            }
        }
    }
}
