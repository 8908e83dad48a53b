package coffer.server.kyc;

import coffer.server.http.NoRateLimit;
import coffer.core.api.KycTypes.KycSubmissionRequest;
import coffer.server.auth.Principal;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/v1/kyc}: the caller's verification status with their limits, and submitting their
 * identity for verification.
 */
public record KycRoutes(KycService kyc) implements HttpApi.Routes {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/kyc", this::status);
        routes.post("/api/v1/kyc/submissions", this::submit,
                NoRateLimit.because("one pending submission per user at a time, decided by the verifier in this process"));
    }

    private void status(Context ctx) {
        ctx.json(kyc.status(Requests.principal(ctx), ctx.queryParam("currency")));
    }

    private void submit(Context ctx) {
        Principal p = Requests.principal(ctx);
        KycApplication application = KycApplication.from(Requests.body(ctx, KycSubmissionRequest.class), kyc.today());
        ctx.status(202).json(kyc.submit(p, application));
    }
}
