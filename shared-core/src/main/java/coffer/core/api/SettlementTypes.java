package coffer.core.api;

import java.util.List;

/**
 * Bodies of {@code /api/v1/settlements} and {@code /api/v1/settlement-schedules}: a wallet's balance,
 * or an amount of it, paid out to one of the caller's saved bank accounts, now or on a schedule.
 */
public final class SettlementTypes {
    private SettlementTypes() {
    }

    /**
     * {@code POST /api/v1/settlements} (with an {@code Idempotency-Key}).
     *
     * @param amount   exact decimal text; null settles the wallet's whole available balance
     * @param currency ISO 4217 code; required with {@code amount}
     * @param reason   optional text for the bank statement; may be null
     */
    public record SettlementRequest(String walletId, String bankAccountId, String amount, String currency,
                                    String reason) {
    }

    /**
     * A settlement as the user API shows it.
     *
     * @param status      {@code pending}, {@code succeeded} or {@code failed}
     * @param amount      decimal text in the currency's minor-unit precision
     * @param scheduleId  the schedule that made it; null for one made by hand
     * @param completedAt ISO-8601 instant; null while pending
     */
    public record SettlementView(String settlementId, String reference, String status, String amount, String currency,
                                 String walletId, String bankAccountId, String scheduleId, String transactionId,
                                 String reason, String failureReason, String createdAt, String completedAt) {
    }

    /** {@code GET /api/v1/settlements}: newest first; {@code nextCursor} null on the last page. */
    public record SettlementList(List<SettlementView> settlements, String nextCursor) {
    }

    /**
     * {@code POST /api/v1/settlement-schedules}.
     *
     * @param frequency     {@code daily}, {@code weekly} or {@code monthly}
     * @param minimumAmount decimal text: a run settles only when the balance is at least this
     * @param amount        decimal text to settle per run; null settles the whole balance
     * @param currency      ISO 4217 code; optional, must be the wallet's
     */
    public record ScheduleRequest(String walletId, String bankAccountId, String frequency, String minimumAmount,
                                  String amount, String currency) {
    }

    /**
     * A settlement schedule as the user API shows it.
     *
     * @param scheduleType   {@code daily}, {@code weekly} or {@code monthly}
     * @param isActive       false once deleted
     * @param nextSettlement ISO-8601 instant of the next run; null when inactive
     */
    public record ScheduleView(String scheduleId, String scheduleType, boolean isActive, String nextSettlement,
                               String walletId, String bankAccountId, String minimumAmount, String amount,
                               String currency, String lastRunAt, String lastOutcome, String createdAt) {
    }

    /** {@code GET /api/v1/settlement-schedules}. */
    public record ScheduleList(List<ScheduleView> schedules) {
    }
}
