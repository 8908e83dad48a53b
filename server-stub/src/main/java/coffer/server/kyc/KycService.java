package coffer.server.kyc;

import coffer.server.tenant.KycChange;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.tenant.Tenants;
import coffer.server.ledger.rules.HolderLimits;
import coffer.core.api.KycTypes.KycStatusResponse;
import coffer.core.api.KycTypes.KycSubmissionResponse;
import coffer.core.api.KycTypes.Limits;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.kyc.TierLimits;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.core.wallet.WalletStatus;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.ledger.rules.HolderLimits;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import coffer.server.tenant.User;
import coffer.server.ledger.WalletSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Identity verification: a submission moves the user to {@code pending} at once. With the provider
 * simulator the simulated verifier ({@link KycSimulator}) decides after a delay on the server's
 * background executor (submissions still pending when the server stops are decided after the next
 * start); without it, a submission waits for the operator's decision ({@code kyc decide}, through
 * {@link #decide}). Every status change goes through {@link Tenants#setKyc}, which audits it.
 *
 * <p>Logs name submissions by id and outcome only: never the person or the document.
 */
public final class KycService {
    private static final Logger log = LoggerFactory.getLogger(KycService.class);
    /** The currency limits are shown in for a user who has no wallet and asked for none. */
    static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");
    static final String VERIFIER = "kyc-verifier";
    static final String OPERATOR = "operator";

    private final LedgerService ledger;

    private final Tenants tenants;
    private final KycStore store;
    private final ScheduledExecutorService background;
    private final Duration delay;
    private final Clock clock;
    /** Whether the simulated verifier decides submissions; when not, the operator does. */
    private final boolean simulatedVerifier;

    /**
     * @param background runs the verifier's decisions; owned (and shut down) by the caller
     * @param delay      how long the verifier takes to decide; zero decides at once
     * @param simulatedVerifier true to let {@link KycSimulator} decide every submission (demo and test
     *                   servers only: it approves anything but its documented rejection values)
     */
    public KycService(LedgerService ledger, Tenants tenants, Database database, ScheduledExecutorService background,
                      Duration delay, Clock clock, boolean simulatedVerifier) {
        this.simulatedVerifier = simulatedVerifier;
        this.ledger = ledger;
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.store = new KycStore(database);
        this.background = background;
        this.delay = delay;
        this.clock = clock;
    }

    /** The service as the operator's {@code kyc decide} uses it: decisions only, no verifier. */
    public static KycService forOperator(LedgerService ledger, Database database) {
        return new KycService(ledger, new Tenants(ledger), database, null, Duration.ZERO, Clock.systemUTC(), false);
    }

    /**
     * The caller's status, tier and limits in one currency: {@code currencyCode} if given, else their
     * first open wallet's, else USD. The limits are the caller's as a holder: {@code remaining_today}
     * is what all of their wallets in the currency may still send together (the whole daily limit
     * when they hold none), the same for every one of those wallets.
     */
    KycStatusResponse status(Principal p, String currencyCode) {
        User user = user(p);
        List<WalletSnapshot> wallets = ledger.wallets(p.envId(), p.userId()).stream()
                .filter(w -> w.status() != WalletStatus.CLOSED).toList();
        Currency currency = currencyCode != null ? Currencies.of(currencyCode)
                : wallets.isEmpty() ? DEFAULT_CURRENCY : wallets.get(0).currency();
        HolderLimits holder = ledger.holderLimits(p.envId(), p.userId(), currency)
                .orElseThrow(KycService::gone);
        TierLimits limits = holder.limits();
        Money remaining = holder.remainingToday();
        return new KycStatusResponse(user.kycStatus().wireName(), user.kycTier().wireValue(), currency.getCurrencyCode(),
                new Limits(limits.perTransaction().toDecimalString(), limits.daily().toDecimalString(),
                        limits.maxBalance().toDecimalString()),
                remaining.toDecimalString());
    }

    /**
     * Starts verification: 409 INVALID_STATUS_TRANSITION when the caller is already pending or verified.
     */
    KycSubmissionResponse submit(Principal p, KycApplication application) {
        user(p).kycStatus().transitionTo(KycStatus.PENDING).orThrow();
        KycSubmission submission = new KycSubmission(Ids.next("kyc"), p.envId(), p.userId(), application, clock.instant());
        if (!store.insertPending(submission)) {
            throw new CofferException(ErrorCode.INVALID_STATUS_TRANSITION, "A verification is already pending.");
        }
        Result<User> started = tenants.setKyc(new KycChange(new EnvId(p.envId()), new UserId(p.userId()),
                KycStatus.PENDING, null, "user", "identity submitted for verification"));
        if (!started.isOk()) {
            store.delete(submission.id());
            started.orThrow();
        }
        if (simulatedVerifier) {
            schedule(submission, delay);
        } else {
            log.info("KYC submission {} waits for the operator's decision", submission.id());
        }
        return new KycSubmissionResponse(submission.id(), KycStatus.PENDING.wireName(), submission.submittedAt().toString());
    }

    /** Schedules a decision for every submission left pending by an earlier run. */
    public void resumePending() {
        if (!simulatedVerifier) {
            return;
        }
        Instant now = clock.instant();
        for (KycSubmission s : store.pending()) {
            Duration left = Duration.between(now, s.submittedAt().plus(delay));
            schedule(s, left.isNegative() ? Duration.ZERO : left);
        }
    }

    /**
     * The operator's decision on a user's verification: {@code verified} (at {@code tier}, tier 1 when
     * null) or {@code rejected}. Decides the user's pending submission; for a verified user, only the tier
     * changes. Audited with actor {@code operator}.
     *
     * @return the user as decided, or the refusal: NOT_FOUND for an unknown user, INVALID_STATUS_TRANSITION
     *         when the decision does not follow from the user's status (nothing was submitted, say)
     */
    public Result<User> decide(String envId, String userId, KycStatus status, KycTier tier, String reason) {
        if (status != KycStatus.VERIFIED && status != KycStatus.REJECTED) {
            throw new IllegalArgumentException("an operator decides verified or rejected, not " + status.wireName());
        }
        KycTier decided = status == KycStatus.VERIFIED ? (tier == null ? KycTier.TIER_1 : tier) : null;
        Result<User> applied = tenants.setKyc(new KycChange(new EnvId(envId), new UserId(userId), status, decided,
                OPERATOR, reason));
        if (applied.isOk()) {
            store.decideAll(envId, userId, status, reason, clock.instant());
        }
        return applied;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private void schedule(KycSubmission s, Duration after) {
        try {
            background.schedule(() -> decide(s), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.info("KYC submission {} stays pending: the server is stopping; it is decided after the next start", s.id());
        }
    }

    private void decide(KycSubmission s) {
        try {
            KycSimulator.Verdict verdict = KycSimulator.decide(s.application(), today());
            KycTier tier = verdict.status() == KycStatus.VERIFIED ? KycTier.TIER_1 : null;
            Result<User> applied = tenants.setKyc(new KycChange(new EnvId(s.envId()), new UserId(s.userId()),
                    verdict.status(), tier, VERIFIER, verdict.reason()));
            String reason = applied.isOk() ? verdict.reason() : verdict.reason() + " (not applied: " + applied.errorCode() + ")";
            store.decide(s.id(), verdict.status(), reason, clock.instant());
            log.info("KYC submission {} decided: {}{}", s.id(), verdict.status().wireName(), applied.isOk() ? "" : " (not applied)");
        } catch (RuntimeException e) {
            log.warn("KYC submission {} could not be decided; it stays pending until the next start", s.id(), e);
        }
    }

    private User user(Principal p) {
        return tenants.user(new EnvId(p.envId()), new UserId(p.userId())).orElseThrow(KycService::gone);
    }

    private static CofferException gone() {
        return new CofferException(ErrorCode.UNAUTHORIZED, "The signed-in user no longer exists.");
    }
}
