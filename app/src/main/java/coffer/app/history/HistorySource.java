package coffer.app.history;

import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the history screen gets its wallets and pages of rows: the server's API, or the app's local copy
 * of the ledger ({@link LocalHistorySource}). Blocking; called off the UI thread.
 */
public interface HistorySource {
    List<AccountView> wallets();

    /**
     * One page, newest first, with {@code GET /api/v1/transactions}'s query parameters ({@code wallet_id},
     * {@code kind}, {@code status}, {@code q}, {@code limit}, ...) or the {@code cursor} of the previous page alone.
     */
    TransactionList transactions(Map<String, String> query);

    /** A source made of two calls, such as an API client's. */
    static HistorySource of(Supplier<List<AccountView>> wallets, Function<Map<String, String>, TransactionList> transactions) {
        Objects.requireNonNull(wallets, "wallets");
        Objects.requireNonNull(transactions, "transactions");
        return new HistorySource() {
            @Override
            public List<AccountView> wallets() {
                return wallets.get();
            }

            @Override
            public TransactionList transactions(Map<String, String> query) {
                return transactions.apply(query);
            }
        };
    }
}
