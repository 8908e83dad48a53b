package coffer.core.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of ledger operations in two currencies: whatever is accepted or refused, money is
 * never created or destroyed and no wallet's available balance goes below zero.
 *
 * <p>Sequences come from a seeded {@link Random} rather than a property-testing library, whose list
 * shrinking is slow and leaves long sequences on a stateful model like this one. A failure names the
 * seed (replay it with {@code -Dcoffer.ledger.seed=<seed>}) and the failing sequence with every
 * operation removed that the failure does not need.
 */
class LedgerPropertyTest {
    private static final String SEED_PROPERTY = "coffer.ledger.seed";
    private static final int SEQUENCES = 300;
    private static final int MAX_OPERATIONS = 200;
    private static final List<String> USD_WALLETS = List.of("usd-a", "usd-b", "usd-c");
    private static final List<String> JPY_WALLETS = List.of("jpy-a", "jpy-b");
    private static final List<String> WALLETS = concat(USD_WALLETS, JPY_WALLETS);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    sealed interface Op permits TopUp, Move, PlaceHold, Capture, Void, Tick {}
    record TopUp(String wallet, long minor) implements Op {}
    record Move(String from, String to, long minor) implements Op {}
    record PlaceHold(String from, String to, long minor, long ttlSeconds) implements Op {}
    record Capture(int holdIndex, long minor) implements Op {}
    record Void(int holdIndex) implements Op {}
    record Tick(long seconds) implements Op {}

    @Test
    void moneyIsNeverCreatedAndNoWalletGoesBelowZero() {
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < SEQUENCES; i++) {
            List<Op> ops = operations(random);
            if (failureOf(ops) != null) {
                List<Op> smallest = shrink(ops);
                Throwable failure = failureOf(smallest);
                throw new AssertionError("Sequence " + (i + 1) + " of seed " + seed + " (replay with -D" + SEED_PROPERTY
                        + "=" + seed + ") fails; smallest failing sequence (" + smallest.size() + " of " + ops.size()
                        + " operations):\n  " + String.join("\n  ", smallest.stream().map(Op::toString).toList())
                        + "\nfails with: " + failure, failure);
            }
        }
    }

    /** Weighted as top-up 2, move 5, hold 3, capture 2, void 1, tick 1; hold indexes may point past the holds placed. */
    private static List<Op> operations(Random random) {
        int size = random.nextInt(MAX_OPERATIONS + 1);
        List<Op> ops = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int pick = random.nextInt(14);
            ops.add(pick < 2 ? new TopUp(wallet(random), amount(random))
                    : pick < 7 ? new Move(wallet(random), wallet(random), amount(random))
                    : pick < 10 ? new PlaceHold(wallet(random), wallet(random), amount(random), 1 + random.nextInt(600))
                    : pick < 12 ? new Capture(random.nextInt(31), amount(random))
                    : pick < 13 ? new Void(random.nextInt(31))
                    : new Tick(1 + random.nextInt(300)));
        }
        return ops;
    }

    private static String wallet(Random random) {
        return WALLETS.get(random.nextInt(WALLETS.size()));
    }

    private static long amount(Random random) {
        return 1 + random.nextInt(50_000);
    }

    /** Drops operations one at a time, from the end, for as long as the sequence still fails. */
    private static List<Op> shrink(List<Op> failing) {
        List<Op> smallest = failing;
        boolean removedOne = true;
        while (removedOne) {
            removedOne = false;
            for (int i = smallest.size() - 1; i >= 0; i--) {
                List<Op> candidate = new ArrayList<>(smallest);
                candidate.remove(i);
                if (failureOf(candidate) != null) {
                    smallest = candidate;
                    removedOne = true;
                }
            }
        }
        return smallest;
    }

    /** What {@code ops} break, or null when every rule holds. */
    private static Throwable failureOf(List<Op> ops) {
        try {
            run(ops);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private static void run(List<Op> ops) {
        InMemoryLedger ledger = new InMemoryLedger();
        Currency usd = Currency.getInstance("USD");
        Currency jpy = Currency.getInstance("JPY");
        ledger.open("clearing-USD", AccountKind.PROVIDER_CLEARING, usd);
        ledger.open("clearing-JPY", AccountKind.PROVIDER_CLEARING, jpy);
        USD_WALLETS.forEach(w -> ledger.open(w, AccountKind.USER_WALLET, usd));
        JPY_WALLETS.forEach(w -> ledger.open(w, AccountKind.USER_WALLET, jpy));

        List<String> holdIds = new ArrayList<>();
        Instant now = START;
        int n = 0;
        for (Op op : ops) {
            String id = "op-" + n++;
            if (op instanceof TopUp t) {
                Currency c = currencyOf(t.wallet());
                ledger.post(JournalEntry.transfer(id, TransactionKind.TOPUP, "clearing-" + c, t.wallet(), Money.ofMinor(c, t.minor()))).orThrow();
            } else if (op instanceof Move m && !m.from().equals(m.to())) {
                long before = available(ledger, m.from());
                Result<JournalEntry> r = ledger.post(JournalEntry.transfer(id, TransactionKind.TRANSFER, m.from(), m.to(),
                        Money.ofMinor(currencyOf(m.from()), m.minor())));
                checkOutcome(r, op, currencyOf(m.from()).equals(currencyOf(m.to())), before >= m.minor());
            } else if (op instanceof PlaceHold h && !h.from().equals(h.to())) {
                long before = available(ledger, h.from());
                Result<Hold> r = ledger.hold(id, h.from(), h.to(), Money.ofMinor(currencyOf(h.from()), h.minor()), now.plusSeconds(h.ttlSeconds()));
                checkOutcome(r, op, currencyOf(h.from()).equals(currencyOf(h.to())), before >= h.minor());
                if (r.isOk()) {
                    holdIds.add(id);
                }
            } else if (op instanceof Capture c && c.holdIndex() < holdIds.size()) {
                String holdId = holdIds.get(c.holdIndex());
                Hold hold = ledger.hold(holdId).orElseThrow();
                Result<Hold> r = ledger.capture(holdId, Money.ofMinor(hold.amount().currency(), c.minor()), now);
                boolean open = hold.state() == HoldState.PENDING && !hold.isDue(now);
                assertThat(r.isOk()).as("capture accepted: %s", op).isEqualTo(open && c.minor() <= hold.amount().minor());
            } else if (op instanceof Void v && v.holdIndex() < holdIds.size()) {
                ledger.voidHold(holdIds.get(v.holdIndex()), now);
            } else if (op instanceof Tick t) {
                now = now.plusSeconds(t.seconds());
                ledger.expireDue(now);
            }
            assertThat(ledger.verify()).as("ledger violations after %s", op).isEmpty();
            for (String w : WALLETS) {
                assertThat(available(ledger, w)).as("available of %s after %s", w, op).isNotNegative();
            }
        }
        assertThat(sumOfPostings(ledger)).allSatisfy((currency, sum) -> assertThat(sum).as("postings in %s", currency).isZero());
    }

    private static void checkOutcome(Result<?> r, Op op, boolean sameCurrency, boolean affordable) {
        if (!sameCurrency) {
            assertThat(r.errorCode()).as("outcome of %s", op).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        } else if (!affordable) {
            assertThat(r.errorCode()).as("outcome of %s", op).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        } else {
            assertThat(r.isOk()).as("accepted: %s", op).isTrue();
        }
    }

    private static Map<Currency, Long> sumOfPostings(InMemoryLedger ledger) {
        Map<Currency, Long> sums = new HashMap<>();
        ledger.journal().forEach(e -> e.postings().forEach(p -> sums.merge(p.amount().currency(), p.amount().minor(), Math::addExact)));
        return sums;
    }

    private static long available(InMemoryLedger ledger, String account) {
        return ledger.balance(account).orElseThrow().available().minor();
    }

    private static Currency currencyOf(String wallet) {
        return Currency.getInstance(wallet.startsWith("usd") ? "USD" : "JPY");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
