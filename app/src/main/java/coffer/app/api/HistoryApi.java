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
    TransactionList transactions(Map<String, String> filters);
    TransactionView transaction(String transactionId);
    long exportCsv(Map<String, String> filters, OutputStream out) throws IOException;
    RefundTypes.RefundView refund(String idempotencyKey, RefundTypes.RefundRequest request);
    List<RefundTypes.RefundView> refunds(String transactionId);
}
