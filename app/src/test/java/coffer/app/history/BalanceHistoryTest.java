package coffer.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceHistoryTest {
    private static int minute;

    /** A movement of the wallet "wal_me", each one a minute after the one made before it. */
    private static TransactionView move(String kind, String status, String direction, String amount) {
        minute++;
        String at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute).toString();
        return new TransactionView("txn_" + minute, kind, status, amount, "USD", direction, null, null, null, null, at,
                "completed".equals(status) || "reversed".equals(status) ? at : null, "wal_me", null);
    }

    private static List<Long> balances(Money now, List<TransactionView> newestFirst) {
        return BalanceHistory.points(now, newestFirst).stream().map(BalanceHistory.Point::minor).toList();
    }

    @Test
    void walksBackFromTheBalanceNowThroughMoneyInAndOut() {
        TransactionView opening = move("topup", "completed", "in", "1000.00");
        TransactionView coffee = move("p2p", "completed", "out", "2.50");
        TransactionView salary = move("p2p", "completed", "in", "100.00");

        assertThat(balances(Money.parse("1097.50", "USD"), List.of(salary, coffee, opening)))
                .containsExactly(0L, 100_000L, 99_750L, 109_750L);
        assertThat(BalanceHistory.points(Money.parse("1097.50", "USD"), List.of(salary, coffee, opening)))
                .extracting(BalanceHistory.Point::at)
                .containsExactly(Instant.parse(opening.completedAt()), Instant.parse(opening.completedAt()),
                        Instant.parse(coffee.completedAt()), Instant.parse(salary.completedAt()));
    }

    @Test
    void pendingAndFailedMovementsNeverMovedTheBalance() {
        TransactionView opening = move("topup", "completed", "in", "50.00");
        TransactionView failed = move("p2p", "failed", "out", "40.00");
        TransactionView pending = move("withdrawal", "pending", "out", "10.00");
        TransactionView processing = move("p2p", "processing", "in", "7.00");

        assertThat(balances(Money.parse("50.00", "USD"), List.of(processing, pending, failed, opening)))
                .containsExactly(0L, 5_000L);
    }

    @Test
    void refundsAndReversalsCountLikeAnyMovementAndTheReversedOriginalToo() {
        TransactionView opening = move("topup", "completed", "in", "100.00");
        TransactionView received = move("p2p", "completed", "in", "25.00");
        TransactionView refund = move("refund", "completed", "out", "10.00");
        TransactionView reversed = move("p2p", "reversed", "in", "5.00");
        TransactionView reversal = move("reversal", "completed", "out", "5.00");

        assertThat(balances(Money.parse("115.00", "USD"), List.of(reversal, reversed, refund, received, opening)))
                .containsExactly(0L, 10_000L, 12_500L, 11_500L, 12_000L, 11_500L);
    }

    @Test
    void theOrderIsWhenTheMoneyMovedNotWhenTheMovementWasCreated() {
        TransactionView slow = new TransactionView("txn_slow", "p2p", "completed", "3.00", "USD", "out", null, null,
                null, null, "2026-02-01T10:00:00Z", "2026-02-01T10:05:00Z", "wal_me", null);
        TransactionView quick = new TransactionView("txn_quick", "p2p", "completed", "1.00", "USD", "in", null, null,
                null, null, "2026-02-01T10:01:00Z", "2026-02-01T10:01:01Z", "wal_me", null);

        assertThat(balances(Money.parse("8.00", "USD"), List.of(quick, slow))).containsExactly(1_000L, 1_100L, 800L);
    }

    @Test
    void nothingToDrawWithoutAPostedMovement() {
        assertThat(BalanceHistory.points(Money.parse("0.00", "USD"), List.of())).isEmpty();
        assertThat(balances(Money.parse("0.00", "USD"), List.of(move("p2p", "failed", "in", "1.00")))).isEmpty();
    }
}
