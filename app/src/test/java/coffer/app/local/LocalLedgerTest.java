package coffer.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionStatus;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Balances derived from stored movements as they change status, within a page and across pages. */
class LocalLedgerTest {
    @TempDir
    Path dir;
    private LocalLedger ledger;

    @BeforeEach
    void open() {
        ledger = LocalLedger.open(dir.resolve("ledger.db"));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private static TransactionView movement(String id, String kind, String status, String amount, String direction) {
        return new TransactionView(id, kind, status, amount, "USD", direction, null, null, id, null,
                "2026-11-0" + (id.length() % 9 + 1) + "T10:00:00Z", null, "w1", null);
    }

    private void apply(long seq, String posted, String pending, TransactionView... movements) {
        List<SyncChange> changes = Stream.of(movements).map(t -> new SyncChange(seq, "transaction", t, null)).toList();
        String available = new java.math.BigDecimal(posted).subtract(new java.math.BigDecimal(pending)).toPlainString();
        ledger.apply(new SyncPage(changes, List.of(new AccountView("w1", "USD", posted, available, pending, "active")), seq,
                "c" + seq, false), Instant.now());
    }

    /** The derived balances are these, and equal the server's. */
    private void assertMatchesServer(String posted, String available, String pending) {
        assertThat(ledger.mismatches()).isEmpty();
        assertThat(w1()).extracting(AccountView::balance, AccountView::availableBalance, AccountView::pendingBalance)
                .containsExactly(posted, available, pending);
    }

    private AccountView w1() {
        return ledger.wallets().get(0);
    }

    @Test
    void aMovementSeenTwiceInOnePageCountsOnceInItsLastState() {
        apply(1, "5.00", "0.00",
                movement("top", "topup", "completed", "10.00", "in"),
                movement("buy", "payment", "pending", "5.00", "out"),
                movement("buy", "payment", "completed", "5.00", "out"));

        assertMatchesServer("5.00", "5.00", "0.00");
        assertThat(ledger.transactionCount()).isEqualTo(2);
    }

    @Test
    void holdsReversalsAndRefetchedWalletsKeepTheSumsRight() {
        apply(1, "10.00", "4.00",
                movement("top", "topup", "completed", "10.00", "in"),
                movement("hold", "payment", "pending", "4.00", "out"));
        assertMatchesServer("10.00", "6.00", "4.00");

        // the hold is captured for less; a payment out is reversed by a movement that brings the money back
        apply(2, "7.00", "0.00",
                movement("hold", "payment", "completed", "3.00", "out"),
                movement("pay", "p2p", "reversed", "2.00", "out"),
                movement("back", "reversal", "completed", "2.00", "in"));
        assertMatchesServer("7.00", "7.00", "0.00");

        ledger.replaceWalletMovements("w1", List.of(movement("top", "topup", "completed", "10.00", "in")));
        assertThat(w1().balance()).isEqualTo("10.00");
        assertThat(ledger.mismatches()).hasSize(1);

        ledger.recount();
        assertThat(w1().balance()).isEqualTo("10.00");
        assertThat(w1().pendingBalance()).isEqualTo("0.00");
    }

    /**
     * Every status counts as {@link TransactionStatus} says: posted when {@code isPosted()}, pending when
     * {@code isInFlight()}. The app adds a new row's sums itself; SQL triggers (in V1, which cannot change)
     * move them when a row is updated or deleted; so every status goes through each path, into every other
     * status. A status this version does not know counts in neither.
     */
    @Test
    void theSumsCountEveryStatusAsTransactionStatusSaysHoweverTheRowChanges() {
        List<String> statuses = new ArrayList<>(Stream.of(TransactionStatus.values()).map(TransactionStatus::wire).toList());
        statuses.add("disputed");
        long seq = 0;
        for (String before : statuses) {
            for (String after : statuses) {
                ledger.wipe();
                apply(++seq, "0.00", "0.00", movement("in", "p2p", before, "7.00", "in"),
                        movement("out", "p2p", before, "3.00", "out"));
                assertThat(postedAndPending()).as("added as %s", before).containsExactly(expected(before));

                // an edit by hand, not a page: only the update trigger moves the sums
                ledger.database().write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE transactions SET status = ?")) {
                        ps.setString(1, after);
                        return ps.executeUpdate();
                    }
                });
                assertThat(postedAndPending()).as("%s changed to %s", before, after).containsExactly(expected(after));

                ledger.recount();
                assertThat(postedAndPending()).as("%s recounted", after).containsExactly(expected(after));

                ledger.database().write(c -> {
                    try (Statement st = c.createStatement()) {
                        return st.executeUpdate("DELETE FROM transactions");
                    }
                });
                assertThat(postedAndPending()).as("%s deleted", after).containsExactly("0.00", "0.00");
            }
        }
    }

    /** Wallet w1's posted and pending balances with 7.00 in and 3.00 out, both of {@code status}. */
    private static String[] expected(String status) {
        TransactionStatus s = TransactionStatus.find(status).orElse(null);
        boolean posted = s != null && s.isPosted();
        boolean inFlight = s != null && s.isInFlight();
        return new String[] {posted ? "4.00" : "0.00", inFlight ? "3.00" : "0.00"};
    }

    private List<String> postedAndPending() {
        return List.of(w1().balance(), w1().pendingBalance());
    }

    @Test
    void aWalletKeepsTheOrganizationThatHoldsItForTheHolderSwitcherOffline() {
        AccountView trip = new AccountView("w2", "USD", "0.00", "0.00", "0.00", "active", "org_trip");
        ledger.apply(new SyncPage(List.of(new SyncChange(1, "account", null, trip)),
                List.of(new AccountView("w1", "USD", "0.00", "0.00", "0.00", "active"), trip), 1, "c1", false), Instant.now());

        assertThat(ledger.wallets()).extracting(AccountView::id, AccountView::organizationId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("w1", null),
                        org.assertj.core.groups.Tuple.tuple("w2", "org_trip"));
        assertThat(new coffer.app.offline.LastSyncedWallets(ledger.database()).only(w -> "org_trip".equals(w.organizationId()))
                .wallets()).extracting(AccountView::id).containsExactly("w2");
    }
}
