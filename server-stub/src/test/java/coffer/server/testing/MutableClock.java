package coffer.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand. A {@linkplain #ticking ticking} one also runs on by itself, like a real
 * clock, for code that waits on its clock (db-scheduler's poll loop waits until its clock reaches the next
 * poll, so a clock that never moves again can stall it for good).
 */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private final boolean ticking;
    private final long origin = System.nanoTime();

    public MutableClock(Instant start) {
        this(start, false);
    }

    private MutableClock(Instant start, boolean ticking) {
        this.now = start;
        this.ticking = ticking;
    }

    /** A clock that starts at {@code start}, runs on at real speed, and jumps when told to. */
    public static MutableClock ticking(Instant start) {
        return new MutableClock(start, true);
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return ticking ? now.plusNanos(System.nanoTime() - origin) : now;
    }
}
