package coffer.server.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How the bundled payment-provider simulator behaves over time; tests shorten every delay.
 *
 * @param sessionTtl         how long a checkout session stays payable unless its creator asks otherwise
 * @param payoutLinkTtl      how long a payout link stays usable unless its creator asks otherwise
 * @param pendingPayoutDelay how long a payout to a "pending" test account (ending 2222) waits before it succeeds
 * @param retryBase          the first wait before a webhook Coffer did not acknowledge is sent again; doubled each time
 * @param retryMax           the longest wait between two attempts of one webhook
 * @param tick               how often expiries and due payouts are looked for, and due webhooks sent
 */
public record ProviderSettings(Duration sessionTtl, Duration payoutLinkTtl, Duration pendingPayoutDelay,
                               Duration retryBase, Duration retryMax, Duration tick) {
    public ProviderSettings {
        for (Duration d : new Duration[] {sessionTtl, payoutLinkTtl, pendingPayoutDelay, retryBase, retryMax, tick}) {
            Objects.requireNonNull(d, "every provider setting is required");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("provider delays must be positive, was " + d);
            }
        }
    }

    /** A real deployment's and the demo app's values. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    /** Short delays, for tests that wait for a pending payout or a retried webhook. */
    public static ProviderSettings fast() {
        return new ProviderSettings(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(100));
    }
}
