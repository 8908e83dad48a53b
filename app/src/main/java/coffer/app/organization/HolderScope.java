package coffer.app.organization;

import coffer.app.api.AccountsApi;
import coffer.app.history.HistorySource;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One holder's part of what the screens read: the wallets (and their movements) of the user themself, or of one of
 * their organizations. The screens are given these in place of the whole, so each follows the holder switcher
 * without knowing of it.
 */
public final class HolderScope {
    /** Newest first, as every list of movements is. */
    private static final Comparator<TransactionView> NEWEST_FIRST = Comparator
            .comparing((TransactionView t) -> Instant.parse(t.createdAt())).thenComparing(TransactionView::id).reversed();

    private HolderScope() {
    }

    /** The holder's wallets of {@code all}, in their order. */
    public static List<AccountView> wallets(List<AccountView> all, Holder holder) {
        return all.stream().filter(holder::holds).toList();
    }

    /** {@code api} listing only the holder's wallets; the rest as it is. */
    public static AccountsApi accounts(AccountsApi api, Holder holder) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(holder, "holder");
        return new AccountsApi() {
            @Override
            public List<AccountView> accounts() {
                return wallets(api.accounts(), holder);
            }

            @Override
            public AccountView openAccount(String currency) {
                return api.openAccount(currency);
            }

            @Override
            public AccountView openAccount(String currency, boolean additional) {
                return api.openAccount(currency, additional);
            }

            @Override
            public AccountView lock(String walletId) {
                return api.lock(walletId);
            }

            @Override
            public AccountView unlock(String walletId) {
                return api.unlock(walletId);
            }
        };
    }

    /**
     * {@code source} showing only the holder's wallets. A page of one wallet is that wallet's; a page of "every
     * wallet" (Home's recent movements) is made of each of the holder's wallets' first pages, merged newest first,
     * a movement between two of them once.
     */
    public static HistorySource history(HistorySource source, Holder holder) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(holder, "holder");
        return HistorySource.of(() -> wallets(source.wallets(), holder), query -> {
            if (query.containsKey("wallet_id") || query.containsKey("cursor")) {
                return source.transactions(query);
            }
            int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            Map<String, TransactionView> merged = new LinkedHashMap<>();
            boolean more = false;
            for (AccountView wallet : wallets(source.wallets(), holder)) {
                Map<String, String> one = new HashMap<>(query);
                one.put("wallet_id", wallet.id());
                TransactionList page = source.transactions(one);
                page.transactions().forEach(t -> merged.putIfAbsent(t.id(), t));
                more |= page.hasMore();
            }
            List<TransactionView> newest = merged.values().stream().sorted(NEWEST_FIRST).toList();
            return new TransactionList(newest.subList(0, Math.min(limit, newest.size())), null,
                    more || newest.size() > limit);
        });
    }
}
