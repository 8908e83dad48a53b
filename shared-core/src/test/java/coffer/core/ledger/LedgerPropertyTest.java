package coffer.core.ledger;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of ledger operations in two currencies: whatever is accepted or refused, money is
 * never created or destroyed and no wallet's available balance goes below zero.
 */
class LedgerPropertyTest {
    private static final List<String> USD_WALLETS = List.of("usd-a", "usd-b", "usd-c");
    private static final List<String> JPY_WALLETS = List.of("jpy-a", "jpy-b");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    sealed interface Op permits TopUp, Move, PlaceHold, Capture, Void, Tick {}
    record TopUp(String wallet, long minor) implements Op {}
    record Move(String from, String to, long minor) implements Op {}
    record PlaceHold(String from, String to, long minor, long ttlSeconds) implements Op {}
    record Capture(int holdIndex, long minor) implements Op {}
    record Void(int holdIndex) implements Op {}
    record Tick(long seconds) implements Op {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> wallet = Arbitraries.of(concat(USD_WALLETS, JPY_WALLETS));
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 50_000);
        Arbitrary<Op> topUp = Combinators.combine(wallet, amount).as(TopUp::new);
        Arbitrary<Op> move = Combinators.combine(wallet, wallet, amount).as(Move::new);
        Arbitrary<Op> hold = Combinators.combine(wallet, wallet, amount, Arbitraries.longs().between(1, 600)).as(PlaceHold::new);
        Arbitrary<Op> capture = Combinators.combine(Arbitraries.integers().between(0, 30), amount).as(Capture::new);
        Arbitrary<Op> voidOp = Arbitraries.integers().between(0, 30).map(Void::new);
        Arbitrary<Op> tick = Arbitraries.longs().between(1, 300).map(Tick::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, topUp), net.jqwik.api.Tuple.of(5, move), net.jqwik.api.Tuple.of(3, hold),
                net.jqwik.api.Tuple.of(2, capture), net.jqwik.api.Tuple.of(1, voidOp), net.jqwik.api.Tuple.of(1, tick))
                .list().ofMaxSize(200);
    }

    @Property(tries = 300)
    void moneyIsNeverCreatedAndNoWalletGoesBelowZero(@ForAll("operations") @Size(max = 200) List<Op> ops) {
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
                checkOutcome(r, currencyOf(m.from()).equals(currencyOf(m.to())), before >= m.minor());
            } else if (op instanceof PlaceHold h && !h.from().equals(h.to())) {
                long before = available(ledger, h.from());
                Result<Hold> r = ledger.hold(id, h.from(), h.to(), Money.ofMinor(currencyOf(h.from()), h.minor()), now.plusSeconds(h.ttlSeconds()));
                checkOutcome(r, currencyOf(h.from()).equals(currencyOf(h.to())), before >= h.minor());
                if (r.isOk()) {
                    holdIds.add(id);
                }
            } else if (op instanceof Capture c && c.holdIndex() < holdIds.size()) {
                String holdId = holdIds.get(c.holdIndex());
                Hold hold = ledger.hold(holdId).orElseThrow();
                Result<Hold> r = ledger.capture(holdId, Money.ofMinor(hold.amount().currency(), c.minor()), now);
                boolean open = hold.state() == HoldState.PENDING && !hold.isDue(now);
                assertThat(r.isOk()).isEqualTo(open && c.minor() <= hold.amount().minor());
            } else if (op instanceof Void v && v.holdIndex() < holdIds.size()) {
                ledger.voidHold(holdIds.get(v.holdIndex()), now);
            } else if (op instanceof Tick t) {
                now = now.plusSeconds(t.seconds());
                ledger.expireDue(now);
            }
            assertThat(ledger.verify()).as("after %s", op).isEmpty();
            for (String w : concat(USD_WALLETS, JPY_WALLETS)) {
                assertThat(available(ledger, w)).as("available of %s after %s", w, op).isNotNegative();
            }
        }
        assertThat(sumOfPostings(ledger)).allSatisfy((currency, sum) -> assertThat(sum).isZero());
    }

    private static void checkOutcome(Result<?> r, boolean sameCurrency, boolean affordable) {
        if (!sameCurrency) {
            assertThat(r.errorCode()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        } else if (!affordable) {
            assertThat(r.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        } else {
            assertThat(r.isOk()).isTrue();
        }
    }

    private static Map<Currency, Long> sumOfPostings(InMemoryLedger ledger) {
        Map<Currency, Long> sums = new java.util.HashMap<>();
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
