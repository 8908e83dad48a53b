package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.api.ApiClient;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a local copy with what the server says now, and builds engines for tests. */
final class LedgerAssertions {
    private LedgerAssertions() {
    }

    static SyncEngine engine(ApiClient client, LocalLedger ledger, int pageLimit) {
        return engine(client::sync, client, ledger, pageLimit);
    }

    static SyncEngine engine(SyncEngine.Feed feed, ApiClient client, LocalLedger ledger, int pageLimit) {
        return new SyncEngine(feed, client::transactions, ledger,
                new SyncEngine.Options(pageLimit, 3, Duration.ofMillis(20)), Clock.systemUTC());
    }

    /** Every wallet (balances, status) and every movement of each, as the server shows them. */
    static void assertSameAsServer(ApiClient client, LocalLedger ledger) {
        List<AccountView> server = client.accounts();
        assertThat(ledger.wallets()).containsExactlyInAnyOrderElementsOf(server);
        for (AccountView wallet : server) {
            assertThat(localHistory(ledger, wallet.id())).as("movements of wallet %s", wallet.id())
                    .containsExactlyElementsOf(serverHistory(client, wallet.id()));
        }
        assertThat(ledger.mismatches()).isEmpty();
        ledger.recount();
        assertThat(ledger.wallets()).as("the running sums equal every row summed again")
                .containsExactlyInAnyOrderElementsOf(server);
    }

    static List<TransactionView> serverHistory(ApiClient client, String walletId) {
        List<TransactionView> all = new ArrayList<>();
        TransactionList page = client.transactions(Map.of("wallet_id", walletId, "limit", "200"));
        all.addAll(page.transactions());
        while (page.hasMore()) {
            page = client.transactions(Map.of("cursor", page.nextCursor()));
            all.addAll(page.transactions());
        }
        return all;
    }

    static List<TransactionView> localHistory(LocalLedger ledger, String walletId) {
        List<TransactionView> all = new ArrayList<>();
        LocalLedger.HistoryPage page = ledger.history(LedgerFilter.wallet(walletId), null, 3);
        all.addAll(page.transactions());
        while (page.next() != null) {
            page = ledger.history(LedgerFilter.wallet(walletId), page.next(), 3);
            all.addAll(page.transactions());
        }
        return all;
    }
}
