package coffer.server.payment;

import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationRole;
import coffer.server.ServerSettings;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.db.Keyset;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.rules.MoveRules;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Payments on the ledger: two-phase P2P movements that the payment processor settles. Their tasks
 * ({@link PaymentTasks}) run in the ledger's writer like its own, through {@link LedgerService#run}, and add
 * the payment's row to the movement's commit; the reads join the payments table to the movements.
 */
public final class PaymentLedger {
    /**
     * How long a reservation waits for the processor before it voids itself: far longer than any
     * restart, so in practice only a processor that never comes back lets a payment expire.
     */
    public static final Duration HOLD_TTL = Duration.ofDays(30);

    private final LedgerService ledger;
    private final Duration approvalExpiry;

    /** Payments whose approval, when they need one, waits {@link ServerSettings#DEFAULT_APPROVAL_EXPIRY}. */
    public PaymentLedger(LedgerService ledger) {
        this(ledger, ServerSettings.DEFAULT_APPROVAL_EXPIRY);
    }

    /**
     * @param approvalExpiry how long a payment awaiting an organization's approval holds its money: then its
     *                       hold expires (the ledger's sweep) and the payment fails with reason {@code expired}
     */
    public PaymentLedger(LedgerService ledger, Duration approvalExpiry) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.approvalExpiry = Objects.requireNonNull(approvalExpiry, "approvalExpiry");
    }

    /** Accepts a payment: every check of a P2P movement, then the money reserved and the payment recorded, in one commit. */
    public Outcome<Payment> sendPayment(PaymentOrder order, IdempotencyKey key) {
        return ledger.run(new PaymentTasks.Place(order, expiries()), key);
    }

    /**
     * Accepts several payments in one commit, each passing or refused on its own; items refused before
     * (malformed, unknown recipient) keep their place. The whole answer is what a replay returns.
     *
     * @param request the batch request as canonical text, to tell a replay from a different request
     */
    public Outcome<PaymentBatch> sendPayments(List<Result<PaymentOrder>> items, String request, IdempotencyKey key) {
        return ledger.run(new PaymentTasks.PlaceAll(items, expiries(), request), key);
    }

    /** When a payment placed now stops waiting: for the processor, or for an approval. */
    private PaymentTasks.Expiries expiries() {
        Instant now = ledger.now();
        return new PaymentTasks.Expiries(now.plus(HOLD_TTL), now.plus(approvalExpiry));
    }

    /**
     * An owner's or admin's approval ({@code approve}) or rejection of a payment awaiting it; with {@code key}
     * (may be null), a retry answers the first decision and another decision or payment is IDEMPOTENCY_KEY_REUSED.
     * An approved payment's money stays held {@link #HOLD_TTL} from the decision, however close its approval was to
     * expiring.
     */
    public Outcome<Payment> decide(Payment payment, String actor, boolean approve, IdempotencyKey key) {
        return ledger.run(new PaymentTasks.Decide(payment, actor, approve, HOLD_TTL), key);
    }

    /** Whether {@code userId} may read a payment from {@code sourceWalletId}: a member of the organization that holds it. */
    public boolean isMemberFor(String envId, String sourceWalletId, String userId) {
        return ledger.isMemberFor(envId, sourceWalletId, userId);
    }

    /**
     * One round of payment processing, in one commit: settles {@code settle} (captured, or voided with
     * the refusal's code) and moves {@code start} from pending to processing. Payments already past a
     * step are left alone. Answers how many changed.
     */
    public Result<Integer> advancePayments(List<Payment> start, List<Payment> settle) {
        return ledger.run(new PaymentTasks.Advance(start, settle), null).result();
    }

    /** A payment of the environment, with its movement's status now. */
    public Optional<Payment> payment(String envId, String paymentId) {
        return ledger.read(c -> PaymentRows.byId(c, envId, paymentId));
    }

    /** A payer's payments, newest first, after {@code after} (the previous page's {@code next}; null: from the newest). */
    public PaymentPage payments(String envId, String userId, Keyset after, int limit) {
        return ledger.read(c -> PaymentRows.page(c, envId, userId, after, limit));
    }

    /**
     * The payments from the wallets of the environment's organization {@code organizationId} awaiting an owner's or
     * admin's approval now, oldest first ({@link Payment#awaitingApproval()}, and their hold not yet due).
     */
    public List<PaymentAwaitingApproval> awaitingApproval(String envId, String organizationId) {
        long now = ledger.now().toEpochMilli();
        return ledger.read(c -> PaymentRows.awaitingApproval(c, envId, organizationId, now));
    }

    /** Payments of every environment not yet settled, created before {@code createdBefore}, oldest first after {@code after}. */
    public List<Payment> unfinishedPayments(Instant createdBefore, Payment after, int limit) {
        return ledger.read(c -> PaymentRows.unfinished(c, createdBefore.toEpochMilli(), after, limit));
    }

    /** The open wallet in {@code currency} of the environment's user with {@code email}. */
    public Optional<String> recipientWallet(String envId, String email, Currency currency) {
        return ledger.read(c -> PaymentRows.recipientWallet(c, envId, email, currency));
    }

    /**
     * The wallet that a payment of {@code amount} from the payer's {@code sourceWalletId} to {@code email}
     * reaches ({@link #recipientWallet(String, String, Currency)}); when there is none, the refusal the ledger's
     * rules give that payment, in their order ({@link MoveRules#unresolvedRecipient}).
     */
    public Result<String> recipientWallet(String envId, String payerId, String sourceWalletId, String email, Money amount) {
        Optional<String> found = recipientWallet(envId, email, amount.currency());
        if (found.isPresent()) {
            return Result.ok(found.get());
        }
        WalletSnapshot source = ledger.wallet(envId, sourceWalletId).orElse(null);
        Optional<OrganizationRole> role = source == null || source.organizationId() == null ? Optional.empty()
                : ledger.memberRole(source.organizationId(), payerId);
        return MoveRules.unresolvedRecipient(source, sourceWalletId, payerId, role, email, amount);
    }
}
