package coffer.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests a client may make: per client IP on each sign-in route, per signed-in user across
 * the routes that move money or call the provider, and per partner environment across its signed
 * writes. Which route counts against which limit is declared where the route is registered
 * ({@link RateLimited}). A limit is a bucket of {@code requests} tokens refilled evenly over
 * {@code per}, so a client may burst up to {@code requests} at once. A null limit turns that check off
 * (tests and benchmarks raise or drop the limits; the defaults fit the demo app).
 *
 * @param signIn            per client IP and sign-in route, or null for no limit
 * @param moneyMoving       per signed-in user across every {@link RateLimited#MONEY} route, or null
 * @param partner           per environment across every {@link RateLimited#PARTNER} route, or null
 * @param maxTrackedClients how many clients a single process remembers at most (SQLite); beyond that
 *                          the least used are forgotten first. On PostgreSQL the buckets live in the
 *                          database and expired ones are deleted instead.
 */
public record RateLimits(Limit signIn, Limit moneyMoving, Limit partner, int maxTrackedClients) {
    public static final int DEFAULT_MAX_TRACKED_CLIENTS = 50_000;

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
        if (maxTrackedClients < 1) {
            throw new IllegalArgumentException("maxTrackedClients must be at least 1, was " + maxTrackedClients);
        }
    }

    /**
     * 10 attempts a minute per IP on each sign-in route; 30 money-moving requests a minute per user;
     * 600 signed writes a minute per partner environment.
     */
    public static RateLimits defaults() {
        return new RateLimits(Limit.perMinute(10), Limit.perMinute(30), Limit.perMinute(600), DEFAULT_MAX_TRACKED_CLIENTS);
    }

    /** No rate limiting at all. */
    public static RateLimits off() {
        return new RateLimits(null, null, null, DEFAULT_MAX_TRACKED_CLIENTS);
    }

    public RateLimits withSignIn(Limit limit) {
        return new RateLimits(limit, moneyMoving, partner, maxTrackedClients);
    }

    public RateLimits withMoneyMoving(Limit limit) {
        return new RateLimits(signIn, limit, partner, maxTrackedClients);
    }

    public RateLimits withPartner(Limit limit) {
        return new RateLimits(signIn, moneyMoving, limit, maxTrackedClients);
    }

    public RateLimits withMaxTrackedClients(int clients) {
        return new RateLimits(signIn, moneyMoving, partner, clients);
    }

    /** The limit of one class of routes, or null when that class is not limited. */
    Limit of(RateLimited kind) {
        return switch (kind) {
            case SIGN_IN -> signIn;
            case MONEY -> moneyMoving;
            case PARTNER -> partner;
        };
    }

    boolean anyOn() {
        return signIn != null || moneyMoving != null || partner != null;
    }
}
