package coffer.server.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How many requests a client may make, in one place: per client IP on the sign-in routes, and per
 * signed-in user on every money-moving POST. A limit is a bucket of {@code requests} tokens refilled
 * evenly over {@code per}, so a client may burst up to {@code requests} at once. A null limit turns
 * that check off (tests and benchmarks raise or drop the limits; the defaults fit the demo app).
 *
 * @param signIn              per client IP and path on {@code signInPaths}, or null for no limit
 * @param moneyMoving         per user across every POST under {@code moneyMovingPrefixes}, or null
 * @param signInPaths         exact paths counted against {@code signIn}
 * @param moneyMovingPrefixes path prefixes (whole segments) whose POSTs move money
 */
public record RateLimits(Limit signIn, Limit moneyMoving, Set<String> signInPaths, List<String> moneyMovingPrefixes) {
    /** The routes a password or refresh token can be guessed on. */
    public static final Set<String> SIGN_IN_PATHS = Set.of("/api/v1/auth/login", "/api/v1/auth/register",
            "/api/v1/auth/refresh");
    /** Every user API feature whose POSTs move money, present or planned; a new one is added here. */
    public static final List<String> MONEY_MOVING_PREFIXES = List.of("/api/v1/payments", "/api/v1/transfers",
            "/api/v1/topups", "/api/v1/withdrawals", "/api/v1/refunds", "/api/v1/settlements", "/api/v1/cards", "/wallet/api/wallets");

    /**
     * @param requests the burst size and the number of requests refilled every {@code per}; at least 1
     * @param per      the refill period; positive
     */
    public record Limit(long requests, Duration per) {
        public Limit {
            Objects.requireNonNull(per, "per");
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a limit needs at least 1 request per positive period, got "
                        + requests + " per " + per);
            }
        }

        public static Limit perMinute(long requests) {
            return new Limit(requests, Duration.ofMinutes(1));
        }
    }

    public RateLimits {
        signInPaths = Set.copyOf(signInPaths);
        moneyMovingPrefixes = List.copyOf(moneyMovingPrefixes);
    }

    /** 10 sign-in attempts a minute per IP and path; 30 money-moving requests a minute per user. */
    public static RateLimits defaults() {
        return new RateLimits(Limit.perMinute(10), Limit.perMinute(30), SIGN_IN_PATHS, MONEY_MOVING_PREFIXES);
    }

    /** No rate limiting at all. */
    public static RateLimits off() {
        return new RateLimits(null, null, SIGN_IN_PATHS, MONEY_MOVING_PREFIXES);
    }

    public RateLimits withSignIn(Limit limit) {
        return new RateLimits(limit, moneyMoving, signInPaths, moneyMovingPrefixes);
    }

    public RateLimits withMoneyMoving(Limit limit) {
        return new RateLimits(signIn, limit, signInPaths, moneyMovingPrefixes);
    }

    /** True when {@code path} is one of the money-moving prefixes or below one. */
    boolean movesMoney(String path) {
        for (String prefix : moneyMovingPrefixes) {
            if (path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                return true;
            }
        }
        return false;
    }
}
