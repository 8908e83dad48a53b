package coffer.server.http;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.signature.PartnerRequestSigner;
import coffer.core.signature.PartnerRequestVerifier;
import coffer.server.db.Database;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one check of a partner's signed request ({@code X-Wallet-Signature}, SPEC.md "Signatures") for
 * every partner-facing route: the signature must be made with one of the environment's active secrets
 * over this method, path with query and body, within 300 s, and must not have been used before. An
 * unknown environment, a missing, wrong or stale signature, or a used one is 401 {@code INVALID_SIGNATURE}.
 *
 * <p>One signature, one request: once a signature verifies, its use is recorded in the database
 * ({@link UsedSignatures}) before the route does anything, so a captured request sent again (with
 * another {@code Idempotency-Key} or none, to this process or another on the same database) is refused
 * even if the first was itself refused later, say for a bad amount. A signature names what it covers
 * (time, method, path, body: {@link PartnerRequestVerifier#signatureDigest}), so respelling the header does
 * not make it new. The one exception is a money route whose {@code Idempotency-Key} replays a stored
 * answer ({@link #requireRetryable}): there the same signed request with the same key as its first use
 * passes, and the route replays its answer without moving money again. Uses are kept per environment,
 * so one partner's requests never spend another's.
 *
 * <p>Because the use is recorded first, a request that then fails (a 5xx, the database unavailable)
 * has spent its signature too: the partner signs the retry afresh (a new {@code t}), or, on a money
 * route, sends it again with the same key.
 */
public final class PartnerSignatures {
    /**
     * How long past the signature's own 300 s its use is remembered: the clocks of processes sharing a
     * database may disagree, and one whose clock is behind still accepts the signature that long.
     */
    static final Duration CLOCK_SKEW_MARGIN = Duration.ofMinutes(5);
    /** How often used signatures past their expiry are removed. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PartnerSignatures.class);


    private final Tenants tenants;
    private final UsedSignatures used;
    private final Clock clock;

    public PartnerSignatures(Tenants tenants, Database database, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.used = new UsedSignatures(Objects.requireNonNull(database, "database"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks that the request was signed by environment {@code envId} and that its signature was never
     * used before; throws {@code INVALID_SIGNATURE} otherwise. Read the body with {@code ctx.bodyAsBytes()}
     * (it is cached) before or after.
     */
    public void require(Context ctx, String envId) {
        check(ctx, envId, false);
    }

    /**
     * As {@link #require}, for a route whose {@code Idempotency-Key} replays a stored answer: a signature
     * already used passes when it comes with the same key as its first use.
     */
    public void requireRetryable(Context ctx, String envId) {
        check(ctx, envId, true);
    }

    /** Removes the used signatures past their expiry every minute on {@code executor}, which must outlive no database. */
    public void schedulePurge(ScheduledExecutorService executor) {
        long every = PURGE_EVERY.toMillis();
        executor.scheduleWithFixedDelay(this::purgeExpired, every, every, TimeUnit.MILLISECONDS);
    }

    /** Removes the used signatures past their expiry; a failure is logged and left to the next run. */
    void purgeExpired() {
        try {
            int removed = used.purgeExpired(clock.instant());
            log.debug("Removed {} expired partner signatures", removed);
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            log.warn("Expired partner signatures could not be removed; trying again in {}", PURGE_EVERY, e);
        }
    }

    private void check(Context ctx, String envId, boolean retryable) {
        EnvId env = envId == null ? null : new EnvId(envId);
        List<String> secrets = env != null && tenants.environment(env).isPresent() ? tenants.secrets(env) : List.of();
        if (secrets.isEmpty()) {
            throw new CofferException(ErrorCode.INVALID_SIGNATURE, "The request signature is missing or invalid.");
        }
        String method = ctx.method().name();
        String pathWithQuery = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        byte[] body = ctx.bodyAsBytes();
        Instant signedAt = new PartnerRequestVerifier(secrets).verify(ctx.header(PartnerRequestSigner.HEADER), method,
                pathWithQuery, body, clock.instant()).orThrow();
        String key = ctx.header(Requests.IDEMPOTENCY_KEY);
        Optional<UsedSignatures.FirstUse> first = used.use(envId, PartnerRequestVerifier.signatureDigest(signedAt, method,
                pathWithQuery, body), key, signedAt.plus(PartnerRequestVerifier.DEFAULT_TOLERANCE).plus(CLOCK_SKEW_MARGIN));
        if (first.isPresent() && !(retryable && key != null && key.equals(first.get().idempotencyKey()))) {
            throw new CofferException(ErrorCode.INVALID_SIGNATURE, "This signature was already used: a signature is good for "
                    + "one request, so sign each request afresh (a new t).", Map.of("reason", "signature_reused"));
        }
        // the environment is proven (and the signature fresh) only now: its rate limit counts from here,
        // never on a forged claim or a replay
        RateLimiting.signatureProven(ctx, envId);
    }
}
