package coffer.server.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Moves accepted payments from pending through processing to completed (or failed), in rounds. Each
 * round is one ledger commit that settles the payments started in the round before and starts those
 * accepted since, so a payment takes two commits after its acceptance and a busy server settles
 * thousands per commit. Between rounds it waits only when there is nothing to do.
 *
 * <p>Nothing here is the truth: payments live in the ledger, and each step is guarded there, so a
 * payment advanced twice (after a restart, or by two servers sharing a database) moves its money
 * once. On start, and then every minute for payments another server left behind, it picks up the
 * unfinished payments the ledger holds.
 */
public final class PaymentProcessor {
    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    /** Most payments one round starts. */
    static final int MAX_ROUND = 2_000;
    /** Most payments waiting in memory; beyond it they wait in the ledger until the next scan. */
    static final int MAX_QUEUED = 100_000;
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** An unfinished payment this old is no longer in some server's hands and may be taken over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final PaymentLedger ledger;
    private final Clock clock;
    private final BlockingQueue<Payment> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    /** Ids queued or in a round, so a scan does not queue them again. */
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    /** The ledger may hold unfinished payments that are not queued: at start, and after the queue overflowed. */
    private volatile boolean scanAll = true;
    private Instant lastScan = Instant.EPOCH;

    /** Starts processing on {@code executor}, which it occupies until {@link #stop()}. */
    public PaymentProcessor(PaymentLedger ledger, Clock clock, Executor executor) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = clock;
        executor.execute(this::run);
    }

    /** Takes a payment the ledger has just accepted. Never blocks: when the queue is full the next scan finds it. */
    public void accept(Payment payment) {
        if (payment.status().isFinal() || payment.awaitingApproval() || !inHand.add(payment.id())) {
            return;
        }
        if (!queue.offer(payment)) {
            inHand.remove(payment.id());
            scanAll = true;
        }
    }

    /** Asks the loop to end after its round; interrupting the executor's thread ends a wait at once. */
    public void stop() {
        running = false;
    }

    private void run() {
        List<Payment> started = List.of();
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<Payment> fresh = next(started.isEmpty());
                if (!fresh.isEmpty() || !started.isEmpty()) {
                    round(fresh, started);
                    started.forEach(p -> inHand.remove(p.id()));
                    started = fresh;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the payments stay unfinished in the ledger; a later scan picks them up again
                log.warn("Payment processing round failed; will resume from the ledger", e);
                started.forEach(p -> inHand.remove(p.id()));
                started = List.of();
                scanAll = true;
            }
        }
    }

    /** The payments to start this round; waits for some only when {@code idle}. */
    private List<Payment> next(boolean idle) throws InterruptedException {
        List<Payment> fresh = new ArrayList<>();
        if (queue.isEmpty()) {
            scanIfDue();
        }
        if (idle) {
            Payment first = queue.poll(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return fresh;
            }
            fresh.add(first);
        }
        queue.drainTo(fresh, MAX_ROUND - fresh.size());
        return fresh;
    }

    private void round(List<Payment> start, List<Payment> settle) {
        if (ledger.advancePayments(start, settle).isOk() || start.size() + settle.size() == 1) {
            return;
        }
        // one payment the ledger cannot process must not hold up the others: take them one by one
        for (Payment p : settle) {
            alone(List.of(), List.of(p));
        }
        for (Payment p : start) {
            alone(List.of(p), List.of());
        }
    }

    private void alone(List<Payment> start, List<Payment> settle) {
        var result = ledger.advancePayments(start, settle);
        if (!result.isOk()) {
            Payment p = start.isEmpty() ? settle.get(0) : start.get(0);
            log.error("Payment {} could not be processed ({}); it stays unfinished and will be tried again", p.id(), result);
        }
    }

    /** Queues unfinished payments from the ledger: all of them after a start or overflow, else the abandoned ones each minute. */
    private void scanIfDue() {
        Instant now = clock.instant();
        boolean all = scanAll;
        if (!all && now.isBefore(lastScan.plus(ABANDONED_AFTER))) {
            return;
        }
        scanAll = false;
        lastScan = now;
        Instant before = all ? now.plusMillis(1) : now.minus(ABANDONED_AFTER);
        Payment after = null;
        int found = 0;
        while (queue.remainingCapacity() > 0) {
            List<Payment> page = ledger.unfinishedPayments(before, after, Math.min(1_000, queue.remainingCapacity()));
            for (Payment p : page) {
                if (inHand.add(p.id())) {
                    if (queue.offer(p)) {
                        found++;
                    } else {
                        inHand.remove(p.id());
                    }
                }
            }
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        if (queue.remainingCapacity() == 0) {
            scanAll = true;
        }
        if (found > 0) {
            log.info("Resuming {} unfinished payment(s)", found);
        }
    }
}
