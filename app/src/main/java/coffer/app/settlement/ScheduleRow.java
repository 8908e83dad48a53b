package coffer.app.settlement;

import coffer.app.format.Amounts;
import coffer.core.api.SettlementTypes.ScheduleView;

/**
 * One active settlement schedule as the table shows it.
 *
 * @param minimum what the balance must reach for a run to pay out, formatted
 * @param amount  what each run pays out: a formatted amount, or "whole balance"
 * @param nextRun when the next run is due, trimmed to minutes
 */
public record ScheduleRow(String id, String frequency, String minimum, String amount, String nextRun) {
    static ScheduleRow of(ScheduleView s) {
        return new ScheduleRow(s.scheduleId(), s.scheduleType(), Amounts.format(s.minimumAmount(), s.currency()),
                s.amount() == null ? "whole balance" : Amounts.format(s.amount(), s.currency()),
                SettlementRow.minutes(s.nextSettlement()));
    }
}
