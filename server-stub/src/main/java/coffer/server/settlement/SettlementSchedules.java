package coffer.server.settlement;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.money.Money;
import coffer.server.bank.BankAccount;
import coffer.server.bank.BankAccountService;
import coffer.server.db.Jdbc;
import coffer.server.db.Database;
import coffer.server.db.Dialect;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Ids;
import coffer.server.ledger.Outcome;
import coffer.server.withdrawal.Payout;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settlement schedules, run by db-scheduler: each active schedule is one instance of the task
 * {@value #TASK}, kept in {@code scheduled_tasks} (so schedules survive restarts) and picked by exactly
 * one server process when due, even with several processes on one PostgreSQL database. A run settles
 * the wallet's available balance (or the schedule's fixed amount) when the balance is at least the
 * minimum, else skips; its settlement carries the idempotency key {@code schedule:<id>:<period start>},
 * so even a second run for the same period moves no money. The run then reschedules the instance for
 * the next period.
 */
public final class SettlementSchedules implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SettlementSchedules.class);
    static final String TASK = "settlement-schedule";

    private final ScheduleStore store;
    private final Settlements settlements;
    private final BankAccountService bankAccounts;
    private final Clock clock;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;

    public SettlementSchedules(Database database, Settlements settlements, BankAccountService bankAccounts,
                               ScheduleSettings settings) {
        this.store = new ScheduleStore(new Jdbc(database));
        this.settlements = Objects.requireNonNull(settlements, "settlements");
        this.bankAccounts = Objects.requireNonNull(bankAccounts, "bankAccounts");
        this.clock = settings.clock();
        this.task = Tasks.custom(TASK, Void.class).execute(this::execute);
        var builder = Scheduler.create(database.readers(), List.<com.github.kagkarlsson.scheduler.task.Task<?>>of(task))
                .clock(clock::instant)
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(Duration.ofSeconds(30))
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10));
        if (database.dialect() == Dialect.POSTGRESQL) {
            // timestamptz columns: the library detects PostgreSQL and locks due runs with SKIP LOCKED
            builder.alwaysPersistTimestampInUTC().pollUsingLockAndFetch(0.5, 1.0);
        } else {
            builder.jdbcCustomization(new SqliteScheduling());
        }
        this.scheduler = builder.build();
    }

    /** Starts running due schedules (call once the HTTP API is up). */
    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    /** What a new schedule is to do. */
    public record NewSchedule(String walletId, BankAccount bankAccount, Frequency frequency, Money minimum, Money amount) {
    }

    /** Creates an active schedule whose first run is at the start of the next period. */
    public Schedule create(String envId, String userId, NewSchedule s) {
        settlements.requireProvider();
        settlements.ownWallet(envId, userId, s.walletId());
        Instant now = clock.instant();
        Schedule schedule = new Schedule(Ids.next("sch"), envId, userId, s.walletId(), s.bankAccount().id(), s.frequency(),
                s.minimum(), s.amount(), true, s.frequency().next(now), null, null, now);
        store.insert(schedule);
        scheduler.schedule(task.instance(schedule.id()), schedule.nextSettlement());
        return schedule;
    }

    public List<Schedule> list(String envId, String userId) {
        return store.of(envId, userId);
    }

    /** The user's schedule; another user's is NOT_FOUND. */
    public Schedule owned(String envId, String userId, String id) {
        return store.byId(id).filter(s -> s.envId().equals(envId) && s.userId().equals(userId))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Settlement schedule " + id + " was not found.",
                        Map.of("schedule_id", String.valueOf(id))));
    }

    /** Deactivates the user's schedule: no further runs. Deactivating an inactive one changes nothing. */
    public Schedule deactivate(String envId, String userId, String id) {
        owned(envId, userId, id);
        if (store.deactivate(id)) {
            try {
                scheduler.cancel(TaskInstanceId.of(TASK, id));
            } catch (RuntimeException e) {
                // already running or gone: the run sees the schedule inactive and does not reschedule it
                log.debug("Schedule {} had no idle run to cancel: {}", id, e.toString());
            }
        }
        return store.byId(id).orElseThrow();
    }

    /**
     * One run of a schedule, due at {@code due}: settles, or skips below the minimum. Answers when the
     * next run is due, or empty when the schedule is no longer active.
     */
    Optional<Instant> run(String id, Instant due) {
        Optional<Schedule> found = store.byId(id);
        if (found.isEmpty() || !found.get().active()) {
            return Optional.empty();
        }
        Schedule s = found.get();
        String outcome = settle(s, due);
        Instant now = clock.instant();
        Instant next = s.frequency().next(now.isAfter(due) ? now : due);
        store.ran(id, now, outcome, next);
        log.info("Settlement schedule {} ran for the period from {}: {}", id, s.frequency().periodStart(due), outcome);
        return store.byId(id).filter(Schedule::active).map(x -> next);
    }

    private String settle(Schedule s, Instant due) {
        Optional<BankAccount> to = bankAccounts.byId(s.bankAccountId());
        if (to.isEmpty()) {
            return "skipped: the bank account is gone";
        }
        Money available;
        try {
            available = settlements.ownWallet(s.envId(), s.userId(), s.walletId()).balance().available();
        } catch (CofferException e) {
            return "refused: " + e.code();
        }
        Money amount = s.amount() == null ? available : s.amount();
        if (available.isLessThan(s.minimum()) || !amount.isPositive() || available.isLessThan(amount)) {
            return "skipped: available " + available.toDecimalString() + " is below the minimum " + s.minimum().toDecimalString()
                    + (s.amount() == null ? "" : " or the amount " + s.amount().toDecimalString());
        }
        IdempotencyKey key = new IdempotencyKey("env:" + s.envId() + "/schedules",
                "schedule:" + s.id() + ":" + s.frequency().periodStart(due));
        Outcome<Payout> settled = settlements.settle(s.envId(), s.userId(), s.walletId(), amount, to.get(), s.id(),
                "Scheduled settlement (" + s.frequency().wire() + ")", key);
        if (!settled.isOk()) {
            return "refused: " + settled.result().errorCode();
        }
        Payout p = settled.orThrow();
        return (settled.replayed() ? "already settled " : "settled ") + p.id() + " (" + p.status().wire() + ")";
    }

    private CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
        Optional<Instant> next = run(instance.getId(), context.getExecution().getExecutionTime());
        return (complete, operations) -> {
            if (next.isPresent()) {
                operations.reschedule(complete, next.get());
            } else {
                operations.remove();
            }
        };
    }
}
