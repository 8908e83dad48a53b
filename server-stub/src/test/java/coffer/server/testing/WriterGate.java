package coffer.server.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The system clock for a ledger, with a gate on its writer: the writer reads the clock when it starts a
 * batch, so while the gate is {@linkplain #shut() shut} the next batch waits there, its keyed calls in
 * flight, until the gate {@linkplain #open() opens}. Lets a test hold a call in flight and send a second
 * one meanwhile, without sleeping for a race to happen.
 */
public final class WriterGate extends Clock {
    /** The ledger writer's thread (LedgerWriter): the only one the gate stops. */
    private static final String WRITER = "coffer-ledger-writer";

    private final Clock time = Clock.systemUTC();
    private final Semaphore stopped = new Semaphore(0);
    private volatile CountDownLatch gate;

    /** From now on the writer's next batch waits until {@link #open()}. */
    public void shut() {
        gate = new CountDownLatch(1);
    }

    /** Lets the waiting batch, and every later one, go on. */
    public void open() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits (20 s at most) until the writer has stopped at the gate with a batch. */
    public void awaitWriterStopped() throws InterruptedException {
        if (!stopped.tryAcquire(Poll.DEFAULT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the ledger writer never reached the gate");
        }
    }

    /**
     * Waits (20 s at most) until {@code thread} is parked without a timeout: a caller waiting for the
     * writer's answer, or for another call with its key to be answered. A thread sleeping in a retry loop
     * is TIMED_WAITING, not this.
     */
    public static void awaitParked(Thread thread) {
        Thread.State state = Poll.until(thread::getState, s -> s == Thread.State.WAITING || s == Thread.State.TERMINATED);
        if (state != Thread.State.WAITING) {
            throw new IllegalStateException(thread.getName() + " did not wait but is " + state);
        }
    }

    /** Runs {@code work} on a thread of its own, named {@code name}; its answer completes the future. */
    public static <T> Started<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                answer.complete(work.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return new Started<>(thread, answer);
    }

    /** A thread started by {@link #start} and what it will answer. */
    public record Started<T>(Thread thread, CompletableFuture<T> answer) {
        /** Its answer, waiting 20 s at most. */
        public T join() throws Exception {
            return answer.get(Poll.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Instant instant() {
        CountDownLatch g = gate;
        if (g != null && Thread.currentThread().getName().equals(WRITER)) {
            stopped.release();
            try {
                if (!g.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never opened the writer's gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return time.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
