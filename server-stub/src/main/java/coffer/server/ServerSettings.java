package coffer.server;

import coffer.server.gateway.StripeSettings;
import coffer.server.http.RateLimits;
import coffer.server.http.RequestLog;
import coffer.server.provider.ProviderSettings;
import coffer.server.settlement.ScheduleSettings;
import coffer.server.webhook.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server behaves, apart from where it listens and stores: tests and benchmarks change these,
 * the defaults suit the demo app and a real deployment.
 *
 * @param rateLimits       sign-in and money-moving request limits
 * @param kycDecisionDelay how long the simulated identity verifier takes; zero decides at once
 * @param requestLog       where the one-line-per-request access log goes (info level)
 * @param provider         the bundled payment-provider simulator's delays (session expiry, pending payouts, webhook retries)
 * @param webhooks         timeouts, retries and backoff of partner webhooks
 * @param schedules        how often settlement schedules are looked at, and the clock that makes them due
 * @param approvalExpiry   how long a payment awaiting an organization's approval waits before its hold expires
 * @param clock            the server's clock: the ledger's, and every time it stores (tests move it)
 * @param stripe           the Stripe account's keys and API base, for {@code ProviderMode.STRIPE}; null otherwise
 */
public record ServerSettings(RateLimits rateLimits, Duration kycDecisionDelay, Logger requestLog,
                             ProviderSettings provider, WebhookSettings webhooks, ScheduleSettings schedules,
                             Duration approvalExpiry, Clock clock, StripeSettings stripe) {
    public static final Duration DEFAULT_KYC_DECISION_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_APPROVAL_EXPIRY = Duration.ofHours(72);

    public ServerSettings {
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(requestLog, "requestLog");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(clock, "clock");
        if (approvalExpiry == null || approvalExpiry.isNegative() || approvalExpiry.isZero()) {
            throw new IllegalArgumentException("approvalExpiry must be positive, was " + approvalExpiry);
        }
        if (kycDecisionDelay == null || kycDecisionDelay.isNegative()) {
            throw new IllegalArgumentException("kycDecisionDelay must be zero or positive, was " + kycDecisionDelay);
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(RateLimits.defaults(), DEFAULT_KYC_DECISION_DELAY, LoggerFactory.getLogger(RequestLog.class),
                ProviderSettings.defaults(), WebhookSettings.defaults(), ScheduleSettings.defaults(), DEFAULT_APPROVAL_EXPIRY,
                Clock.systemUTC(), null);
    }

    public ServerSettings withRateLimits(RateLimits limits) {
        return new ServerSettings(limits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, stripe);
    }

    public ServerSettings withKycDecisionDelay(Duration delay) {
        return new ServerSettings(rateLimits, delay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, stripe);
    }

    public ServerSettings withRequestLog(Logger logger) {
        return new ServerSettings(rateLimits, kycDecisionDelay, logger, provider, webhooks, schedules, approvalExpiry, clock, stripe);
    }

    public ServerSettings withProvider(ProviderSettings p) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, p, webhooks, schedules, approvalExpiry, clock, stripe);
    }

    public ServerSettings withWebhooks(WebhookSettings settings) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, settings, schedules, approvalExpiry, clock, stripe);
    }

    public ServerSettings withSchedules(ScheduleSettings settings) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, settings, approvalExpiry, clock, stripe);
    }

    public ServerSettings withApprovalExpiry(Duration expiry) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, expiry, clock, stripe);
    }

    public ServerSettings withClock(Clock c) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, c, stripe);
    }

    public ServerSettings withStripe(StripeSettings keys) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, keys);
    }
}
