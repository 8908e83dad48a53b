package coffer.server.http;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.signature.PartnerRequestVerifier;
import coffer.server.ledger.LedgerService;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The one check of a partner's signed request ({@code X-Wallet-Signature}, SPEC.md "Signatures") for
 * every partner-facing route: the signature must be made with one of the environment's active secrets
 * over this method, path with query and body, within 300 s. An unknown environment, a missing or
 * wrong signature, or a stale one is 401 {@code INVALID_SIGNATURE}: all look the same to the caller.
 */
public final class PartnerSignatures {
    private final LedgerService ledger;
    private final Clock clock;

    public PartnerSignatures(LedgerService ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks that the request was signed by environment {@code envId}; throws {@code INVALID_SIGNATURE}
     * otherwise. Read the body with {@code ctx.bodyAsBytes()} (it is cached) before or after.
     */
    public void require(Context ctx, String envId) {
        List<String> secrets = envId != null && ledger.environment(envId).isPresent() ? ledger.secrets(envId) : List.of();
        if (secrets.isEmpty()) {
            throw new CofferException(ErrorCode.INVALID_SIGNATURE, "The request signature is missing or invalid.");
        }
        String pathWithQuery = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        new PartnerRequestVerifier(secrets).verify(ctx.header("X-Wallet-Signature"), ctx.method().name(), pathWithQuery,
                ctx.bodyAsBytes(), clock.instant()).orThrow();
        // the environment is proven only now: its rate limit counts from here, never on a forged claim
        RateLimiting.signatureProven(ctx, envId);
    }
}
