package coffer.server.topup;

import coffer.server.ledger.WalletId;
import coffer.server.ledger.Memo;
import coffer.server.ledger.SystemMoveCommand;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.UserId;
import coffer.server.ledger.RefundCommand;
import coffer.server.tenant.Tenants;
import coffer.server.ledger.rules.HolderLimits;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.api.TopupTypes.TopupRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.kyc.KycDecision;
import coffer.core.kyc.KycPolicy;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.db.Keyset;
import coffer.server.db.Jdbc;
import coffer.server.gateway.PaymentProvider;
import coffer.server.gateway.PaymentProvider.CheckoutRequest;
import coffer.server.gateway.ProviderEvent;
import coffer.server.gateway.ProviderEventHandler;
import coffer.server.json.RequestBodies;
import coffer.server.ledger.DepositDecision;
import coffer.server.ledger.Fingerprint;
import coffer.server.ledger.rules.HolderLimits;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.IdempotencyKeys;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.Outcome;
import coffer.server.tenant.User;
import coffer.server.ledger.WalletSnapshot;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.redirect.ReturnPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Top-ups: money paid in by card, at the provider's checkout page or by charging a saved card again.
 * A top-up is checked as the ledger would check the credit (ownership, wallet status, currency, the
 * holder's KYC maximum balance over all its wallets, with its other top-ups still open counted as if
 * paid) before any page opens; the wallet is credited only when the provider says it was paid (a
 * signed event, or a saved card's synchronous answer), exactly once: the deposit carries the
 * idempotency key {@code topup:<id>} and the top-up leaves {@code completed} never again.
 *
 * <p>A paid top-up the ledger still refuses (two checkouts opened at once and both paid, a wallet
 * suspended meanwhile) is failed with the ledger's reason and its money refunded to the card, once:
 * the ledger keeps its refusal with the key, so a repeated event cannot credit it afterwards, and the
 * provider's refund carries the reference {@code return:<id>}.
 */
public final class TopupService {
    private static final Logger log = LoggerFactory.getLogger(TopupService.class);
    static final String DESCRIPTION = "Card top-up";
    private static final String KEY_SCOPE = "provider";
    /**
     * How long a top-up whose provider has not answered yet counts as open: far longer than the
     * provider's timeout, so only a request lost in a crash stops counting this way.
     */
    private static final Duration STARTING = Duration.ofMinutes(5);

    private final LedgerService ledger;

    private final Tenants tenants;
    private final PaymentProvider provider;
    private final TopupStore store;
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final ReturnOrigins origins;

    /**
     * @param baseUrl the server's own base URL, for the default return page
     * @param origins where a user-chosen return URL may send the browser
     */
    public TopupService(LedgerService ledger, PaymentProvider provider, Database database, Clock clock,
                        Supplier<String> baseUrl, ReturnOrigins origins) {
        this.ledger = ledger;
        this.tenants = new Tenants(this.ledger);
        this.provider = provider;
        this.store = new TopupStore(database);
        this.keys = new IdempotencyKeys(new Jdbc(database));
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.origins = origins;
    }

    /** What a refund did: the ledger's movement back from the wallet and the provider's refund to the card. */
    record RefundDone(Movement movement, PaymentProvider.Refund providerRefund, boolean replayed) {
    }

    /**
     * Opens a checkout for a top-up a user asked for, or answers the top-up an earlier request with the
     * same key opened; a return URL must be on the environment's allowed return origins.
     */
    public Outcome<Topup> create(Principal p, TopupRequest r, IdempotencyKey key) {
        return create(p, r, key, false);
    }

    /** As {@link #create}, for a caller trusted to name any return URL: a signed partner request, the in-process library. */
    public Outcome<Topup> createAsPartner(Principal p, TopupRequest r, IdempotencyKey key) {
        return create(p, r, key, true);
    }

    private Outcome<Topup> create(Principal p, TopupRequest r, IdempotencyKey key, boolean partner) {
        provider.requireAvailable();
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        String walletId = RequestBodies.required(r.walletId(), "wallet_id");
        boolean save = Boolean.TRUE.equals(r.saveCard());
        String id = Ids.next("top");
        String returnUrl = r.returnUrl() == null ? baseUrl.get() + ReturnPage.Kind.TOPUP.path(id) : returnUrl(p, r.returnUrl(), partner);
        Fingerprint request = Fingerprint.of("checkout").text(walletId).text(amount.currencyCode()).number(amount.minor())
                .text(r.returnUrl()).flag(save);
        Topup draft = draft(id, p, walletId, amount, save, null);
        return start(p, draft, request, key, returnUrl, t -> {
            String email = tenants.user(new EnvId(p.envId()), new UserId(p.userId())).map(User::email).orElse(null);
            PaymentProvider.CheckoutSession session = orAbandon(t, key, provider.createCheckout(
                    new CheckoutRequest(t.id(), t.amount(), email, URI.create(returnUrl), save, null)));
            store.opened(t.id(), session.id(), session.url().toString(), session.expiresAt());
            return store.get(t.id()).orElseThrow();
        });
    }

    /**
     * Charges a saved card again and credits the wallet, without a page (seed 002's "charge saved card").
     *
     * @param authorizationCode the provider's reusable authorization of the caller's card
     */
    public Outcome<Topup> chargeSavedCard(Principal p, String cardId, String authorizationCode, CardChargeRequest r,
                                          IdempotencyKey key) {
        provider.requireAvailable();
        Money amount = RequestBodies.positiveAmount(r.amount(), r.currency());
        String walletId = RequestBodies.required(r.walletId(), "wallet_id");
        Fingerprint request = Fingerprint.of("card").text(cardId).text(walletId).text(amount.currencyCode())
                .number(amount.minor());
        Topup draft = draft(Ids.next("top"), p, walletId, amount, false, cardId);
        return start(p, draft, request, key, null, t -> {
            PaymentProvider.Charge charge = orAbandon(t, key, provider.chargeSavedCard(authorizationCode, t.amount(), t.id()));
            store.charged(t.id(), charge.id());
            switch (charge.status()) {
                // the provider's charge.succeeded webhook may be crediting it at this very moment: the ledger call
                // waits for that one; should the ledger not decide now, the top-up stays pending for the webhook
                case SUCCEEDED -> complete(store.get(t.id()).orElseThrow(), charge.id());
                case FAILED -> store.fail(t.id(), charge.failureReason());
                // the provider is still deciding: pending until its charge.succeeded or charge.failed event
                case PENDING -> { }
            }
            return store.get(t.id()).orElseThrow();
        });
    }

    /** The caller's top-up; another user's is NOT_FOUND, like one that does not exist. */
    public Topup get(Principal p, String id) {
        return store.get(id).filter(t -> t.envId().equals(p.envId()) && t.userId().equals(p.userId()))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Top-up " + id + " was not found.",
                        Map.of("topup_id", id)));
    }

    /** A top-up by id, whoever it belongs to (for the return page and other features' event handlers). */
    public Optional<Topup> find(String id) {
        return store.get(id);
    }

    /** The caller's top-ups, newest first, after {@code after} (null: from the newest). */
    Keyset.Page<Topup> page(Principal p, Keyset after, int limit) {
        return Keyset.page(store.page(p.envId(), p.userId(), after, limit + 1), limit, t -> Keyset.of(t.createdAt(), t.id()));
    }

    /** How much of a top-up has been refunded: all of one whose money went back to the card when the ledger refused it. */
    Money refunded(Topup t) {
        if (Topup.RETURN_DONE.equals(t.returnToCard())) {
            return t.amount();
        }
        if (t.transactionId() == null) {
            return Money.zero(t.amount().currency());
        }
        return ledger.movement(t.envId(), t.transactionId()).map(Movement::refunded).orElse(Money.zero(t.amount().currency()));
    }

    /**
     * Refunds part ({@code amountText}) or all (null) of what is left of a completed top-up: the ledger
     * takes it back from the wallet first (never beyond what is left: REFUND_EXCEEDS_PAYMENT), then the
     * provider returns it to the card with the ledger refund's id as reference, so a retry with the same
     * idempotency key finishes a provider refund that failed the first time.
     */
    RefundDone refund(Principal p, String id, String amountText, IdempotencyKey key) {
        provider.requireAvailable();
        Topup t = get(p, id);
        if (t.status() != TopupStatus.COMPLETED || t.transactionId() == null || t.chargeId() == null) {
            throw new CofferException(ErrorCode.REFUND_EXCEEDS_PAYMENT, "Top-up " + id + " was not paid, so nothing can be refunded.",
                    Map.of("topup_id", id));
        }
        Money amount = amountText == null ? null : Money.parse(amountText, t.amount().currency()).requirePositive();
        Outcome<Movement> back = ledger.refund(new RefundCommand(new EnvId(t.envId()), UserId.ofNullable(t.userId()),
                t.transactionId(), amount, "Top-up refund"), key);
        Movement movement = back.orThrow();
        PaymentProvider.Refund refund = provider.refund(t.chargeId(), movement.amount(), movement.id()).orThrow();
        return new RefundDone(movement, refund, back.replayed());
    }

    /** Applies the provider's checkout and charge events to top-ups; events about anything else are left alone. */
    public ProviderEventHandler events() {
        return new ProviderEventHandler() {
            @Override
            public Set<String> types() {
                return Set.of("checkout.paid", "checkout.failed", "checkout.expired", "charge.succeeded", "charge.failed");
            }

            @Override
            public boolean handle(ProviderEvent event) {
                Optional<Topup> found = Optional.ofNullable(event.string("reference")).flatMap(store::get);
                if (found.isEmpty()) {
                    return true;
                }
                Topup t = found.get();
                switch (event.type()) {
                    case "checkout.paid", "charge.succeeded" -> {
                        return complete(t, event.string("charge_id"));
                    }
                    case "checkout.expired" -> store.fail(t.id(), "expired");
                    case "checkout.failed" -> store.fail(t.id(), Optional.ofNullable(event.string("reason")).orElse("failed"));
                    // a saved card's charge has no page to try another card on: its failure ends the top-up
                    default -> {
                        if (t.cardId() != null) {
                            store.fail(t.id(), Optional.ofNullable(event.string("reason")).orElse("failed"));
                        } else {
                            store.declined(t.id(), event.string("reason"));
                        }
                    }
                }
                return true;
            }
        };
    }

    // ---- internals ----

    /**
     * Credits a paid top-up once, or sends its money back to the card once when the ledger refuses it.
     * False when it could not be decided now (the same credit is running elsewhere, the database or the
     * provider is away), so the event is sent again later.
     */
    private boolean complete(Topup t, String chargeId) {
        if (t.status() == TopupStatus.COMPLETED) {
            return true;
        }
        if (t.returnToCard() != null) {
            return sendBack(t, chargeId);
        }
        IdempotencyKey key = new IdempotencyKey(KEY_SCOPE, "topup:" + t.id());
        // the synchronous answer of a saved-card charge and its webhook credit the same top-up: the second waits for the first
        Outcome<DepositDecision> credit = ledger.afterSameKey(key,
                () -> ledger.depositOnce(SystemMoveCommand.of(new EnvId(t.envId()), new WalletId(t.walletId()),
                        t.amount(),
                        Memo.reference(t.id()).withDescription(DESCRIPTION)), key));
        if (!credit.isOk()) {
            // the ledger did not decide (busy with the same key, unavailable): nothing moved, try again later
            return false;
        }
        DepositDecision decided = credit.orThrow();
        if (decided.credited()) {
            store.complete(t.id(), chargeId, decided.movement().id(), clock.instant());
            return true;
        }
        log.warn("Top-up {} was paid but the wallet refused the credit ({}); refunding the card", t.id(), decided.refusal());
        store.refused(t.id(), chargeId, decided.refusal().name());
        return sendBack(store.get(t.id()).orElseThrow(), chargeId);
    }

    /** Refunds a refused top-up's money to the card; the provider answers a repeat with the first refund. */
    private boolean sendBack(Topup t, String eventChargeId) {
        if (Topup.RETURN_DONE.equals(t.returnToCard())) {
            return true;
        }
        String charge = t.chargeId() != null ? t.chargeId() : eventChargeId;
        if (charge == null) {
            log.error("Top-up {} was refused after payment but no charge is known to refund; it needs an operator", t.id());
            return true;
        }
        Result<PaymentProvider.Refund> refund = provider.refund(charge, t.amount(), "return:" + t.id());
        if (!refund.isOk()) {
            return false;
        }
        if (refund.orThrow().status() == PaymentProvider.RefundStatus.SUCCEEDED) {
            store.returned(t.id());
        } else {
            log.error("Top-up {} was refused after payment and the provider refused its refund; it needs an operator", t.id());
        }
        return true;
    }

    private Outcome<Topup> start(Principal p, Topup draft, Fingerprint request, IdempotencyKey key, String returnUrl,
                                 UnaryOperator<Topup> open) {
        if (key != null) {
            Optional<Outcome<Topup>> earlier = replay(key, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        check(p, draft.walletId(), draft.amount());
        if (!store.insert(draft, key, request, returnUrl)) {
            // a concurrent request with the same key stored its top-up first
            return replay(key, request).orElseThrow(() -> new CofferException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    ErrorCode.IDEMPOTENCY_IN_PROGRESS.defaultMessage()));
        }
        return new Outcome<>(Result.ok(open.apply(draft)), false);
    }

    /**
     * The answer to a request whose key was used before: the top-up it made (IDEMPOTENCY_IN_PROGRESS while
     * the provider has not yet answered the request that opened it), or why not.
     */
    private Optional<Outcome<Topup>> replay(IdempotencyKey key, Fingerprint request) {
        return keys.earlier(key, request, Fingerprint.Legacy.TOPUPS).map(earlier -> {
            Topup topup = store.get(earlier.orThrow()).orElseThrow();
            if (topup.starting()) {
                throw new CofferException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, ErrorCode.IDEMPOTENCY_IN_PROGRESS.defaultMessage());
            }
            return new Outcome<>(Result.ok(topup), true);
        });
    }

    /**
     * The checks the ledger will run on the credit, in its order, so a top-up it would refuse never opens
     * a page. The holder's other top-ups that may still be paid count as already held: a card charged
     * and then refunded costs the user days and the provider fees, so two checkouts that together pass
     * the maximum are not opened in the first place.
     */
    private void check(Principal p, String walletId, Money amount) {
        WalletSnapshot w = ledger.wallet(p.envId(), walletId).filter(x -> p.userId().equals(x.userId()))
                .orElseThrow(() -> new CofferException(ErrorCode.WALLET_NOT_FOUND, "Wallet " + walletId + " was not found.",
                        Map.of("wallet_id", walletId)));
        w.status().checkCredit().orThrow();
        if (!w.currency().equals(amount.currency())) {
            String held = w.currency().getCurrencyCode();
            throw new CofferException(ErrorCode.CURRENCY_MISMATCH, "The wallet holds " + held + " but the amount is in "
                    + amount.currencyCode(), Map.of("expected", held, "actual", amount.currencyCode()));
        }
        HolderLimits holder = ledger.holderLimits(p.envId(), p.userId(), w.currency()).orElseThrow();
        Instant now = clock.instant();
        Money open = Money.ofMinor(w.currency(), store.open(p.envId(), p.userId(), amount.currencyCode(), now, now.minus(STARTING)));
        KycDecision decision = KycPolicy.checkIncoming(holder.limits(), holder.held().plus(open), amount);
        if (!decision.isAllowed() && open.isPositive()
                && KycPolicy.checkIncoming(holder.limits(), holder.held(), amount).isAllowed()) {
            throw new CofferException(ErrorCode.KYC_REQUIRED, "Top-ups of " + open.toDecimalString() + " "
                    + open.currencyCode() + " are still open; with this one they would take what is held over the maximum of "
                    + holder.limits().maxBalance().toDecimalString() + " " + open.currencyCode()
                    + " for this verification level. Pay or cancel them first, or verify your identity to hold more.",
                    Map.of("open", open.toDecimalString(), "limit", holder.limits().maxBalance().toDecimalString()));
        }
        decision.result().orThrow();
    }

    private Topup draft(String id, Principal p, String walletId, Money amount, boolean save, String cardId) {
        return new Topup(id, p.envId(), p.userId(), walletId, amount, TopupStatus.PENDING, save, cardId, null, null, null, null,
                null, clock.instant(), null, null);
    }

    /** The provider's answer, or PROVIDER_ERROR after marking the top-up failed and freeing its key for a retry. */
    private <T> T orAbandon(Topup t, IdempotencyKey key, Result<T> answer) {
        if (answer instanceof Result.Rejected<T> refused) {
            store.abandon(t.id(), ErrorCode.PROVIDER_ERROR.name(), key);
            throw new CofferException(ErrorCode.PROVIDER_ERROR, refused.message());
        }
        return answer.orThrow();
    }

    private String returnUrl(Principal p, String text, boolean partner) {
        return (partner ? ReturnOrigins.partnerChosen(text, "return_url") : origins.userChosen(p.envId(), text, "return_url"))
                .toString();
    }
}
