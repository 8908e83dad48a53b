package coffer.server.redirect;

import coffer.server.http.Access;
import coffer.server.http.HttpApi;
import coffer.server.http.RateLimited;
import coffer.server.http.PartnerSignatures;
import coffer.server.webhook.SignedRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;

/**
 * {@code PUT /api/v1/partner/return-origins}, signed with {@code X-Wallet-Signature} like the webhook
 * URL: the partner lists the origins its users' return URLs may be on. The list replaces the one before;
 * an empty list leaves only Coffer's own origin.
 */
public record ReturnOriginRoutes(ReturnOrigins origins, PartnerSignatures signatures) implements HttpApi.Routes {
    /** The request and the answer: the answer's origins are normalised and sorted. */
    record ReturnOriginsConfig(String envId, List<String> origins) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/api/v1/partner/return-origins", this::replace, Access.SIGNED, RateLimited.PARTNER);
    }

    private void replace(Context ctx) {
        ReturnOriginsConfig config = SignedRequests.body(ctx, signatures, ReturnOriginsConfig.class);
        ctx.json(new ReturnOriginsConfig(config.envId(), origins.replace(config.envId(), config.origins())));
    }
}
