package coffer.server;

import coffer.server.gateway.StripeSettings;
import coffer.server.http.RateLimits;
import coffer.server.http.RequestLog;
import coffer.server.provider.ProviderSettings;
import coffer.server.settlement.ScheduleSettings;
import coffer.server.webhook.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
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
 * @param publicUrl        where users' browsers reach the server ({@code serve --public-url}), for the links Coffer
 *                         gives out (the return pages a provider sends users back to); null: the address it listens on
 */
public record ServerSettings(RateLimits rateLimits, Duration kycDecisionDelay, Logger requestLog,
                             ProviderSettings provider, WebhookSettings webhooks, ScheduleSettings schedules,
                             Duration approvalExpiry, Clock clock, StripeSettings stripe,
                             URI publicUrl) {
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
        if (publicUrl != null) {
            String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean bare = publicUrl.getRawPath() == null || publicUrl.getRawPath().isEmpty() || publicUrl.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https")) || publicUrl.getHost() == null || !bare
                    || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null || publicUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the public URL must be an origin such as https://wallet.example.com, was "
                        + publicUrl);
            }
        }
    }

    /** The public URL as the server's links start: scheme, host and port, without a trailing slash; null when unset. */
    public String publicOrigin() {
        if (publicUrl == null) {
            return null;
        }
        String text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public static ServerSettings defaults() {
        return new ServerSettings(RateLimits.defaults(), DEFAULT_KYC_DECISION_DELAY, LoggerFactory.getLogger(RequestLog.class),
                ProviderSettings.defaults(), WebhookSettings.defaults(), ScheduleSettings.defaults(), DEFAULT_APPROVAL_EXPIRY,
                Clock.systemUTC(), null, null);
    }

    public ServerSettings withRateLimits(RateLimits limits) {
        return new ServerSettings(limits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, stripe, publicUrl);
    }

    public ServerSettings withKycDecisionDelay(Duration delay) {
        return new ServerSettings(rateLimits, delay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, stripe, publicUrl);
    }

    public ServerSettings withRequestLog(Logger logger) {
        return new ServerSettings(rateLimits, kycDecisionDelay, logger, provider, webhooks, schedules, approvalExpiry, clock, stripe, publicUrl);
    }

    public ServerSettings withProvider(ProviderSettings p) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, p, webhooks, schedules, approvalExpiry, clock, stripe, publicUrl);
    }

    public ServerSettings withWebhooks(WebhookSettings settings) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, settings, schedules, approvalExpiry, clock, stripe, publicUrl);
    }

    public ServerSettings withSchedules(ScheduleSettings settings) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, settings, approvalExpiry, clock, stripe, publicUrl);
    }

    public ServerSettings withApprovalExpiry(Duration expiry) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, expiry, clock, stripe, publicUrl);
    }

    public ServerSettings withClock(Clock c) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, c, stripe, publicUrl);
    }

    public ServerSettings withPublicUrl(URI url) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, stripe,
                url);
    }

    public ServerSettings withStripe(StripeSettings keys) {
        return new ServerSettings(rateLimits, kycDecisionDelay, requestLog, provider, webhooks, schedules, approvalExpiry, clock, keys, publicUrl);
    }
}
