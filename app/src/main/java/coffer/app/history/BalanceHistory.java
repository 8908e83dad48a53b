package coffer.app.history;

import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A wallet's balance over time, walked back from its balance now through the movements that moved
 * it. Only movements whose money was posted count ({@link TransactionStatus#isPosted()}); pending and
 * failed movements never touched the balance.
 */
public final class BalanceHistory {

    /** The balance right after the movements up to {@code at}; exact, in minor units. */
    public record Point(Instant at, long minor) {
    }

    private BalanceHistory() {
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
