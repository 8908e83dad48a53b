package coffer.server;

import coffer.server.http.RateLimits;
import coffer.server.http.RequestLog;
import coffer.server.provider.ProviderSettings;
import coffer.server.settlement.ScheduleSettings;
import coffer.server.webhook.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public record ServerSettings(RateLimits rateLimits, Duration kycDecisionDelay, Logger requestLog,
                             ProviderSettings provider, WebhookSettings webhooks, ScheduleSettings schedules) {
    public static final Duration DEFAULT_KYC_DECISION_DELAY = Duration.ofSeconds(2);

    public ServerSettings {
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(requestLog, "requestLog");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(schedules, "schedules");
        if (kycDecisionDelay == null || kycDecisionDelay.isNegative()) {
            throw new IllegalArgumentException("kycDecisionDelay must be zero or positive, was " + kycDecisionDelay);
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(RateLimits.defaults(), DEFAULT_KYC_DECISION_DELAY, LoggerFactory.getLogger(RequestLog.class),
                ProviderSettings.defaults(), WebhookSettings.defaults(), ScheduleSettings.defaults());
    }

    public ServerSettings withRateLimits(RateLimits limits) {
        return new ServerSettings(limits, kycDecisionDelay, requestLog, provider, webhooks, schedules);
    }

    public ServerSettings withKycDecisionDelay(Duration delay) {
        return new ServerSettings(rateLimits, delay, requestLog, provider, webhooks, schedules);
    }

    public ServerSettings withRequestLog(Logger logger) {
        return new ServerSettings(rateLimits, kycDecisionDelay, logger, provider, webhooks, schedules);
    }

    public ServerSettings withProvider(ProviderSettings p) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, p, webhooks, schedules);
    }

    public ServerSettings withWebhooks(WebhookSettings settings) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, settings, schedules);
    }

    public ServerSettings withSchedules(ScheduleSettings settings) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, settings);
    }
}
