package coffer.server.http;

import coffer.server.auth.Principal;
import coffer.server.auth.TokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;

import java.util.Set;

/**
 * The door in front of every route: it decides from the route that matched the request (its declared
 * {@link Access}), never from the path as spelled, so a trailing slash or any other spelling that
 * reaches a route meets the same check. A route that declared no access needs
 * {@code Authorization: Bearer <access token>}; the caller is then stored for the route to read with
 * {@link Requests#principal(Context)}. {@link Access#PUBLIC} routes pass; {@link Access#SIGNED} routes
 * prove the caller themselves ({@link PartnerSignatures}, the provider's key or signature).
 */
record Authentication(TokenService tokens) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::authenticate);
    }

    private void authenticate(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.PUBLIC) || roles.contains(Access.SIGNED)) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Principal principal = tokens.authenticate(token).orThrow();
        ctx.attribute(Requests.PRINCIPAL, principal);
    }
}
