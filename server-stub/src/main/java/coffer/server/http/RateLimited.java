package coffer.server.http;

import io.javalin.security.RouteRole;

/**
 * The rate limit a route is counted against, declared where it is registered:
 * {@code routes.post("/api/v1/payments", this::create, RateLimited.MONEY)}. {@link RateLimiting}
 * applies it to the route that matched, whatever spelling of its path the request used. A route that
 * changes anything declares either one of these or {@link NoRateLimit} with its reason; a test over
 * every registered route holds that.
 */
public enum RateLimited implements RouteRole {
    /** A password or refresh token can be guessed here: counted per client IP and route. */
    SIGN_IN,
    /**
     * Moves money or calls the payment provider for a signed-in user: counted per user, one allowance
     * shared by every such route.
     */
    MONEY,
    /**
     * A partner's signed request that moves money, calls the provider or changes the partner's setup:
     * counted per environment, once the request's signature is proven to be that environment's.
     */
    PARTNER
}
