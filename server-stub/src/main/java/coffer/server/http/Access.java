package coffer.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may reach a route, declared where it is registered: {@code routes.post(path, handler, Access.PUBLIC)}.
 * {@link Authentication} reads it from the route that matched the request, never from the path as
 * spelled, so every spelling that reaches a route meets the same door. A route that declares neither
 * needs a user's Bearer access token: forgetting to declare fails closed.
 */
public enum Access implements RouteRole {
    /**
     * No credential at the door: the sign-in routes (the credential is in the body), health, metrics,
     * the API description, and pages a browser opens.
     */
    PUBLIC,
    /**
     * The route proves the caller itself before it acts: a partner's {@code X-Wallet-Signature} through
     * {@link PartnerSignatures}, or the payment provider's key or webhook signature.
     */
    SIGNED
}
