package coffer.app.history;

import coffer.core.api.TransactionTypes.TransactionList;
import java.util.Map;

/**
 * Where the history's rows come from: one page at a time, newest first. Today the server's
 * {@code GET /api/v1/transactions}; a local copy of the ledger can stand in without the screen changing.
 * Called off the FX thread.
 */
@FunctionalInterface
public interface HistorySource {
    /**
     * @param query the first page's filters ({@code wallet_id}, {@code kind}, {@code status}, {@code q},
     *              {@code limit}), or {@code cursor} alone for the page after it
     */
    TransactionList page(Map<String, String> query);
}
