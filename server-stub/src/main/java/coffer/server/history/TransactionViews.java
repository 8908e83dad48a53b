package coffer.server.history;

import coffer.core.api.TransactionTypes.TransactionView;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Movement;
import coffer.server.ledger.WalletOwner;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Movements as one user sees them: from the side of their own wallet, with the other side named by
 * email or wallet id. Used by the transaction list, its export and the sync feed, so all three agree.
 */
public final class TransactionViews {
    private TransactionViews() {
    }

    /**
     * @param userId    the caller
     * @param side      the caller's wallets to show the movements from (a movement between two of them is
     *                  seen from the sending one)
     * @param movements movements touching {@code side}
     */
    public static List<TransactionView> of(LedgerService ledger, String envId, String userId, Collection<String> side,
                                           List<Movement> movements) {
        Set<String> sideSet = Set.copyOf(side);
        Set<String> others = movements.stream().map(m -> other(m, sideSet)).collect(Collectors.toSet());
        Map<String, WalletOwner> owners = ledger.walletOwners(envId, others);
        Times times = new Times();
        return movements.stream().map(m -> view(m, sideSet, owners, userId, times)).toList();
    }

    private static TransactionView view(Movement m, Set<String> side, Map<String, WalletOwner> owners, String userId,
                                        Times times) {
        boolean out = side.contains(m.debitAccount());
        String other = out ? m.creditAccount() : m.debitAccount();
        WalletOwner owner = owners.get(other);
        String counterparty = null;
        if (owner != null) {
            counterparty = owner.email() == null || owner.userId().equals(userId) ? owner.walletId() : owner.email();
        }
        return new TransactionView(m.id(), m.kind().wire(), m.status().wire(), m.amount().toDecimalString(),
                m.amount().currencyCode(), out ? "out" : "in", counterparty, owner == null ? null : owner.walletId(),
                m.description(), m.reference(), times.text(m.createdAt()), times.text(m.completedAt()),
                out ? m.debitAccount() : m.creditAccount(), m.failureReason(), m.initiatedBy());
    }

    private static String other(Movement m, Set<String> side) {
        return side.contains(m.debitAccount()) ? m.creditAccount() : m.debitAccount();
    }

    /** One page's time writer, as {@link #of} uses it. */
    static java.util.function.Function<Instant, String> timeWriter() {
        return new Times()::text;
    }

    /**
     * Exactly {@link Instant#toString()}, written directly for the times the ledger stores (whole milliseconds,
     * years 1970 to 9999): a sync page writes thousands, and the general formatter was a fifth of a page's cost.
     * The movements of a page mostly share a few seconds, so each second's date and time are worked out once.
     */
    private static final class Times {
        /** 10000-01-01T00:00:00Z: from there on {@link Instant#toString()} writes a sign and more digits. */
        private static final long LAST_FOUR_DIGIT_YEAR_ENDS = 253_402_300_800L;
        private long second = -1;
        private final char[] text = "0000-00-00T00:00:00.000Z".toCharArray();

        String text(Instant instant) {
            if (instant == null) {
                return null;
            }
            long seconds = instant.getEpochSecond();
            int nanos = instant.getNano();
            if (seconds < 0 || seconds >= LAST_FOUR_DIGIT_YEAR_ENDS || nanos % 1_000_000 != 0) {
                return instant.toString();
            }
            if (seconds != second) {
                LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
                digits(0, 4, t.getYear());
                digits(5, 2, t.getMonthValue());
                digits(8, 2, t.getDayOfMonth());
                digits(11, 2, t.getHour());
                digits(14, 2, t.getMinute());
                digits(17, 2, t.getSecond());
                second = seconds;
            }
            if (nanos == 0) {
                text[19] = 'Z';
                return new String(text, 0, 20);
            }
            text[19] = '.';
            digits(20, 3, nanos / 1_000_000);
            return new String(text);
        }

        /** {@code value} in decimal, right-aligned and zero-padded in {@code width} chars from {@code at}. */
        private void digits(int at, int width, int value) {
            for (int i = at + width - 1, v = value; i >= at; i--, v /= 10) {
                text[i] = (char) ('0' + v % 10);
            }
        }
    }
}
