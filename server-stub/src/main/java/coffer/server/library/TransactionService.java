package coffer.server.library;

import coffer.server.ledger.EnvId;
import coffer.server.ledger.RefundCommand;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.HistoryPage;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Currencies;
import coffer.core.money.Money;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.Movement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Seed 002's {@code TransactionService}: a wallet's history with filters, one movement, refunds. */
public final class TransactionService {
    private final Library lib;

    TransactionService(Library lib) {
        this.lib = lib;
    }

    /**
     * The wallet's movements, newest first.
     *
     * @param type   a kind ({@code topup}, {@code payment}, ...) or null for all
     * @param status a status ({@code completed}, ...) or null for all
     * @param limit  1 to 500
     * @param offset how many of the newest to skip
     */
    public List<Transaction> listTransactions(Wallet wallet, String type, String status, int limit, int offset) {
        if (limit < 1 || limit > HistoryQuery.MAX_LIMIT || offset < 0) {
            throw WalletException.of(ErrorCode.INVALID_REQUEST, "limit must be 1 to " + HistoryQuery.MAX_LIMIT
                    + " and offset at least 0");
        }
        Set<TransactionKind> kinds = type == null ? Set.of() : Set.of(Library.typed(() -> TransactionKind.fromWire(type)));
        Set<TransactionStatus> statuses = status == null ? Set.of() : Set.of(Library.typed(() -> TransactionStatus.fromWire(status)));
        HistoryQuery query = new HistoryQuery(List.of(wallet.id()), kinds, statuses, null, null, null, null, null,
                Math.min(HistoryQuery.MAX_LIMIT, limit));
        List<Movement> seen = new java.util.ArrayList<>();
        HistoryPage page = lib.ledger.history(lib.env(), query);
        while (true) {
            seen.addAll(page.movements());
            if (seen.size() >= offset + limit || page.next() == null) {
                break;
            }
            page = Library.orThrow(lib.ledger.historyAfter(lib.env(), page.next(), Set.of(wallet.id())));
        }
        return seen.stream().skip(offset).limit(limit).map(Library::transaction).toList();
    }

    /** One movement by id. */
    public Transaction getTransaction(String id) {
        return lib.ledger.movement(lib.env(), id).map(Library::transaction)
                .orElseThrow(() -> WalletException.of(ErrorCode.NOT_FOUND, "Transaction " + id + " was not found"));
    }

    /**
     * Sends money of a completed movement back the way it came: all that is left ({@code amount} null)
     * or part; never more than what is left ({@code REFUND_EXCEEDS_PAYMENT}).
     */
    public Transaction refundTransaction(Transaction transaction, BigDecimal amount, String reason) {
        Money money = amount == null ? null : Library.money(amount, Currencies.of(transaction.amount().currencyCode()));
        return Library.transaction(Library.orThrow(lib.ledger.refund(new RefundCommand(new EnvId(lib.env()), null,
                transaction.id(), money, reason == null ? "Refund" : reason), null).result()));
    }
}
