package coffer.server.ledger;

import coffer.server.tenant.User;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.money.Money;
import coffer.server.testing.Concurrently;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static coffer.server.ledger.LedgerFixture.ENV;
import static coffer.server.ledger.LedgerFixture.USD;
import static coffer.server.ledger.LedgerFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers at once against one ledger: money is neither created nor lost, no wallet is overdrawn
 * by spends that race each other, one idempotency key moves money once however many callers send it
 * together, two servers sharing the database refund a payment or resolve a hold only once, and two
 * servers crediting or debiting different wallets of one holder keep the holder within its KYC
 * limits. Run against SQLite and PostgreSQL.
 */
abstract class LedgerConcurrencyContract extends LedgerContract {
    @Test
    void randomMovementsBetweenFundedWalletsNeitherCreateNorLoseMoney() throws Exception {
        List<String> wallets = f.fundedWallets(6, "500.00");
        Map<String, Long> before = f.postedWithSystemAccounts(wallets);
        assertThat(sum(before)).as("user wallets plus system accounts").isZero();

        // mostly payments between users, some order payments and top-ups so system accounts take part
        List<List<Outcome<Movement>>> perThread = Concurrently.run(8, thread -> {
            Random random = new Random(thread);
            List<Outcome<Movement>> outcomes = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                String from = wallets.get(random.nextInt(wallets.size()));
                String to = wallets.get(random.nextInt(wallets.size()));
                while (to.equals(from)) {
                    to = wallets.get(random.nextInt(wallets.size()));
                }
                Money amount = Money.ofMinor(USD, 1 + random.nextInt(10_000));
                int kind = random.nextInt(10);
                outcomes.add(kind < 8 ? ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(from),
                        new WalletId(to), amount, Memo.NONE), null)
                        : kind == 8 ? ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(from), amount,
                                Memo.description("order")), null)
                        : ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(to), amount,
                                Memo.description("top-up")), null));
            }
            return outcomes;
        });

        List<Movement> moved = new ArrayList<>();
        Set<ErrorCode> refusals = EnumSet.noneOf(ErrorCode.class);
        perThread.stream().flatMap(List::stream).forEach(o -> {
            if (o.isOk()) {
                moved.add(o.orThrow());
            } else {
                refusals.add(o.result().errorCode());
            }
        });
        assertThat(refusals).as("the only reason to refuse is a lack of money").isSubsetOf(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(refusals).as("the wallets ran low now and then").isNotEmpty();
        Map<String, Long> now = f.postedWithSystemAccounts(wallets);
        assertThat(now).as("every account moved by exactly what its callers were told")
                .isEqualTo(LedgerFixture.after(before, moved));
        assertThat(sum(now)).as("user wallets plus system accounts").isZero();
        assertThat(wallets).allSatisfy(w -> assertThat(f.postedMinor(w)).isNotNegative());
    }

    @Test
    void aBurstOfSpendsBeyondTheBalanceStopsBeforeZero() throws Exception {
        String wallet = f.fundedWallets(1, "100.00").get(0);
        int spenders = 40;
        AtomicInteger finished = new AtomicInteger();
        AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
        // one extra thread watches the balance while the spenders race
        List<Outcome<Movement>> outcomes = Concurrently.run(spenders + 1, i -> {
            if (i == spenders) {
                boolean last;
                do {
                    last = finished.get() == spenders; // so the last reading starts after every spend returned
                    lowestAvailable.accumulateAndGet(ledger.wallet(ENV, wallet).orElseThrow().balance().available().minor(), Math::min);
                } while (!last);
                return null;
            }
            try {
                return ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(wallet), usd("7.00"),
                        Memo.reference("order-" + i)), null);
            } finally {
                finished.incrementAndGet();
            }
        });
        List<Outcome<Movement>> spends = outcomes.subList(0, spenders);

        assertThat(spends.stream().filter(Outcome::isOk)).as("floor(100.00 / 7.00) spends succeed").hasSize(14);
        assertThat(spends.stream().filter(o -> !o.isOk()).map(o -> o.result().errorCode()))
                .hasSize(26).containsOnly(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(f.available(wallet)).isEqualTo("2.00");
        assertThat(lowestAvailable.get()).as("lowest available balance seen during the burst").isEqualTo(200);
    }

    @Test
    void theSameRequestSentAtOnceWithOneKeyMovesMoneyOnce() throws Exception {
        List<String> wallets = f.fundedWallets(2, "100.00");
        String payer = wallets.get(0);
        String payee = wallets.get(1);
        // half the callers reach the ledger through a second server sharing the database
        List<LedgerService> servers = List.of(ledger, f.anotherServer());
        int keys = 10;
        int callers = 12;
        for (int k = 0; k < keys; k++) {
            IdempotencyKey key = new IdempotencyKey("env-1/payer", "pay-" + k);
            String order = "order-" + k;
            List<Outcome<Movement>> outcomes = Concurrently.run(callers,
                    i -> servers.get(i % 2).p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(payer),
                            new WalletId(payee), usd("3.00"), Memo.reference(order)), key));

            List<Outcome<Movement>> answered = outcomes.stream().filter(Outcome::isOk).toList();
            assertThat(answered.stream().filter(o -> !o.replayed())).as("callers that moved money").hasSize(1);
            assertThat(answered.stream().map(Outcome::orThrow).distinct()).as("movements the callers were given").hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.isOk()).map(o -> o.result().errorCode()))
                    .as("the others were told the first is still running").containsOnly(ErrorCode.IDEMPOTENCY_IN_PROGRESS);

            Movement moved = answered.get(0).orThrow();
            for (LedgerService server : servers) {
                Outcome<Movement> later = server.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(payer),
                        new WalletId(payee), usd("3.00"), Memo.reference(order)), key);
                assertThat(later.replayed()).isTrue();
                assertThat(later.orThrow()).isEqualTo(moved);
                assertThat(server.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(payer), new WalletId(payee),
                        usd("4.00"), Memo.reference(order)), key).result().errorCode())
                        .as("another request with the same key").isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
        }
        assertThat(f.posted(payer)).isEqualTo("70.00");
        assertThat(f.posted(payee)).isEqualTo("130.00");
        assertThat(f.movementCount(TransactionKind.P2P)).isEqualTo(keys);
    }

    @Test
    void twoServersRefundingThePaymentsAtOnceRefundEachOnce() throws Exception {
        String payer = f.fundedWallets(1, "100.00").get(0);
        List<LedgerService> servers = List.of(ledger, f.anotherServer());
        List<Movement> payments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            payments.add(ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(payer), usd("5.00"),
                    Memo.reference("order-" + i)), null).orThrow());
        }
        // every payment refunded in full through both servers at once
        List<Outcome<Movement>> refunds = Concurrently.run(2 * payments.size(),
                i -> servers.get(i % 2).refund(new RefundCommand(new EnvId(ENV), null, payments.get(i / 2).id(), null,
                        "refund"), null));

        assertThat(refunds.stream().filter(Outcome::isOk)).as("refunds that went through").hasSize(payments.size());
        assertThat(refunds.stream().filter(o -> !o.isOk()).map(o -> o.result().errorCode()))
                .containsOnly(ErrorCode.REFUND_EXCEEDS_PAYMENT);
        assertThat(f.posted(payer)).isEqualTo("100.00");
        assertThat(f.postedMinor(LedgerService.systemAccount(ENV, AccountKind.MERCHANT, USD))).isZero();
    }

    @Test
    void twoServersResolvingTheHoldsAtOnceResolveEachOnce() throws Exception {
        String payer = f.fundedWallets(1, "100.00").get(0);
        String clearing = LedgerService.systemAccount(ENV, AccountKind.PROVIDER_CLEARING, USD);
        List<LedgerService> servers = List.of(ledger, f.anotherServer());
        List<Movement> holds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            holds.add(ledger.hold(new HoldCommand(new EnvId(ENV), null, TransactionKind.WITHDRAWAL, new WalletId(payer),
                new WalletId(clearing), usd("5.00"), f.clock.instant().plus(Duration.ofHours(1)),
                        Memo.reference("payout-" + i)), null).orThrow());
        }
        // every hold captured through one server and voided through the other at once
        List<Outcome<Movement>> resolutions = Concurrently.run(2 * holds.size(), i -> {
            String hold = holds.get(i / 2).holdId();
            return i % 2 == 0 ? servers.get(0).capture(CaptureCommand.all(new EnvId(ENV), new HoldId(hold)),
                    null) : servers.get(1).voidHold(new VoidCommand(new EnvId(ENV), new HoldId(hold), "cancelled"), null);
        });

        long captured = 0;
        for (int i = 0; i < holds.size(); i++) {
            Outcome<Movement> capture = resolutions.get(2 * i);
            Outcome<Movement> voided = resolutions.get(2 * i + 1);
            assertThat(capture.isOk() ^ voided.isOk()).as("exactly one of capture and void of hold %d", i).isTrue();
            assertThat((capture.isOk() ? voided : capture).result().errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
            captured += capture.isOk() ? 1 : 0;
        }
        assertThat(f.postedMinor(payer)).isEqualTo(10_000 - captured * 500);
        assertThat(f.available(payer)).isEqualTo(f.posted(payer));
    }

    @Test
    void twoServersCreditingDifferentWalletsOfOneHolderStayWithinItsMaximum() throws Exception {
        List<String> senders = f.fundedWallets(8, "1000.00");
        // tier 0 holds 500.00: of forty payments of 25.00 into the four wallets, twenty fit
        roundsAgainstOneHolder("0.00", ErrorCode.KYC_REQUIRED, 50_000, (server, holder, wallet, i) ->
                server.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(senders.get(i % 8)), new WalletId(wallet),
                        usd("25.00"), Memo.NONE), null));
    }

    @Test
    void twoServersDebitingDifferentWalletsOfOneHolderStayWithinItsDailyTotal() throws Exception {
        List<String> recipients = f.fundedWallets(8, "0.01");
        // tier 0 sends 250.00 a day: of forty payments of 12.50 from the four wallets, twenty fit
        roundsAgainstOneHolder("125.00", ErrorCode.DAILY_LIMIT_EXCEEDED, 25_000, (server, holder, wallet, i) ->
                server.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(holder.id()), new WalletId(wallet),
                        new WalletId(recipients.get(i % 8)), usd("12.50"), Memo.NONE), null));
    }

    /** One of forty movements of a holder's wallet: the {@code i}th, through {@code server}. */
    @FunctionalInterface
    private interface HolderMove {
        Outcome<Movement> run(LedgerService server, User holder, String wallet, int i);
    }

    /**
     * Five rounds, each with a new unverified holder of four wallets holding {@code eachHolds}: forty
     * movements through two servers at once, of which exactly twenty must pass and the rest be refused
     * with {@code refusal}, the holder's wallets then holding {@code heldAfter} minor units together.
     * Movement {@code i} goes through server {@code i % 2} with wallet {@code i % 4}, and counterparty
     * {@code i % 8} keeps to one server too, so the two servers share no wallet row: only the holder
     * stands between them.
     */
    private void roundsAgainstOneHolder(String eachHolds, ErrorCode refusal, long heldAfter, HolderMove move) throws Exception {
        List<LedgerService> servers = List.of(ledger, f.anotherServer());
        for (int round = 0; round < 5; round++) {
            User holder = f.unverifiedUser("holder-" + refusal + "-" + round + "@example.com");
            List<String> wallets = f.wallets(holder, USD, 4);
            if (!"0.00".equals(eachHolds)) {
                wallets.forEach(w -> f.deposit(w, eachHolds));
            }
            List<Outcome<Movement>> moved = Concurrently.run(40, i -> move.run(servers.get(i % 2), holder, wallets.get(i % 4), i));
            assertPassed(moved, 20, refusal, "movements in round " + round);
            assertThat(wallets.stream().mapToLong(f::postedMinor).sum()).as("what the holder holds").isEqualTo(heldAfter);
        }
    }

    private static long sum(Map<String, Long> balances) {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }
}
