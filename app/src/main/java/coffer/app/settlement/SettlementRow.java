package coffer.app.settlement;

import coffer.app.format.Amounts;
import coffer.core.api.SettlementTypes.SettlementView;

/**
 * One settlement as the table shows it.
 *
 * @param date   when it was made, as the API gives it, trimmed to minutes
 * @param origin "by hand", or "schedule" when a schedule made it
 */
public record SettlementRow(String id, String date, String amount, String status, String origin) {
    static SettlementRow of(SettlementView s) {
        return new SettlementRow(s.settlementId(), minutes(s.createdAt()), Amounts.format(s.amount(), s.currency()),
                s.status(), s.scheduleId() == null ? "by hand" : "schedule");
    }

    /** An ISO-8601 instant as "2026-11-23 15:48". */
    static String minutes(String instant) {
        String when = instant == null ? "" : instant.replace('T', ' ');
        return when.length() > 16 ? when.substring(0, 16) : when;
    }
}
