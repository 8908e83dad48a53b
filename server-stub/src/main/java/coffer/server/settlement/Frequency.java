package coffer.server.settlement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How often a settlement schedule runs: at the start of each UTC day, week (Monday) or month. */
public enum Frequency {
    DAILY, WEEKLY, MONTHLY;

    /** The first period start strictly after {@code after}. */
    public Instant next(Instant after) {
        LocalDate day = after.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (this) {
            case DAILY -> day.plusDays(1);
            case WEEKLY -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTHLY -> day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start (a UTC date) of the period a run due at {@code due} settles for. */
    public LocalDate periodStart(Instant due) {
        LocalDate day = due.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency for a wire name, or null when there is none. */
    public static Frequency fromWire(String wire) {
        for (Frequency f : values()) {
            if (f.wire().equals(wire)) {
                return f;
            }
        }
        return null;
    }
}
