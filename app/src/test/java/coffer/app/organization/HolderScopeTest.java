package coffer.app.organization;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.history.HistorySource;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each holder sees its own wallets and their movements, never another holder's. */
class HolderScopeTest {
    private static final AccountView MINE = new AccountView("wal_me", "USD", "10.00", "10.00", "0.00", "active", null);
    private static final AccountView MINE_EUR = new AccountView("wal_me_eur", "EUR", "5.00", "5.00", "0.00", "active", null);
    private static final AccountView TRIPS = new AccountView("wal_trip", "USD", "90.00", "90.00", "0.00", "active", "org_trip");
    private static final Holder ME = Holder.me("alice@example.com");
    private static final Holder TRIP = Holder.organization("org_trip", "Trip", "member");

    private static TransactionView movement(String id, String wallet, String createdAt) {
        return new TransactionView(id, "p2p", "completed", "1.00", "USD", "in", null, null, null, null, createdAt, createdAt,
                wallet, null, null);
    }

    @Test
    void eachHolderHasItsOwnWallets() {
        List<AccountView> all = List.of(MINE, TRIPS, MINE_EUR);
        assertThat(HolderScope.wallets(all, ME)).containsExactly(MINE, MINE_EUR);
        assertThat(HolderScope.wallets(all, TRIP)).containsExactly(TRIPS);
    }

    @Test
    void recentMovementsOfEveryWalletAreTheHoldersOnlyNewestFirstEachOnceAndNoMoreThanAsked() {
        Map<String, List<TransactionView>> byWallet = Map.of(
                "wal_me", List.of(movement("t3", "wal_me", "2026-12-03T10:00:00.5Z"), movement("t1", "wal_me", "2026-12-01T10:00:00Z")),
                "wal_me_eur", List.of(movement("t3", "wal_me_eur", "2026-12-03T10:00:00.5Z"),
                        movement("t2", "wal_me_eur", "2026-12-03T10:00:00Z")),
                "wal_trip", List.of(movement("t9", "wal_trip", "2026-12-04T10:00:00Z")));
        List<Map<String, String>> asked = new ArrayList<>();
        HistorySource all = HistorySource.of(() -> List.of(MINE, TRIPS, MINE_EUR), query -> {
            asked.add(query);
            return new TransactionList(byWallet.get(query.get("wallet_id")), null, false);
        });

        TransactionList mine = HolderScope.history(all, ME).transactions(Map.of("limit", "2"));

        assertThat(mine.transactions()).extracting(TransactionView::id).as("t3 moved between two of her wallets: once; "
                + "10:00:00.5 is after 10:00:00").containsExactly("t3", "t2");
        assertThat(mine.hasMore()).isTrue();
        assertThat(asked).extracting(q -> q.get("wallet_id")).containsExactly("wal_me", "wal_me_eur");
        assertThat(HolderScope.history(all, TRIP).transactions(Map.of("limit", "5")).transactions())
                .extracting(TransactionView::id).containsExactly("t9");
        assertThat(HolderScope.history(all, TRIP).wallets()).containsExactly(TRIPS);
    }
}
