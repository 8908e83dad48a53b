package coffer.app.settlement;

import coffer.app.format.Amounts;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.core.api.SettlementTypes.ScheduleView;

/**
 * One active settlement schedule as the table shows it.
 *
 * @param frequency how often it runs, as the API says it ({@code weekly}); {@link #frequencyName()} in words
 * @param minimum   what the balance must reach for a run to pay out, formatted
 * @param amount    what each run pays out: a formatted amount, or the whole balance in words
 * @param nextRun   when the next run is due, in the user's time zone
 */
public record ScheduleRow(String id, String frequency, String minimum, String amount, String nextRun) {
    static ScheduleRow of(ScheduleView s) {
        return new ScheduleRow(s.scheduleId(), s.scheduleType(), Amounts.format(s.minimumAmount(), s.currency()),
                s.amount() == null ? Texts.text("settlements.schedules.wholeBalance") : Amounts.format(s.amount(), s.currency()),
                Times.dateTime(s.nextSettlement()));
    }

    /** How often it runs, in the user's language: "Weekly". */
    public String frequencyName() {
        return ScheduleFrequency.of(frequency).toString();
    }
}
