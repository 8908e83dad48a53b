package coffer.server.payment;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.server.auth.Principal;
import coffer.server.db.Keyset;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Outcome;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Payments as the user API takes them: a {@link PaymentDraft} (its shape checked by the controller) resolved
 * into a {@link PaymentOrder} (the destination, an email or a wallet id, becomes the recipient's wallet),
 * accepted by the ledger, then handed to the {@link PaymentProcessor}. Every money rule runs in the ledger,
 * including the refusal of an email that names no wallet.
 */
final class PaymentService {
    private final PaymentLedger ledger;
    private final PaymentProcessor processor;

    PaymentService(PaymentLedger ledger, PaymentProcessor processor) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    Outcome<Payment> pay(Principal caller, PaymentDraft draft, IdempotencyKey key) {
        Outcome<Payment> outcome = ledger.sendPayment(order(caller, draft).orThrow(), key);
        if (outcome.isOk() && !outcome.replayed()) {
            processor.accept(outcome.orThrow());
        }
        return outcome;
    }

    /**
     * Places the payments of a batch together; each item is a draft or the reason it could not be read.
     *
     * @param request the batch as canonical text, to recognise an idempotent replay
     */
    Outcome<PaymentBatch> payAll(Principal caller, List<Result<PaymentDraft>> items, String request, IdempotencyKey key) {
        List<Result<PaymentOrder>> orders = items.stream().map(item -> item.flatMap(d -> order(caller, d))).toList();
        Outcome<PaymentBatch> outcome = ledger.sendPayments(orders, request, key);
        if (outcome.isOk() && !outcome.replayed()) {
            outcome.orThrow().items().stream().map(PaymentBatch.Item::payment).filter(Objects::nonNull)
                    .forEach(processor::accept);
        }
        return outcome;
    }

    /**
     * The caller's payment, or one from the wallet of an organization the caller is a member of; another
     * user's is NOT_FOUND, like one that does not exist.
     */
    Payment get(Principal caller, String paymentId) {
        return ledger.payment(caller.envId(), paymentId)
                .filter(p -> p.userId().equals(caller.userId()) || ledger.isMemberFor(caller.envId(), p.sourceWalletId(), caller.userId()))
                .orElseThrow(() -> notFound(paymentId));
    }

    /**
     * Approves or rejects a payment awaiting approval ({@link PaymentTasks.Decide}); an approved one goes to the
     * processor. A replay of {@code key} answers the first decision again and hands nothing on.
     */
    Outcome<Payment> decide(Principal caller, String paymentId, boolean approve, IdempotencyKey key) {
        Payment payment = ledger.payment(caller.envId(), paymentId).orElseThrow(() -> notFound(paymentId));
        Outcome<Payment> decided = ledger.decide(payment, caller.userId(), approve, key);
        if (approve && decided.isOk() && !decided.replayed()) {
            processor.accept(decided.orThrow());
        }
        return decided;
    }

    private static CofferException notFound(String paymentId) {
        return new CofferException(ErrorCode.NOT_FOUND, "Payment " + paymentId + " was not found.", Map.of("payment_id", paymentId));
    }

    /** The caller's payments, newest first, after {@code after} (null: from the newest). */
    PaymentPage list(Principal caller, Keyset after, int limit) {
        return ledger.payments(caller.envId(), caller.userId(), after, limit);
    }

    /** The draft with its destination resolved; the ledger then applies every money rule. */
    private Result<PaymentOrder> order(Principal caller, PaymentDraft d) {
        return recipientWallet(caller, d).map(to -> new PaymentOrder(caller.envId(), caller.userId(), d.sourceWalletId(),
                d.destination(), to, d.amount(), d.description(), d.metadata()));
    }

    /** The wallet a destination names: a wallet id as given (the ledger checks it), or the open wallet of an email's user. */
    private Result<String> recipientWallet(Principal caller, PaymentDraft d) {
        if (!d.destination().contains("@")) {
            return Result.ok(d.destination());
        }
        return ledger.recipientWallet(caller.envId(), caller.userId(), d.sourceWalletId(), d.destination(), d.amount());
    }
}
