package coffer.app.settlement;

import coffer.app.i18n.Texts;
import java.util.List;
import java.util.stream.Stream;

/**
 * How often a schedule runs, as the API names it ({@code weekly}); a picker shows it by its name in the user's
 * language ("Weekly").
 */
public record ScheduleFrequency(String wire) {
    /** The frequencies a schedule may have. */
    static final List<ScheduleFrequency> ALL = Stream.of("daily", "weekly", "monthly").map(ScheduleFrequency::new)
            .toList();

    /** The frequency the API names {@code wire}. */
    public static ScheduleFrequency of(String wire) {
        return new ScheduleFrequency(wire);
    }

    /** Whether the API knows it: a schedule may only be made with one of {@link #ALL}. */
    boolean known() {
        return ALL.contains(this);
    }

    /** Its name in the user's language; one this app does not know shows as the server sent it. */
    @Override
    public String toString() {
        return known() ? Texts.text("settlements.frequency." + wire) : wire == null ? "" : wire;
    }
}
