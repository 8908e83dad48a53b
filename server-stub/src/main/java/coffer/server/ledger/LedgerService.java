package coffer.server.ledger;

import coffer.server.ledger.tasks.MoveTask;
import coffer.server.ledger.tasks.HoldTasks;
import coffer.server.ledger.tasks.RefundTask;
import coffer.server.ledger.tasks.WalletTasks;
import coffer.server.ledger.rules.MoveOrder;
import coffer.server.ledger.rules.MoveOrder.KycLimits;
import coffer.server.ledger.rules.SystemAccounts;
import coffer.server.ledger.query.LedgerQueries;
import coffer.server.ledger.feed.CommitNotifier;
import coffer.server.ledger.engine.LedgerCommit;
import coffer.server.ledger.engine.LedgerTask;
import coffer.server.ledger.engine.LedgerWriter;
import coffer.server.ledger.engine.Holders;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The ledger's one service layer: every API surface (user API, partner API, pay-in/pay-out API, the
 * Java facade) calls these methods, and none keeps balances of its own.
 *
 * <p>Money-moving methods take an optional {@link IdempotencyKey}: the first call's answer is stored
 * with the key and a repeat of the same request gets it back ({@link Outcome#replayed()}) without
 * moving money again; the same key with a different request is refused with
 * {@link ErrorCode#IDEMPOTENCY_KEY_REUSED}; a repeat while the first is still running gets
 * {@link ErrorCode#IDEMPOTENCY_IN_PROGRESS}. Refusals are not stored, so a refused request may be
 * retried with its key.
 *
 * <p>Thread-safe. Calls block until their change is durably committed.
 */
public final class LedgerService extends LedgerReads implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LedgerService.class);
    /** How many answered calls with the same key {@link #afterSameKey} waits for before it answers IDEMPOTENCY_IN_PROGRESS. */
    private static final int MAX_KEY_WAITS = 3;

    private final LedgerSettings settings;
    private final LedgerWriter writer;
    private final CommitNotifier commits = new CommitNotifier();
    /** The keyed calls this process is making, each completed once answered: what a second call with the key waits on. */
    private final Map<IdempotencyKey, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    public LedgerService(Database database, Clock clock, LedgerSettings settings) {
        super(database, clock);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = new LedgerWriter(database, clock, this::limits, settings.maxBatch(), commits::committed);
        if (settings.holdSweepInterval().isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "coffer-ledger-sweeper");
                t.setDaemon(true);
                return t;
            });
            long every = settings.holdSweepInterval().toMillis();
            sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        }
    }

    // ---- environments, users, wallets ------------------------------------------------------------------

    /** Opens a wallet; answers the user's open one in its currency unless the command asks for an additional one. */
    public Result<WalletSnapshot> openWallet(NewWallet wallet) {
        return run(new WalletTasks.OpenWallet(wallet), null).result();
    }

    /** Changes a wallet's status as the change's actor may, and audits it. */
    public Result<WalletSnapshot> setWalletStatus(WalletStatusChange change) {
        return run(new WalletTasks.SetWalletStatus(change), null).result();
    }

    // ---- money ---------------------------------------------------------------------------------------

    /** A top-up: money arrives from the provider (clearing) into the wallet, within its holder's maximum balance. */
    public Outcome<Movement> deposit(SystemMoveCommand deposit, IdempotencyKey key) {
        return move(fromSystem(deposit, TransactionKind.TOPUP, AccountKind.PROVIDER_CLEARING), key);
    }

    /**
     * A top-up of money the provider already took from the payer's card: like {@link #deposit}, but a
     * refusal (over the holder's maximum balance, a suspended wallet) is kept with {@code key} like a
     * success, so the same key never credits later what it once refused while the caller sends the
     * money back to the card.
     */
    public Outcome<DepositDecision> depositOnce(SystemMoveCommand deposit, IdempotencyKey key) {
        Objects.requireNonNull(key, "a decided deposit needs its idempotency key");
        return run(new MoveTask.Decided(fromSystem(deposit, TransactionKind.TOPUP, AccountKind.PROVIDER_CLEARING)), key);
    }

    /** A payout: money leaves the wallet to the provider (clearing) at once. */
    public Outcome<Movement> withdraw(SystemMoveCommand withdrawal, IdempotencyKey key) {
        return move(toSystem(withdrawal, TransactionKind.WITHDRAWAL, AccountKind.PROVIDER_CLEARING, KycLimits.SENDER),
                key);
    }

    /** Pays for an order: money goes to the environment's merchant account. */
    public Outcome<Movement> pay(SystemMoveCommand payment, IdempotencyKey key) {
        return move(toSystem(payment, TransactionKind.PAYMENT, AccountKind.MERCHANT, KycLimits.SENDER), key);
    }

    /**
     * Pays money held in the environment's escrow account out to a wallet: an escrowed order released to
     * its seller (the buyer's hold was captured into escrow first).
     */
    public Outcome<Movement> releaseFromEscrow(SystemMoveCommand release, IdempotencyKey key) {
        return move(fromSystem(release, TransactionKind.PAYMENT, AccountKind.ESCROW), key);
    }

    /** Takes a fee from a wallet or the escrow account into the environment's fees account. */
    public Outcome<Movement> collectFee(SystemMoveCommand fee, IdempotencyKey key) {
        return move(toSystem(fee, TransactionKind.FEE, AccountKind.FEES, KycLimits.NONE), key);
    }

    /** Moves money between two wallets of the same user. */
    public Outcome<Movement> transfer(MoveCommand move, IdempotencyKey key) {
        return move(order(move, TransactionKind.TRANSFER, KycLimits.RECEIVER), key);
    }

    /**
     * From one wallet to another, as the seed surfaces and the library take it: between two wallets of
     * one user a {@link #transfer}, between two users a {@link #p2p} payment (KYC and daily limits apply).
     */
    public Outcome<Movement> walletToWallet(MoveCommand move, IdempotencyKey key) {
        String envId = move.env().value();
        String fromUser = wallet(envId, move.from().value()).map(WalletSnapshot::userId).orElse(null);
        boolean sameUser = fromUser != null
                && wallet(envId, move.to().value()).map(w -> fromUser.equals(w.userId())).orElse(false);
        return sameUser ? transfer(move, key) : p2p(move, key);
    }

    /** Sends money to another user's wallet. */
    public Outcome<Movement> p2p(MoveCommand move, IdempotencyKey key) {
        return move(order(move, TransactionKind.P2P, KycLimits.BOTH), key);
    }

    /** Refunds a completed movement, all that is left ({@code amount} null) or part of it. */
    public Outcome<Movement> refund(RefundCommand refund, IdempotencyKey key) {
        return run(new RefundTask(refund), key);
    }

    /** Reverses a completed movement: all that is left goes back and the original shows as reversed. */
    public Outcome<Movement> reverse(ReversalCommand reversal, IdempotencyKey key) {
        return run(new RefundTask(reversal), key);
    }

    /**
     * Reserves money for a two-phase movement: the sender's limits apply to the outgoing kinds, the
     * receiver's maximum balance to all but withdrawals and settlements (money leaving Coffer).
     */
    public Outcome<Movement> hold(HoldCommand hold, IdempotencyKey key) {
        TransactionKind kind = hold.kind();
        MoveOrder order = new MoveOrder(hold.env(), hold.actingUser(), kind, hold.from(), hold.to(), hold.amount(),
                KycLimits.of(Holders.OUTGOING.contains(kind), kind != TransactionKind.WITHDRAWAL
                        && kind != TransactionKind.SETTLEMENT), hold.memo(), null);
        return run(new HoldTasks.Place(order, hold.expiresAt()), key);
    }

    /** Captures a pending hold, all of it ({@code amount} null) or part; the rest is released. */
    public Outcome<Movement> capture(CaptureCommand capture, IdempotencyKey key) {
        return run(new HoldTasks.Capture(capture), key);
    }

    /** Voids a pending hold: nothing moves. */
    public Outcome<Movement> voidHold(VoidCommand voiding, IdempotencyKey key) {
        return run(new HoldTasks.Void(voiding), key);
    }

    /** Expires every hold that is due now; answers how many. */
    public int expireDueHolds() {
        int total = 0;
        while (true) {
            List<String> due = queries.read(c -> LedgerQueries.dueHolds(c, clock.instant(), 500));
            if (due.isEmpty()) {
                return total;
            }
            int expired = run(new HoldTasks.Expire(due), null).orThrow();
            total += expired;
            if (expired == 0) {
                return total;
            }
        }
    }

    /** The id of an environment's system account of {@code kind} in {@code currency}. */
    public static String systemAccount(String envId, AccountKind kind, Currency currency) {
        return SystemAccounts.id(envId, kind, currency);
    }

    /** Write requests waiting for the single writer right now (read-only, for metrics). */
    public int writerQueueDepth() {
        return writer.queueDepth();
    }

    /** How many write requests the writer's last commit carried (read-only, for metrics). */
    public int writerLastBatchSize() {
        return writer.lastBatchSize();
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    private Outcome<Movement> move(MoveOrder order, IdempotencyKey key) {
        return run(new MoveTask(order), key);
    }

    /**
     * Runs {@code task} in the writer, with {@code key} (or none): the way a feature's own task (payments,
     * say) joins the ledger's commits, under the same idempotency as the ledger's own operations.
     */
    public <T> Outcome<T> run(LedgerTask<T> task, IdempotencyKey key) {
        if (key == null) {
            return writer.submit(task, null).join();
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        if (inFlight.putIfAbsent(key, answered) != null) {
            return Outcome.fresh(IdempotencyKeys.inProgress());
        }
        try {
            return writer.submit(task, key).join();
        } finally {
            inFlight.remove(key, answered);
            answered.complete(null);
        }
    }

    /**
     * Makes {@code call}, a call of this service with {@code key}. When this process is already making a
     * call with that key (IDEMPOTENCY_IN_PROGRESS), waits until that one is answered and makes {@code call}
     * again, which then gets the stored answer as a replay (or, the first having been refused, runs).
     *
     * <p>For keys the server derives itself, where two paths of one process make the same call at once: a
     * provider's synchronous answer and its webhook. A client's concurrent retry is still answered
     * IDEMPOTENCY_IN_PROGRESS at once. Processes sharing a PostgreSQL database meet at the key's row
     * instead: the second one's claim waits for the first one's transaction and then reads its answer.
     */
    public <T> Outcome<T> afterSameKey(IdempotencyKey key, Supplier<Outcome<T>> call) {
        Objects.requireNonNull(key, "key");
        Outcome<T> outcome = call.get();
        // each round waits for a call that was really running; a third caller may take the key in between
        for (int round = 0; round < MAX_KEY_WAITS && outcome.result().errorCode() == ErrorCode.IDEMPOTENCY_IN_PROGRESS; round++) {
            answered(key).join();
            outcome = call.get();
        }
        return outcome;
    }

    /** Completes once the call with {@code key} that this process is making now is answered; at once when there is none. */
    CompletableFuture<Void> answered(IdempotencyKey key) {
        return inFlight.getOrDefault(key, CompletableFuture.completedFuture(null));
    }

    /** Money from the environment's {@code account} into the command's wallet: only the receiver's limits apply. */
    private static MoveOrder fromSystem(SystemMoveCommand c, TransactionKind kind, AccountKind account) {
        if (c.actingUser() != null) {
            throw new IllegalArgumentException("money from the " + account + " account is never a user's request");
        }
        return new MoveOrder(c.env(), null, kind, system(c.env().value(), account, c.amount()), c.wallet(), c.amount(),
                KycLimits.RECEIVER, c.memo(), null);
    }

    private static MoveOrder toSystem(SystemMoveCommand c, TransactionKind kind, AccountKind account,
            KycLimits limits) {
        return new MoveOrder(c.env(), c.actingUser(), kind, c.wallet(), system(c.env().value(), account, c.amount()),
                c.amount(), limits, c.memo(), null);
    }

    private static MoveOrder order(MoveCommand move, TransactionKind kind, KycLimits limits) {
        return new MoveOrder(move.env(), move.actingUser(), kind, move.from(), move.to(), move.amount(), limits, move.memo(),
                null);
    }

    private static WalletId system(String envId, AccountKind kind, Money amount) {
        return new WalletId(SystemAccounts.id(envId, kind, amount.currency()));
    }

    private void sweep() {
        try {
            int expired = expireDueHolds();
            if (expired > 0) {
                log.info("Expired {} due hold(s)", expired);
            }
            run(new WalletTasks.PurgeIdempotencyKeys(settings.idempotencyTtl()), null);
            run(new WalletTasks.PurgeOutgoingSums(), null);
        } catch (RuntimeException e) {
            log.warn("Hold sweep failed; will try again", e);
        }
    }

    /**
     * Calls {@code listener} after commits that changed something, on a thread of the ledger's own (never
     * the writer's): a slow or failing listener cannot slow or break a commit. Commits that happen while
     * listeners are still busy arrive merged into one {@link LedgerCommit}. This process's commits only:
     * another server process sharing a PostgreSQL database has its own listeners.
     *
     * @return closing it removes the listener
     */
    public AutoCloseable onCommit(java.util.function.Consumer<LedgerCommit> listener) {
        return commits.add(listener);
    }

    /** Stops the sweeper, finishes queued writes, and stops the writer. The database stays open. */
    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        writer.close();
        commits.close();
    }
}
