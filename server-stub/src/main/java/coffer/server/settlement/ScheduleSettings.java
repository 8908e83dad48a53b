package coffer.server.settlement;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How settlement schedules are run: how often the scheduler looks for due runs, and the clock that
 * decides when a run is due (tests move it to fire a schedule without waiting a day).
 */
public record ScheduleSettings(Duration pollInterval, Clock clock) {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    public ScheduleSettings {
        Objects.requireNonNull(clock, "clock");
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(DEFAULT_POLL_INTERVAL, Clock.systemUTC());
    }
}
