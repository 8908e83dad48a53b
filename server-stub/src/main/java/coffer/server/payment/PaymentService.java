package coffer.server.payment;

import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import coffer.server.auth.Principal;
import coffer.server.db.Keyset;
import coffer.server.http.Requests;
import coffer.server.json.Json;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Outcome;
import coffer.server.ledger.Payment;
import coffer.server.ledger.PaymentBatch;
import coffer.server.ledger.PaymentOrder;
import coffer.server.ledger.PaymentPage;
import coffer.server.ledger.Wallet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Payments as the user API takes them: a request checked and resolved into a {@link PaymentOrder}
 * (the destination, an email or a wallet id, becomes the recipient's wallet), accepted by the ledger,
 * then handed to the {@link PaymentProcessor}. Every money rule runs in the ledger, at acceptance.
 */
final class PaymentService {
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_METADATA_CHARS = 4_096;

    private final LedgerService ledger;
    private final PaymentProcessor processor;

    PaymentService(LedgerService ledger, PaymentProcessor processor) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    Outcome<Payment> pay(Principal caller, PaymentRequest request, IdempotencyKey key) {
        Outcome<Payment> outcome = ledger.sendPayment(order(caller, request), key);
        if (outcome.isOk() && !outcome.replayed()) {
            processor.accept(outcome.orThrow());
        }
        return outcome;
    }

    /**
     * Places the payments of a batch together; each item is a request or the reason it could not be read.
     *
     * @param request the batch as canonical text, to recognise an idempotent replay
     */
    Outcome<PaymentBatch> payAll(Principal caller, List<Result<PaymentRequest>> items, String request, IdempotencyKey key) {
        List<Result<PaymentOrder>> orders = items.stream().map(item -> item.flatMap(r -> attempt(caller, r))).toList();
        Outcome<PaymentBatch> outcome = ledger.sendPayments(orders, request, key);
        if (outcome.isOk() && !outcome.replayed()) {
            outcome.orThrow().items().stream().map(PaymentBatch.Item::payment).filter(Objects::nonNull)
                    .forEach(processor::accept);
        }
        return outcome;
    }

    /** The caller's payment; another user's is NOT_FOUND, like one that does not exist. */
    Payment get(Principal caller, String paymentId) {
        return ledger.payment(caller.envId(), paymentId)
                .filter(p -> p.userId().equals(caller.userId()))
                .orElseThrow(() -> new CofferException(ErrorCode.NOT_FOUND, "Payment " + paymentId + " was not found.",
                        Map.of("payment_id", paymentId)));
    }

    /** The caller's payments, newest first, after {@code after} (null: from the newest). */
    PaymentPage list(Principal caller, Keyset after, int limit) {
        return ledger.payments(caller.envId(), caller.userId(), after, limit);
    }

    /** A request's optional description, or INVALID_REQUEST when it is too long. */
    static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "'description' is longer than " + MAX_DESCRIPTION + " characters.", Map.of("field", "description"));
        }
        return description;
    }

    private Result<PaymentOrder> attempt(Principal caller, PaymentRequest request) {
        try {
            return Result.ok(order(caller, request));
        } catch (CofferException e) {
            return e.toResult();
        }
    }

    /** The request checked for shape and resolved; the ledger then applies every money rule. */
    private PaymentOrder order(Principal caller, PaymentRequest r) {
        Money amount = Requests.positiveAmount(r.amount(), r.currency());
        String source = Requests.required(r.sourceWalletId(), "source_wallet_id");
        String destination = Requests.required(r.destination(), "destination").strip();
        String metadata = r.metadata() == null ? null : Json.gson().toJson(r.metadata());
        if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "'metadata' is larger than " + MAX_METADATA_CHARS + " characters of JSON.", Map.of("field", "metadata"));
        }
        return new PaymentOrder(caller.envId(), caller.userId(), source, destination,
                recipientWallet(caller, source, destination, amount), amount, description(r.description()), metadata);
    }

    /** The wallet a destination names: a wallet id as given (the ledger checks it), or the open wallet of an email's user. */
    private String recipientWallet(Principal caller, String source, String destination, Money amount) {
        if (!destination.contains("@")) {
            return destination;
        }
        return ledger.recipientWallet(caller.envId(), destination, amount.currency())
                .orElseThrow(() -> unresolved(caller, source, destination, amount));
    }

    /**
     * Why an email found no wallet, in the order the ledger checks: the payer's own wallet (ownership,
     * status, currency) comes before the recipient.
     */
    private CofferException unresolved(Principal caller, String source, String destination, Money amount) {
        Optional<Wallet> own = ledger.wallet(caller.envId(), source).filter(w -> caller.userId().equals(w.userId()));
        if (own.isEmpty()) {
            return new CofferException(ErrorCode.WALLET_NOT_FOUND, "Wallet " + source + " was not found.",
                    Map.of("wallet_id", source));
        }
        if (own.get().status().checkDebit() instanceof Result.Rejected<?> refused) {
            return new CofferException(refused.code(), refused.message(), refused.context());
        }
        if (!own.get().currency().equals(amount.currency())) {
            String held = own.get().currency().getCurrencyCode();
            return new CofferException(ErrorCode.CURRENCY_MISMATCH,
                    "The wallet holds " + held + " but the amount is in " + amount.currencyCode(),
                    Map.of("expected", held, "actual", amount.currencyCode()));
        }
        return new CofferException(ErrorCode.WALLET_NOT_FOUND,
                "No " + amount.currencyCode() + " wallet was found for " + destination + ".", Map.of("destination", destination));
    }
}
