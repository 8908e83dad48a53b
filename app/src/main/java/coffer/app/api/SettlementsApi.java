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
    SettlementView settle(String idempotencyKey, SettlementRequest request);
    SettlementList settlements(String cursor);
    SettlementView settlement(String settlementId);
    ScheduleView createSchedule(ScheduleRequest request);
    List<ScheduleView> schedules();
    ScheduleView deleteSchedule(String scheduleId);
}
