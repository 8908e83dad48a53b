package coffer.app.settlement;

import coffer.app.format.Amounts;
import coffer.app.format.Names;
import coffer.app.format.Times;
import coffer.app.i18n.Texts;
import coffer.core.api.SettlementTypes.SettlementView;

/**
 * One settlement as the table shows it.
 *
 * @param date   when it was made, in the user's time zone
 * @param status as the API says it ({@code succeeded}); {@link #statusName()} is how the user reads it
 * @param origin made by hand, or by a schedule, in words
 */
public record SettlementRow(String id, String date, String amount, String status, String origin) {
    /** The settlement status the ledger's statuses lack: the bank paid it out. */
    static final String SUCCEEDED = "succeeded";

    static SettlementRow of(SettlementView s) {
        return new SettlementRow(s.settlementId(), Times.dateTime(s.createdAt()), Amounts.format(s.amount(), s.currency()),
                s.status(), Texts.text(s.scheduleId() == null ? "settlements.origin.manual" : "settlements.origin.schedule"));
    }

    /** The status in the user's language: "Succeeded", "Pending", "Failed". */
    public String statusName() {
        return SUCCEEDED.equals(status) ? Texts.text("settlements.status.succeeded") : Names.status(status);
    }
}
