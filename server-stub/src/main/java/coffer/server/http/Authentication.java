package coffer.server.http;

import coffer.server.auth.Principal;
import coffer.server.auth.TokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Set;

/**
 * The user API's door: every {@code /api/v1/...} request except signing in needs
 * {@code Authorization: Bearer <access token>}; the caller is stored for the routes to read with
 * {@link Requests#principal(Context)}. Partner routes under {@value #PARTNER_PREFIX} are signed with
 * {@code X-Wallet-Signature} instead ({@link PartnerSignatures}), so this door leaves them to that check.
 */
final class Authentication implements HttpApi.Routes {
    static final Set<String> OPEN_PATHS = Set.of("/api/v1/auth/register", "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/partner-token");
    static final String PARTNER_PREFIX = "/api/v1/partner/";
    static final String SEED_002_PREFIX = "/wallet/api/";

    private final TokenService tokens;

    Authentication(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/api/v1/*", this::authenticate);
        // seed 002's browser endpoints, for a signed-in user
        routes.before(SEED_002_PREFIX + "*", this::authenticate);
    }

    private void authenticate(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path()) || ctx.path().startsWith(PARTNER_PREFIX) || "OPTIONS".equals(ctx.method().name())) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Principal principal = tokens.authenticate(token).orThrow();
        ctx.attribute(Requests.PRINCIPAL, principal);
    }
}
