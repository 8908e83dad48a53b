package coffer.app.history;

import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.TransactionTypes.TransactionList;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A wallet's balance over time, walked back from its balance now through the movements that moved
 * it. Only movements whose money was posted count ({@link TransactionStatus#isPosted()}); pending and
 * failed movements never touched the balance.
 */
public final class BalanceHistory {
    private static final int PAGE = 200;

    /** The balance right after the movements up to {@code at}; exact, in minor units. */
    public record Point(Instant at, long minor) {
    }

    /**
     * What the chart draws.
     *
     * @param account  the wallet as read last
     * @param balance  its posted balance then
     * @param complete true when the points reach back to the wallet's first movement
     */
    public record Chart(AccountView account, Money balance, List<Point> points, boolean complete) {
    }

    private BalanceHistory() {
    }

    /**
     * Off the FX thread: a wallet's posted balance and its points, walked back through its most recent movements
     * (at most about {@code most}). The balance is read after the movements, and again until the two agree.
     */
    static Chart read(HistorySource source, String walletId, int most) {
        AccountView before = account(source, walletId);
        for (int attempt = 0; ; attempt++) {
            List<TransactionView> movements = new ArrayList<>();
            Map<String, String> query = Map.of("wallet_id", walletId, "limit", Integer.toString(PAGE));
            TransactionList page;
            do {
                page = source.transactions(query);
                movements.addAll(page.transactions());
                query = page.nextCursor() == null ? null : Map.of("cursor", page.nextCursor());
            } while (page.hasMore() && query != null && movements.size() < most);
            AccountView after = account(source, walletId);
            // a movement that landed meanwhile would skew the walk back; read again (a few times at most)
            if (after.balance().equals(before.balance()) || attempt == 2) {
                Money posted = Money.parse(after.balance(), after.currency());
                return new Chart(after, posted, points(posted, movements), !page.hasMore());
            }
            before = after;
        }
    }

    private static AccountView account(HistorySource source, String walletId) {
        return source.wallets().stream().filter(a -> a.id().equals(walletId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wallet " + walletId + " is no longer listed"));
    }

    /**
     * @param current   the wallet's posted balance now
     * @param movements the wallet's movements seen from it (any order; other currencies are ignored)
     * @return oldest first: the balance before the oldest counted movement, then after each one; empty
     *         when none counts
     */
    public static List<Point> points(Money current, List<TransactionView> movements) {
        Objects.requireNonNull(current, "current");
        List<TransactionView> counted = new ArrayList<>(movements.stream()
                .filter(m -> posted(m) && current.currencyCode().equals(m.currency()))
                .toList());
        if (counted.isEmpty()) {
            return List.of();
        }
        // newest first by when the money moved; the creation time breaks ties
        counted.sort(Comparator.comparing(BalanceHistory::movedAt).thenComparing(m -> Instant.parse(m.createdAt()))
                .reversed());
        List<Point> points = new ArrayList<>(counted.size() + 1);
        Money balance = current;
        for (TransactionView m : counted) {
            points.add(new Point(movedAt(m), balance.minor()));
            balance = balance.minus(signed(m));
        }
        points.add(new Point(movedAt(counted.get(counted.size() - 1)), balance.minor()));
        Collections.reverse(points);
        return List.copyOf(points);
    }

    private static boolean posted(TransactionView m) {
        return TransactionStatus.find(m.status()).filter(TransactionStatus::isPosted).isPresent();
    }

    /** The movement's effect on the wallet it is seen from. */
    static Money signed(TransactionView m) {
        Money amount = Money.parse(m.amount(), m.currency());
        return "out".equals(m.direction()) ? amount.negated() : amount;
    }

    private static Instant movedAt(TransactionView m) {
        return Instant.parse(m.completedAt() != null ? m.completedAt() : m.createdAt());
    }
}
