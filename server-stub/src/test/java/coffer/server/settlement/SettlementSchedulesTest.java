package coffer.server.settlement;

import coffer.core.money.Money;
import coffer.server.bank.BankAccount;
import coffer.server.tenant.DemoData;
import coffer.server.testing.MutableClock;
import coffer.server.withdrawal.Payout;
import coffer.server.withdrawal.PayoutFixture;
import coffer.server.withdrawal.PayoutKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Settlement schedules on SQLite with the fake provider: runs settle once per period, skip below the minimum. */
class SettlementSchedulesTest {
    private static final Instant START = Instant.parse("2026-03-10T09:30:00Z"); // a Tuesday

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.ticking(START);
    private PayoutFixture f;
    private Settlements settlements;
    private SettlementSchedules schedules;
    private BankAccount account;

    @BeforeEach
    void start() {
        f = new PayoutFixture(dir);
        settlements = new Settlements(f.ledger, f.payouts);
        schedules = new SettlementSchedules(f.database, settlements, f.bankAccounts,
                new ScheduleSettings(Duration.ofMillis(100), clock));
        account = f.account("0000000001");
    }

    @AfterEach
    void stop() throws Exception {
        schedules.close();
        f.assertLedgerOk();
        f.close();
    }

    private Schedule create(Frequency frequency, String minimum, String amount) {
        return schedules.create(DemoData.ENV_ID, f.alice.userId(), new SettlementSchedules.NewSchedule(f.aliceWallet, account,
                frequency, Money.parse(minimum, "USD"), amount == null ? null : Money.parse(amount, "USD")));
    }

    private List<Payout> settlementsMade() {
        return f.payouts.page(DemoData.ENV_ID, f.alice.userId(), PayoutKind.SETTLEMENT, null, 100).rows();
    }

    @Test
    void nextRunsFallAtTheStartOfTheNextDayWeekAndMonth() {
        assertThat(create(Frequency.DAILY, "0", null).nextSettlement()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(create(Frequency.WEEKLY, "0", null).nextSettlement()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(create(Frequency.MONTHLY, "0", null).nextSettlement()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void twoRunsForOnePeriodSettleOnce() {
        Schedule s = create(Frequency.DAILY, "10.00", "100.00");
        Instant due = s.nextSettlement();

        Optional<Instant> next = schedules.run(s.id(), due);
        schedules.run(s.id(), due);

        assertThat(next).as("the next run: the day after the one due, the clock being earlier").contains(Instant.parse("2026-03-12T00:00:00Z"));
        assertThat(settlementsMade()).singleElement().satisfies(p -> {
            assertThat(p.scheduleId()).isEqualTo(s.id());
            assertThat(p.amount()).isEqualTo(Money.parse("100.00", "USD"));
        });
        f.assertBalances("900.00", "900.00");
        assertThat(schedules.owned(DemoData.ENV_ID, f.alice.userId(), s.id()).lastOutcome()).startsWith("already settled");
    }

    @Test
    @Timeout(60)
    void theSchedulerFiresADueScheduleAndSkipsOneBelowItsMinimum() throws Exception {
        Schedule settles = create(Frequency.DAILY, "500.00", null);
        Schedule skips = create(Frequency.WEEKLY, "5000.00", null);
        schedules.start();

        clock.advance(Duration.ofDays(7));
        await(() -> schedules.owned(DemoData.ENV_ID, f.alice.userId(), skips.id()).lastRunAt() != null
                && schedules.owned(DemoData.ENV_ID, f.alice.userId(), settles.id()).lastRunAt() != null);

        assertThat(settlementsMade()).singleElement().satisfies(p -> assertThat(p.amount())
                .isEqualTo(Money.parse("1000.00", "USD")));
        f.assertBalances("0.00", "0.00");
        Schedule skipped = schedules.owned(DemoData.ENV_ID, f.alice.userId(), skips.id());
        assertThat(skipped.lastOutcome()).startsWith("skipped");
        assertThat(skipped.nextSettlement()).isAfter(clock.instant());
        assertThat(schedules.owned(DemoData.ENV_ID, f.alice.userId(), settles.id()).nextSettlement())
                .isEqualTo(Instant.parse("2026-03-18T00:00:00Z"));
    }

    @Test
    @Timeout(60)
    void aDeactivatedScheduleNeverRuns() throws Exception {
        Schedule s = create(Frequency.DAILY, "0", "1.00");
        Schedule other = create(Frequency.DAILY, "0", "2.00");
        Schedule off = schedules.deactivate(DemoData.ENV_ID, f.alice.userId(), s.id());
        assertThat(off.active()).isFalse();
        assertThat(off.nextSettlement()).isNull();
        schedules.start();

        clock.advance(Duration.ofDays(2));
        await(() -> schedules.owned(DemoData.ENV_ID, f.alice.userId(), other.id()).lastRunAt() != null);

        assertThat(settlementsMade()).singleElement().satisfies(p -> assertThat(p.scheduleId()).isEqualTo(other.id()));
        assertThat(schedules.owned(DemoData.ENV_ID, f.alice.userId(), s.id()).lastRunAt()).isNull();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the schedule to run").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
