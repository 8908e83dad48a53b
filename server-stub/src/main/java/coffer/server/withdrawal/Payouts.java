package coffer.server.withdrawal;

import coffer.server.ledger.HoldId;
import coffer.server.ledger.VoidCommand;
import coffer.server.ledger.CaptureCommand;
import coffer.server.ledger.WalletId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.HoldCommand;
import coffer.server.ledger.EnvId;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.bank.BankAccount;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;
import coffer.server.db.Keyset;
import coffer.server.gateway.PaymentProvider;
import coffer.server.gateway.PaymentProvider.PayoutLinkRequest;
import coffer.server.gateway.PaymentProvider.PayoutRequest;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.IdempotencyKeys;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.ServerSettings;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.redirect.ReturnPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one hold → payout → capture/void machinery behind withdrawals and settlements.
 *
 * <ol>
 *   <li>A ledger hold of the payout's kind moves the amount from the wallet toward the environment's
 *       provider-clearing account (every ledger rule applies here: a refusal is answered with the ledger's
 *       code and the provider is never asked).</li>
 *   <li>The provider is asked to pay out, with the payout id as its reference (or, without a bank account,
 *       for a payout page where the user enters one).</li>
 *   <li>The hold is captured when the payout succeeds and voided when it fails — from the synchronous
 *       answer or from the provider's {@code payout.*} event, whichever comes first — and kept while it is
 *       pending. Each ledger step carries an idempotency key derived from the payout id, so a repeated event,
 *       a retry after a crash, or the answer and the event racing each other move money exactly once.</li>
 * </ol>
 */
public final class Payouts {
    private static final Logger log = LoggerFactory.getLogger(Payouts.class);
    /** How long the money stays held for a payout that has not finished (a pending payout, an unused page). */
    static final Duration HOLD_TTL = Duration.ofDays(30);
    /** How long a payout page stays usable. */
    static final Duration LINK_TTL = Duration.ofDays(1);
    /** The scope of the ledger idempotency keys derived from payout ids. */
    private static final String LEDGER_SCOPE = "payouts";
    /** The reason stored on a voided hold; the provider's own reason is kept on the payout. */
    private static final String VOID_REASON = "payout_failed";

    private final PayoutStore store;
    private final IdempotencyKeys keys;
    private final LedgerService ledger;
    private final PaymentProvider provider;
    private final Clock clock;
    /** The server's own base URL, for the default return page of a payout page; null: the page keeps the user. */
    private final Supplier<String> baseUrl;
    private final Duration approvalExpiry;

    /** Payouts whose payout pages keep the user when the order names no return URL. */
    public Payouts(Database database, LedgerService ledger, PaymentProvider provider, Clock clock) {
        this(database, ledger, provider, clock, null);
    }

    /**
     * @param baseUrl the server's own base URL: a payout page whose order names no return URL sends the user
     *                to {@link ReturnPage} there
     */
    public Payouts(Database database, LedgerService ledger, PaymentProvider provider, Clock clock, Supplier<String> baseUrl) {
        this(database, ledger, provider, clock, baseUrl, ServerSettings.DEFAULT_APPROVAL_EXPIRY);
    }

    /**
     * @param approvalExpiry how long a withdrawal awaiting an organization's approval holds its money: then its hold
     *                       expires (the ledger's sweep) and the withdrawal fails with reason {@link Payout#EXPIRED}
     */
    public Payouts(Database database, LedgerService ledger, PaymentProvider provider, Clock clock, Supplier<String> baseUrl,
                   Duration approvalExpiry) {
        Jdbc jdbc = new Jdbc(database);
        this.store = new PayoutStore(jdbc);
        this.keys = new IdempotencyKeys(jdbc);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.baseUrl = baseUrl;
        this.approvalExpiry = Objects.requireNonNull(approvalExpiry, "approvalExpiry");
    }

    /**
     * What to pay out.
     *
     * @param bankAccount  the saved account to pay; null for a payout page ({@link PayoutKind#WITHDRAWAL} only)
     * @param returnUrl    where the payout page sends the user afterwards, or null for Coffer's own
     *                     {@code /withdrawals/{id}/done} page (when built with the server's base URL)
     * @param key          the caller's idempotency key (or one derived from a schedule's period), or null
     */
    public record Order(PayoutKind kind, String envId, String userId, String walletId, Money amount, BankAccount bankAccount,
                        String scheduleId, String description, URI returnUrl, IdempotencyKey key) {
        public Order {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            if (bankAccount == null && kind != PayoutKind.WITHDRAWAL) {
                throw new IllegalArgumentException("only a withdrawal can be paid out through the provider's page");
            }
        }

        /** The request's fields, to tell a replay with the same key from a different request. */
        Fingerprint fingerprint() {
            return Fingerprint.of(kind.wire()).text(walletId).money(amount).text(bankAccount == null ? null : bankAccount.id())
                    .text(scheduleId).text(description).text(returnUrl == null ? null : returnUrl.toString());
        }
    }

    /** PROVIDER_UNAVAILABLE when this server has no payment provider that pays out to bank accounts. */
    public void requireProvider() {
        provider.requirePayouts();
    }

    /**
     * Holds the money and asks the provider to pay it out; answers the payout as it stands after the
     * provider's answer. A repeat with the same key answers the first payout (replayed) without moving
     * money; the same key with another request is IDEMPOTENCY_KEY_REUSED.
     */
    public Outcome<Payout> start(Order order) {
        requireProvider();
        Fingerprint request = order.fingerprint();
        if (order.key() != null) {
            Optional<Outcome<Payout>> earlier = replay(order.key(), request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String id = Ids.next(order.kind().idPrefix());
        Instant now = clock.instant();
        boolean approval = needsApproval(order);
        String clearing = LedgerService.systemAccount(order.envId(), AccountKind.PROVIDER_CLEARING, order.amount().currency());
        Outcome<Movement> held = ledger.hold(new HoldCommand(new EnvId(order.envId()),
                UserId.ofNullable(order.userId()),
                order.kind().transactionKind(), new WalletId(order.walletId()), new WalletId(clearing), order.amount(),
                now.plus(approval ? approvalExpiry : HOLD_TTL), Memo.reference(id).withDescription(order.description())),
                ledgerKey(id, "hold"));
        if (!held.isOk()) {
            return new Outcome<>(held.result().asRejected(), false);
        }
        Movement hold = held.orThrow();
        Payout payout = new Payout(id, order.kind(), order.envId(), order.userId(), order.walletId(),
                order.bankAccount() == null ? null : order.bankAccount().id(), order.scheduleId(), order.amount(),
                PayoutStatus.PENDING, hold.holdId(), hold.id(), null, null, order.description(), null, now, null,
                approval ? PayoutApproval.PENDING : PayoutApproval.NONE, null,
                order.returnUrl() == null ? null : order.returnUrl().toString());
        boolean stored;
        try {
            stored = store.insert(payout, order.key(), request);
        } catch (RuntimeException e) {
            release(payout);
            throw e;
        }
        if (!stored) {
            // a concurrent request with the same key stored its payout first: this one's hold goes back
            release(payout);
            return replay(order.key(), request).orElseGet(() -> new Outcome<>(IdempotencyKeys.inProgress(), false));
        }
        if (approval) {
            // the provider is asked once another owner or admin approves it
            return new Outcome<>(Result.ok(current(id)), false);
        }
        return new Outcome<>(Result.ok(ask(payout, order.bankAccount())), false);
    }

    /**
     * Whether a withdrawal waits for an owner's or admin's approval: a member's from an organization's wallet above
     * the organization's approval threshold. The ledger then checks the member's role as for any withdrawal.
     */
    private boolean needsApproval(Order order) {
        if (order.kind() != PayoutKind.WITHDRAWAL || order.userId() == null) {
            return false;
        }
        String organization = ledger.wallet(order.envId(), order.walletId()).map(WalletSnapshot::organizationId)
                .filter(org -> !org.equals(order.userId())).orElse(null);
        return organization != null && ledger.approvalThreshold(organization, order.amount().currency())
                .filter(threshold -> order.amount().minor() > threshold).isPresent();
    }

    /**
     * An owner's or admin's approval ({@code approve}) or rejection of a withdrawal awaiting it ({@link PayoutDecision});
     * an approved one is then paid out as any withdrawal, to its bank account ({@code bankAccounts} finds it by id)
     * or through a payout page. With {@code key} (may be null) a retry answers the first decision and asks the
     * provider nothing again; another decision or request with the key is IDEMPOTENCY_KEY_REUSED.
     */
    public Outcome<Payout> decide(String envId, String actor, String id, boolean approve, IdempotencyKey key,
                                  Function<String, Optional<BankAccount>> bankAccounts) {
        if (approve) {
            requireProvider();
        }
        Payout withdrawal = store.byId(id).filter(p -> p.envId().equals(envId) && p.kind() == PayoutKind.WITHDRAWAL)
                .orElseThrow(() -> withdrawalNotFound(id));
        Outcome<Payout> decided = ledger.run(new PayoutDecision(withdrawal, actor, approve, HOLD_TTL), key);
        if (approve && decided.isOk() && !decided.replayed()) {
            Payout approved = decided.orThrow();
            ask(approved, approved.bankAccountId() == null ? null : bankAccounts.apply(approved.bankAccountId()).orElseThrow());
        }
        return decided;
    }

    /**
     * The withdrawals from the wallets of the environment's organization {@code organizationId} awaiting an owner's
     * or admin's approval now, oldest first ({@link Payout#awaitingApproval()}, and their hold not yet due).
     */
    public List<WithdrawalAwaitingApproval> awaitingApproval(String envId, String organizationId) {
        return store.awaitingApproval(envId, organizationId, clock.instant());
    }

    static CofferException withdrawalNotFound(String id) {
        return notFound(PayoutKind.WITHDRAWAL, id);
    }

    private static CofferException notFound(PayoutKind kind, String id) {
        return new CofferException(ErrorCode.NOT_FOUND,
                (kind == PayoutKind.WITHDRAWAL ? "Withdrawal " : "Settlement ") + id + " was not found.",
                Map.of(kind.wire() + "_id", String.valueOf(id)));
    }

    /** A payout of any user (for events and schedules). */
    public Optional<Payout> payout(String id) {
        return store.byId(id);
    }

    /** The caller's payout of {@code kind}; another user's, or another kind's, is NOT_FOUND. */
    public Payout owned(String envId, String userId, PayoutKind kind, String id) {
        return store.byId(id)
                .filter(p -> p.envId().equals(envId) && p.userId().equals(userId) && p.kind() == kind)
                .orElseThrow(() -> notFound(kind, id));
    }

    /**
     * The withdrawal {@code id} as {@code userId} may read it: their own, or one from the wallet of an organization
     * they are a member of (any role: who approves it reads it); anyone else's is NOT_FOUND, like one that does not
     * exist.
     */
    public Payout withdrawal(String envId, String userId, String id) {
        return store.byId(id)
                .filter(p -> p.envId().equals(envId) && p.kind() == PayoutKind.WITHDRAWAL)
                .filter(p -> p.userId().equals(userId) || ledger.isMemberFor(envId, p.walletId(), userId))
                .orElseThrow(() -> withdrawalNotFound(id));
    }

    /** The caller's payouts of {@code kind}, newest first, after {@code after} (null: from the newest). */
    public Keyset.Page<Payout> page(String envId, String userId, PayoutKind kind, Keyset after, int limit) {
        return Keyset.page(store.page(envId, userId, kind, after, limit + 1), limit, p -> Keyset.of(p.createdAt(), p.id()));
    }

    /**
     * Applies the provider's final word on a payout: captures the hold ({@code succeeded}) or voids it,
     * once; a payout already final is left as it is. False when the ledger could not do it now (the
     * event should come again later).
     */
    public boolean finish(String payoutId, boolean succeeded, String reason) {
        Optional<Payout> found = store.byId(payoutId);
        if (found.isEmpty()) {
            log.warn("A payout event names {}, which is not a payout of this server; ignored", payoutId);
            return true;
        }
        return finish(found.get(), succeeded, reason);
    }

    /** Notes the provider's payout id while the payout is pending. */
    public void noteProviderId(String payoutId, String providerPayoutId) {
        if (providerPayoutId != null) {
            store.provided(payoutId, providerPayoutId, null);
        }
    }

    // ---- the machinery -----------------------------------------------------------------------------------

    private URI returnUrl(Payout payout) {
        if (payout.returnUrl() != null || baseUrl == null) {
            return payout.returnUrl() == null ? null : URI.create(payout.returnUrl());
        }
        return URI.create(baseUrl.get() + ReturnPage.Kind.WITHDRAWAL.path(payout.id()));
    }

    /** Asks the provider to pay {@code to}, or (null) for a payout page; answers the payout as it stands then. */
    private Payout ask(Payout payout, BankAccount to) {
        if (to == null) {
            Result<PaymentProvider.PayoutLink> link = provider.createPayoutLink(
                    new PayoutLinkRequest(payout.id(), payout.amount(), returnUrl(payout), LINK_TTL));
            if (!link.isOk()) {
                return failed(payout, "provider: " + ((Result.Rejected<?>) link).message());
            }
            String url = link.orThrow().url().toString();
            store.provided(payout.id(), null, url);
            return current(payout.id());
        }
        Result<PaymentProvider.Payout> answer = provider.createPayout(new PayoutRequest(payout.id(), payout.amount(),
                to.bankCode(), to.accountNumber(), to.holderName()));
        if (!answer.isOk()) {
            // the provider refused the request (or could not be reached): nothing was paid out
            return failed(payout, "provider: " + ((Result.Rejected<?>) answer).message());
        }
        PaymentProvider.Payout p = answer.orThrow();
        store.provided(payout.id(), p.id(), null);
        switch (p.status()) {
            case SUCCEEDED -> finish(current(payout.id()), true, null);
            case FAILED -> finish(current(payout.id()), false, p.failureReason() == null ? "failed" : p.failureReason());
            case PENDING -> log.info("Payout {} is pending at the provider; its hold stays until the provider's event", payout.id());
        }
        return current(payout.id());
    }

    private Payout failed(Payout payout, String reason) {
        finish(payout, false, reason);
        return current(payout.id());
    }

    private boolean finish(Payout payout, boolean succeeded, String reason) {
        if (payout.status() != PayoutStatus.PENDING) {
            if ((payout.status() == PayoutStatus.SUCCEEDED) != succeeded) {
                log.warn("Payout {} is already {}; a later '{}' changes nothing", payout.id(), payout.status().wire(),
                        succeeded ? "succeeded" : "failed");
            }
            return true;
        }
        Outcome<Movement> done = resolveHold(payout, succeeded);
        Instant now = clock.instant();
        if (done.isOk()) {
            store.finish(payout.id(), succeeded ? PayoutStatus.SUCCEEDED : PayoutStatus.FAILED, succeeded ? null : reason, now);
            return true;
        }
        ErrorCode code = done.result().errorCode();
        if (code == ErrorCode.HOLD_ALREADY_RESOLVED) {
            // resolved the other way, or expired: the payout takes the movement's outcome
            TransactionStatus moved = ledger.movement(payout.envId(), payout.transactionId()).map(Movement::status)
                    .orElse(TransactionStatus.FAILED);
            boolean captured = moved == TransactionStatus.COMPLETED;
            if (captured != succeeded) {
                log.error("Payout {}: the provider says {} but its hold is already {}; needs an operator's attention",
                        payout.id(), succeeded ? "succeeded" : "failed", moved.wire());
            }
            store.finish(payout.id(), captured ? PayoutStatus.SUCCEEDED : PayoutStatus.FAILED,
                    captured ? null : (reason == null ? "hold " + moved.wire() : reason), now);
            return true;
        }
        if (code == ErrorCode.IDEMPOTENCY_IN_PROGRESS) {
            // the synchronous answer and the provider's event arrived together; the other one is finishing it
            log.info("Payout {} is being finished by a concurrent call; this one is retried later", payout.id());
        } else {
            log.warn("Payout {} could not be {} now ({}); the provider's event will try again", payout.id(),
                    succeeded ? "captured" : "voided", code);
        }
        return false;
    }

    /**
     * Captures or voids the payout's hold. The provider's synchronous answer and its webhook often arrive
     * together and make the same keyed ledger call; the second waits for the first to be answered and
     * then gets its stored result, so whichever answers the user already knows the outcome.
     */
    private Outcome<Movement> resolveHold(Payout payout, boolean succeeded) {
        if (succeeded) {
            IdempotencyKey key = ledgerKey(payout.id(), "capture");
            return ledger.afterSameKey(key, () -> ledger.capture(CaptureCommand.all(new EnvId(payout.envId()), new HoldId(payout.holdId())),
                    key));
        }
        IdempotencyKey key = ledgerKey(payout.id(), "void");
        return ledger.afterSameKey(key, () -> ledger.voidHold(new VoidCommand(new EnvId(payout.envId()), new HoldId(payout.holdId()), VOID_REASON),
                key));
    }

    /** Gives back the hold of a payout that was never asked for. */
    private void release(Payout payout) {
        Outcome<Movement> voided = ledger.voidHold(new VoidCommand(new EnvId(payout.envId()), new HoldId(payout.holdId()), VOID_REASON),
                ledgerKey(payout.id(), "void"));
        if (!voided.isOk()) {
            log.error("The hold of unstored payout {} could not be voided ({}); it expires by itself",
                    payout.id(), voided.result().errorCode());
        }
    }

    /** The answer to a request whose key was used before: the payout it made, or why not. */
    private Optional<Outcome<Payout>> replay(IdempotencyKey key, Fingerprint request) {
        return keys.earlier(key, request, Fingerprint.Legacy.PAYOUTS).map(earlier -> earlier.isOk()
                ? new Outcome<>(Result.ok(current(earlier.orThrow())), true)
                : new Outcome<>(earlier.asRejected(), false));
    }

    private Payout current(String id) {
        return store.byId(id).orElseThrow();
    }

    private static IdempotencyKey ledgerKey(String payoutId, String step) {
        return new IdempotencyKey(LEDGER_SCOPE, payoutId + ":" + step);
    }
}
