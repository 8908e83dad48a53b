package coffer.server.ledger.engine;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycLimitTable;
import coffer.server.db.Database;
import coffer.server.json.Json;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.IdempotencyKeys;
import coffer.server.ledger.engine.LedgerCommit;
import coffer.server.ledger.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The single writer: every change to the ledger goes through its one thread and one connection. It
 * gathers whatever requests are waiting (up to {@code maxBatch}) into one transaction, commits once,
 * then answers each request with its own result — group commit, so a durable commit's cost is shared
 * by every request in it. On PostgreSQL several server processes may each run a writer; the batch
 * locks its accounts in id order and takes its change-feed number inside the transaction.
 */
public final class LedgerWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final int MAX_DEADLOCK_RETRIES = 5;

    private final Database database;
    private final Clock clock;
    private final Function<String, KycLimitTable> limits;
    private final int maxBatch;
    private final Consumer<LedgerCommit> onCommit;
    private final BlockingQueue<Submission<?>> queue;
    private final Thread thread;
    private volatile boolean running = true;
    /** Requests in the last committed batch, for the metrics gauge; written by the writer thread only. */
    private volatile int lastBatchSize;

    /** @param onCommit told what each committed batch changed, on the writer thread: must return at once */
    public LedgerWriter(Database database, Clock clock, Function<String, KycLimitTable> limits, int maxBatch,
                 Consumer<LedgerCommit> onCommit) {
        this.database = database;
        this.onCommit = onCommit;
        this.clock = clock;
        this.limits = limits;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(Math.max(1024, maxBatch * 64));
        this.thread = new Thread(this::run, "coffer-ledger-writer");
        this.thread.start();
    }

    /**
     * Queues a task; the future completes once its batch is committed (or refused). Waits while the
     * queue is full, so callers feel back-pressure instead of the server running out of memory.
     */
    public <T> CompletableFuture<Outcome<T>> submit(LedgerTask<T> task, IdempotencyKey key) {
        if (!running) {
            throw new IllegalStateException("the ledger writer is closed");
        }
        Submission<T> submission = new Submission<>(task, key, key == null ? null : task.fingerprint());
        try {
            queue.put(submission);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a ledger request", e);
        }
        // closed between the check and the put: either the writer took it (and will answer it) or we take it back
        if (!running && queue.remove(submission)) {
            submission.fail(new IllegalStateException("the ledger writer is closed"));
        }
        return submission.future;
    }

    /** Requests waiting for the writer right now. */
    public int queueDepth() {
        return queue.size();
    }

    /** How many requests the last committed transaction carried (group commit at work when above 1). */
    public int lastBatchSize() {
        return lastBatchSize;
    }

    private void run() {
        List<Submission<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Submission<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                execute(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Ledger writer failed a batch unexpectedly", e);
                batch.forEach(s -> s.fail(e));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(s -> s.fail(new IllegalStateException("the ledger is shutting down")));
    }

    private void execute(List<Submission<?>> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                runInTransaction(batch);
                return;
            } catch (SQLException e) {
                if (isRetryable(e) && attempt < MAX_DEADLOCK_RETRIES) {
                    continue;
                }
                if (batch.size() > 1) {
                    // one bad request must not fail the others: run each on its own
                    for (Submission<?> s : batch) {
                        execute(List.of(s));
                    }
                } else {
                    log.error("Ledger write failed; nothing was changed", e);
                    batch.get(0).fail(e);
                }
                return;
            } catch (TaskFailure e) {
                if (batch.size() > 1) {
                    for (Submission<?> s : batch) {
                        execute(List.of(s));
                    }
                } else {
                    batch.get(0).fail(e.getCause());
                }
                return;
            }
        }
    }

    private void runInTransaction(List<Submission<?>> batch) throws SQLException {
        LedgerCommit committed;
        try (Connection c = database.writerConnection()) {
            c.setAutoCommit(false);
            try {
                Batch b = new Batch(c, database.dialect(), clock.instant(), limits);
                claimKeys(c, batch, b);
                for (Submission<?> s : batch) {
                    if (s.decided == null) {
                        s.task.declare(b);
                    }
                }
                b.load();
                for (Submission<?> s : batch) {
                    if (s.decided == null) {
                        s.applyTo(b);
                    }
                }
                b.flush();
                c.commit();
                committed = b.summary();
                lastBatchSize = batch.size();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                batch.forEach(s -> s.decided = null);
                throw e;
            }
        }
        batch.forEach(Submission::complete);
        try {
            onCommit.accept(committed);
        } catch (RuntimeException e) {
            log.warn("Could not announce commit {}; the commit itself stands", committed.seq(), e);
        }
    }

    /**
     * Claims every idempotency key of the batch by inserting it; a key that is already there belongs
     * to an earlier request (replay it, or refuse a different request) or to one still in flight.
     * Inserting first is what makes a key safe across several server processes: the second insert
     * waits for the first transaction and then sees its row.
     */
    private static void claimKeys(Connection c, List<Submission<?>> batch, Batch b) throws SQLException {
        // in key order, like rows, so two processes claiming the same keys never wait on each other in a cycle
        List<Submission<?>> keyed = batch.stream().filter(s -> s.key != null)
                .sorted(Comparator.comparing((Submission<?> s) -> s.key.scope()).thenComparing(s -> s.key.key()))
                .toList();
        if (keyed.isEmpty()) {
            return;
        }
        int[] inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_keys (scope, idem_key, request_hash, "
                + "response, created_at) VALUES (?, ?, ?, NULL, ?) ON CONFLICT (scope, idem_key) DO NOTHING")) {
            for (Submission<?> s : keyed) {
                ps.setString(1, s.key.scope());
                ps.setString(2, s.key.key());
                ps.setString(3, s.requestHash);
                ps.setLong(4, b.now().toEpochMilli());
                ps.addBatch();
            }
            inserted = ps.executeBatch();
        }
        for (int i = 0; i < keyed.size(); i++) {
            if (inserted[i] == 0) {
                keyed.get(i).decideFromStoredKey(c);
            }
        }
    }

    private static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.warn("Rollback failed", e);
        }
    }

    /** Stops taking requests, finishes those queued, and waits for the writer thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task that threw (a bug or an unexpected refusal thrown as an exception) inside a batch. */
    private static final class TaskFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskFailure(Throwable cause) {
            super(cause);
        }
    }

    private static final class Submission<T> {
        final LedgerTask<T> task;
        final IdempotencyKey key;
        final Fingerprint fingerprint;
        /** The fingerprint's stored form, worked out on the caller's thread rather than the writer's. */
        final String requestHash;
        final CompletableFuture<Outcome<T>> future = new CompletableFuture<>();
        Outcome<T> decided;

        Submission(LedgerTask<T> task, IdempotencyKey key, Fingerprint fingerprint) {
            this.task = task;
            this.key = key;
            this.fingerprint = fingerprint;
            this.requestHash = fingerprint == null ? null : fingerprint.value();
        }

        void applyTo(Batch b) throws SQLException {
            Result<T> result;
            try {
                result = task.apply(b);
            } catch (SQLException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TaskFailure(e);
            }
            if (key != null) {
                if (result.isOk()) {
                    b.storeIdempotentResponse(key, Json.gson().toJson(result.orThrow()));
                } else {
                    // only successes are remembered: a refused request may be retried with the same key
                    b.releaseIdempotencyKey(key);
                }
            }
            decided = Outcome.fresh(result);
        }

        void decideFromStoredKey(Connection c) throws SQLException {
            // no row: released by a refused request between our insert and this read, so treat it as in flight
            Result<String> stored = IdempotencyKeys.read(c, key, fingerprint, Fingerprint.Legacy.LEDGER)
                    .orElseGet(IdempotencyKeys::inProgress);
            decided = stored.isOk()
                    ? new Outcome<>(Result.ok(Json.gson().fromJson(stored.orThrow(), task.resultType())), true)
                    : Outcome.fresh(stored.asRejected());
        }

        void complete() {
            future.complete(decided);
        }

        void fail(Throwable e) {
            if (e instanceof CofferException ce) {
                future.complete(Outcome.fresh(ce.toResult()));
            } else {
                future.complete(Outcome.fresh(Result.rejected(ErrorCode.INTERNAL,
                        "The ledger could not record this request; nothing was changed")));
            }
        }
    }
}
