package coffer.app.api;

import coffer.core.api.RefundTypes;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The user's transactions: pages, one with its refunds, CSV export, and refunds.
 * The part of {@link ApiClient} a screen that needs it sees; every call may throw {@link ApiException}.
 */
public interface HistoryApi {
    /** One page of history; {@code filters} are the query parameters ({@code wallet_id}, {@code q}, {@code cursor}...). */
    TransactionList transactions(Map<String, String> filters);
    /** One movement of the caller's, seen from their side. */
    TransactionView transaction(String transactionId);
    /**
     * Streams the CSV of every movement matching {@code filters} (as for {@link #transactions}, without
     * cursor or limit) into {@code out}; the caller owns {@code out}.
     *
     * @return the number of bytes written
     * @throws IOException when writing to {@code out} fails; the server's failures are {@link ApiException}s
     */
    long exportCsv(Map<String, String> filters, OutputStream out) throws IOException;
    /** Sends money that reached the caller back to its sender; the same key for a retry of the same confirmation. */
    RefundTypes.RefundView refund(String idempotencyKey, RefundTypes.RefundRequest request);
    /** The refunds made so far of one of the caller's movements, oldest first. */
    List<RefundTypes.RefundView> refunds(String transactionId);
}
