package coffer.app.api;

import coffer.core.api.SettlementTypes.ScheduleRequest;
import coffer.core.api.SettlementTypes.ScheduleView;
import coffer.core.api.SettlementTypes.SettlementList;
import coffer.core.api.SettlementTypes.SettlementRequest;
import coffer.core.api.SettlementTypes.SettlementView;
import java.util.List;

/**
 * Settlements of a wallet's balance to a bank account, now or on a schedule.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface SettlementsApi {
    /** Pays a wallet's balance (or an amount of it) out to a saved bank account; the same key for a retry. */
    SettlementView settle(String idempotencyKey, SettlementRequest request);
    /** The user's settlements, newest first: one page ({@code cursor} null for the first). */
    SettlementList settlements(String cursor);
    SettlementView settlement(String settlementId);
    ScheduleView createSchedule(ScheduleRequest request);
    List<ScheduleView> schedules();
    /** Stops a schedule; the answer is the schedule, no longer active. */
    ScheduleView deleteSchedule(String scheduleId);
}
