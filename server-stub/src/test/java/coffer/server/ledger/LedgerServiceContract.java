package coffer.server.ledger;

import coffer.server.tenant.KycChange;
import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.server.tenant.DemoData;
import coffer.server.payment.PaymentLedger;
import coffer.server.payment.Payment;
import coffer.server.payment.PaymentOrder;
import coffer.server.ledger.rules.HolderLimits;
import coffer.server.ledger.query.HistoryQuery;
import coffer.server.ledger.query.HistoryCursor;
import coffer.server.ledger.query.HistoryPage;
import coffer.server.ledger.tasks.WalletTasks;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.kyc.KycStatus;
import coffer.core.money.Money;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static coffer.server.ledger.LedgerFixture.ENV;
import static coffer.server.ledger.LedgerFixture.EUR;
import static coffer.server.ledger.LedgerFixture.OTHER_ENV;
import static coffer.server.ledger.LedgerFixture.USD;
import static coffer.server.ledger.LedgerFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Every ledger operation and every refusal it can give; run against SQLite and PostgreSQL. */
abstract class LedgerServiceContract extends LedgerContract {
    @Test
    void depositCreditsTheWalletFromProviderClearing() {
        String alice = f.fundedWallet("alice@example.com", "1000.00");
        assertThat(f.posted(alice)).isEqualTo("1000.00");
        String clearing = LedgerService.systemAccount(ENV, AccountKind.PROVIDER_CLEARING, USD);
        assertThat(ledger.wallet(ENV, clearing).orElseThrow().balance().posted()).isEqualTo(-100000);
    }

    @Test
    void withdrawalMovesMoneyOutAndOverdraftIsRefusedWithoutTrace() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement w = ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(alice), usd("40.00"),
                Memo.reference("payout-1")), null).orThrow();
        assertThat(w.kind()).isEqualTo(TransactionKind.WITHDRAWAL);
        assertThat(w.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(f.available(alice)).isEqualTo("60.00");

        Outcome<Movement> tooMuch = ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(alice),
                usd("60.01"), Memo.NONE), null);
        assertThat(tooMuch.result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(f.available(alice)).isEqualTo("60.00");
        assertThat(ledger.history(ENV, HistoryQuery.of(alice, 50)).movements()).hasSize(2);
    }

    @Test
    void paymentForAnOrderReachesTheMerchantWithItsReference() {
        String alice = f.fundedWallet("alice@example.com", "1000.00");
        Movement paid = ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(alice), usd("100"),
                Memo.reference("asd123").withDescription("Order").withMetadata("{\"table\":4}")), null).orThrow();
        assertThat(paid.reference()).isEqualTo("asd123");
        assertThat(paid.metadata()).isEqualTo("{\"table\":4}");
        assertThat(f.posted(alice)).isEqualTo("900.00");
        String merchant = LedgerService.systemAccount(ENV, AccountKind.MERCHANT, USD);
        assertThat(ledger.wallet(ENV, merchant).orElseThrow().balance().postedMoney()).isEqualTo(usd("100.00"));
        assertThat(ledger.movement(ENV, paid.id())).contains(paid);
    }

    @Test
    void p2pMovesMoneyToAnotherUser() {
        String alice = f.fundedWallet("alice@example.com", "1000.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        Movement p = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob),
                usd("100.00"), Memo.description("Dinner")), null).orThrow();
        assertThat(p.kind()).isEqualTo(TransactionKind.P2P);
        assertThat(f.posted(alice)).isEqualTo("900.00");
        assertThat(f.posted(bob)).isEqualTo("100.00");
    }

    @Test
    void spendingExactlyTheAvailableBalanceLeavesZero() {
        String alice = f.fundedWallet("alice@example.com", "10.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob),
                usd("10.00"), Memo.NONE), null).isOk()).isTrue();
        assertThat(f.available(alice)).isEqualTo("0.00");
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("0.01"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    // ---- who may touch what ----

    @Test
    void aWalletOfAnotherEnvironmentDoesNotExistForThisOne() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        User stranger = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(OTHER_ENV), "x",
                null).kyc(KycStatus.VERIFIED, null)).orThrow();
        String theirs = ledger.openWallet(NewWallet.inCurrency(new EnvId(OTHER_ENV), new UserId(stranger.id()), USD)).orThrow().id();
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(theirs), usd("1"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        assertThat(ledger.p2p(new MoveCommand(new EnvId(OTHER_ENV), null, new WalletId(alice), new WalletId(theirs),
                usd("1"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        assertThat(ledger.wallet(OTHER_ENV, alice)).isEmpty();
    }

    @Test
    void aUserCannotSpendFromSomeoneElsesWallet() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        User bob = f.verifiedUser("bob@example.com");
        String bobs = f.wallet(bob, USD);
        Outcome<Movement> theft = ledger.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(bob.id()),
                new WalletId(alice), new WalletId(bobs), usd("50"), Memo.NONE), null);
        assertThat(theft.result().errorCode()).isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        assertThat(f.available(alice)).isEqualTo("100.00");
    }

    @Test
    void transfersAreBetweenOwnWalletsOnly() {
        User alice = f.verifiedUser("alice@example.com");
        String main = f.wallet(alice, USD);
        f.deposit(main, "50.00");
        String savings = ledger.openWallet(NewWallet.additional(new EnvId(ENV), new UserId(alice.id()), USD)).orThrow().id();
        assertThat(savings).isNotEqualTo(main);
        assertThat(ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(alice.id()), new WalletId(main),
                new WalletId(savings), usd("20"), Memo.NONE), null).isOk()).isTrue();
        assertThat(f.posted(savings)).isEqualTo("20.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        assertThat(ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(alice.id()), new WalletId(main),
                new WalletId(bob), usd("1"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
    }

    @Test
    void openingAWalletTwiceAnswersTheSameWallet() {
        User alice = f.verifiedUser("alice@example.com");
        assertThat(f.wallet(alice, USD)).isEqualTo(f.wallet(alice, USD));
        assertThat(ledger.wallets(ENV, alice.id())).hasSize(1);
        assertThat(f.verifiedUser("alice@example.com").id()).isEqualTo(alice.id());
    }

    @Test
    void amountsInAnotherCurrencyAreRefused() {
        User alice = f.verifiedUser("alice@example.com");
        String usdWallet = f.wallet(alice, USD);
        String eurWallet = f.wallet(alice, EUR);
        f.deposit(usdWallet, "10.00");
        assertThat(ledger.transfer(new MoveCommand(new EnvId(ENV), null, new WalletId(usdWallet),
                new WalletId(eurWallet), usd("1"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(eurWallet), usd("1"), Memo.NONE),
                null).result().errorCode())
                .isEqualTo(ErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void moneyInOrOutInACurrencyNoWalletOfTheEnvironmentHoldsIsACurrencyMismatch() {
        String usdWallet = f.fundedWallet("alice@example.com", "10.00");
        Money yen = Money.parse("100", Currency.getInstance("JPY"));
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(usdWallet), yen, Memo.NONE),
                null).result().errorCode())
                .isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        assertThat(ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(usdWallet), yen, Memo.NONE),
                null).result().errorCode())
                .isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId("wal_nope"), yen, Memo.NONE),
                null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
    }

    @Test
    void anEscrowedOrderIsHeldThenReleasedToTheSellerMinusAFee() {
        String buyer = f.fundedWallet("buyer@example.com", "100.00");
        String seller = f.fundedWallet("seller@example.com", "0.01");
        String escrow = LedgerService.systemAccount(ENV, AccountKind.ESCROW, USD);
        String fees = LedgerService.systemAccount(ENV, AccountKind.FEES, USD);
        long feesBefore = f.postedMinor(fees);
        Movement order = ledger.hold(new HoldCommand(new EnvId(ENV), null, TransactionKind.PAYMENT, new WalletId(buyer),
                new WalletId(escrow), usd("40.00"), f.clock.instant().plus(Duration.ofDays(7)),
                        Memo.reference("order-1").withDescription("Order 1")), null).orThrow();
        assertThat(f.available(buyer)).isEqualTo("60.00");

        ledger.capture(CaptureCommand.all(new EnvId(ENV), new HoldId(order.holdId())), null).orThrow();
        assertThat(ledger.releaseFromEscrow(SystemMoveCommand.of(new EnvId(ENV), new WalletId(seller), usd("36.00"),
                Memo.reference("order-1").withDescription("Order 1")), null).result().isOk()).isTrue();
        assertThat(ledger.collectFee(SystemMoveCommand.of(new EnvId(ENV), new WalletId(escrow), usd("4.00"),
                Memo.reference("order-1").withDescription("Platform fee")), null).result().isOk()).isTrue();

        assertThat(f.posted(buyer)).isEqualTo("60.00");
        assertThat(f.posted(seller)).isEqualTo("36.01");
        assertThat(f.postedMinor(escrow)).isZero();
        assertThat(f.postedMinor(fees) - feesBefore).isEqualTo(400);
        // escrow cannot pay out what it does not hold
        assertThat(ledger.releaseFromEscrow(SystemMoveCommand.of(new EnvId(ENV), new WalletId(seller), usd("0.01"),
                Memo.reference("order-1")), null).result().errorCode())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void unknownWalletsAreNotFound() {
        String alice = f.fundedWallet("alice@example.com", "10.00");
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId("wal_nope"),
                usd("1"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        assertThat(ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), null, new WalletId("wal_nope"), usd("1"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
    }

    // ---- wallet status ----

    @Test
    void aLockedWalletTakesMoneyInButNotOut() {
        User alice = f.verifiedUser("alice@example.com");
        String wallet = f.wallet(alice, USD);
        f.deposit(wallet, "100.00");
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.LOCKED, StatusActor.USER, "travel")).orThrow().status())
                .isEqualTo(WalletStatus.LOCKED);
        assertThat(ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(wallet), usd("1"), Memo.NONE),
                null).result().errorCode()).isEqualTo(ErrorCode.WALLET_LOCKED);
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), usd("5"), Memo.NONE),
                null).isOk()).isTrue();
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.ACTIVE, StatusActor.USER, null)).orThrow();
        assertThat(ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(wallet), usd("1"), Memo.NONE),
                null).isOk()).isTrue();
        assertThat(ledger.audit(ENV, "wallet", wallet)).extracting(AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("active", "locked"),
                        org.assertj.core.groups.Tuple.tuple("locked", "active"));
    }

    @Test
    void aSuspendedWalletMovesNothingAndOnlyTheOperatorLiftsIt() {
        User alice = f.verifiedUser("alice@example.com");
        String wallet = f.wallet(alice, USD);
        f.deposit(wallet, "100.00");
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), null, new WalletId(wallet),
                WalletStatus.SUSPENDED, StatusActor.OPERATOR, "review")).orThrow();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), usd("5"), Memo.NONE),
                null).result().errorCode()).isEqualTo(ErrorCode.WALLET_SUSPENDED);
        assertThat(ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(wallet), usd("5"),
                Memo.NONE),
                null).result().errorCode()).isEqualTo(ErrorCode.WALLET_SUSPENDED);
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.ACTIVE, StatusActor.USER, null)).errorCode())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), null, new WalletId(wallet),
                WalletStatus.ACTIVE, StatusActor.OPERATOR, null)).isOk()).isTrue();
    }

    @Test
    void aWalletClosesOnlyWhenEmptyAndThenNothingMoves() {
        User alice = f.verifiedUser("alice@example.com");
        String wallet = f.wallet(alice, USD);
        f.deposit(wallet, "10.00");
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.CLOSED, StatusActor.USER, null)).errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_EMPTY);
        ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), UserId.ofNullable(alice.id()), new WalletId(wallet),
                usd("10.00"), Memo.NONE), null).orThrow();
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.CLOSED, StatusActor.USER, null)).isOk()).isTrue();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), usd("1"), Memo.NONE),
                null).result().errorCode()).isEqualTo(ErrorCode.WALLET_CLOSED);
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.ACTIVE, StatusActor.USER, null)).errorCode())
                .isEqualTo(ErrorCode.WALLET_CLOSED);
    }

    @Test
    void aWalletWithMoneyHeldCannotClose() {
        User alice = f.verifiedUser("alice@example.com");
        String wallet = f.wallet(alice, USD);
        f.deposit(wallet, "10.00");
        Movement held = hold(wallet, "10.00", Duration.ofHours(1));
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.LOCKED, StatusActor.USER, null)).orThrow();
        assertThat(ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(wallet), WalletStatus.CLOSED, StatusActor.USER, null)).errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_EMPTY);
        ledger.capture(CaptureCommand.all(new EnvId(ENV), new HoldId(held.holdId())), null).orThrow();
    }

    // ---- KYC ----

    @Test
    void anUnverifiedUserIsHeldToTierZero() {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        // tier 0: 100 per transaction, 250 a day, 500 at most held
        assertThat(pay(wallet, "100.01").result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(pay(wallet, "100.00").isOk()).isTrue();
        assertThat(pay(wallet, "100.00").isOk()).isTrue();
        assertThat(pay(wallet, "50.01").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
        assertThat(ledger.remainingToday(ENV, wallet)).contains(usd("50.00"));
        assertThat(pay(wallet, "50.00").isOk()).isTrue();
        assertThat(ledger.remainingToday(ENV, wallet)).contains(usd("0.00"));

        f.clock.advance(Duration.ofHours(24));
        assertThat(pay(wallet, "50.00").isOk()).isTrue();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), usd("450.01"), Memo.NONE),
                null).result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
    }

    @Test
    void theDailyLimitForgetsAPaymentTwentyFourHoursAfterItToTheMillisecond() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        // mid-minute, so the 24-hour window later starts inside the minute these were sent in
        f.clock.advance(Duration.ofSeconds(30).plusMillis(500));
        assertThat(pay(wallet, "100.00").isOk()).isTrue();
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(pay(wallet, "100.00").isOk()).isTrue();
        f.clock.advance(Duration.ofSeconds(50));
        assertThat(pay(wallet, "30.00").isOk()).isTrue();

        f.clock.advance(Duration.ofHours(24).minusSeconds(70).minusMillis(1));
        assertThat(ledger.remainingToday(ENV, wallet)).as("1 ms before the first leaves the window").contains(usd("20.00"));
        assertThat(pay(wallet, "20.01").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
        f.clock.advance(Duration.ofMillis(1));
        assertThat(ledger.remainingToday(ENV, wallet)).as("the first has left").contains(usd("120.00"));
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(ledger.remainingToday(ENV, wallet)).as("the second has left").contains(usd("220.00"));
        f.clock.advance(Duration.ofSeconds(50));
        assertThat(ledger.remainingToday(ENV, wallet)).as("all three have left").contains(usd("250.00"));
        assertThat(ledger.verifyInvariants().ok()).isTrue();
    }

    @Test
    void aWithdrawalThatIsVoidedStopsCountingAgainstTheDailyLimit() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        Movement held = hold(wallet, "100.00", Duration.ofHours(1));
        hold(wallet, "100.00", Duration.ofHours(1));
        assertThat(ledger.remainingToday(ENV, wallet)).as("in flight, they count").contains(usd("50.00"));
        ledger.voidHold(new VoidCommand(new EnvId(ENV), new HoldId(held.holdId()), null), null).orThrow();
        assertThat(ledger.remainingToday(ENV, wallet)).as("the voided one never sent anything").contains(usd("150.00"));
        assertThat(pay(wallet, "100.00").isOk()).isTrue();
        assertThat(pay(wallet, "50.00").isOk()).isTrue();
        assertThat(pay(wallet, "0.01").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
        assertThat(ledger.verifyInvariants().ok()).isTrue();
    }

    @Test
    void verifyFindsADailyLimitSumThatDisagreesWithTheMovements() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        assertThat(pay(wallet, "100.00").isOk()).isTrue();
        assertThat(ledger.verifyInvariants().ok()).isTrue();
        // as if a write had forgotten to count a payment: the holder could send more than its limit
        shiftOutgoingSums(-1);
        assertThat(ledger.verifyInvariants().violations()).singleElement().asString()
                .contains("holder " + carol.id()).contains("sending 9999 USD").contains("movements send 10000");
        shiftOutgoingSums(1);
    }

    @Test
    void verifyFindsACountingMovementThatTheLimitsBoundaryMinuteCouldMiss() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        Movement paid = pay(wallet, "100.00").orThrow();
        // as if the writer had not widened the minute's commit range: once the 24-hour window starts inside
        // that minute, a limit check would not find the payment and would let carol send 100.00 more
        behindTheLedgersBack("UPDATE holder_outgoing SET first_seq = last_seq + 1");
        assertThat(ledger.verifyInvariants().violations()).singleElement().asString()
                .contains("movement " + paid.id()).contains("outside the commit range");
        behindTheLedgersBack("UPDATE holder_outgoing SET first_seq = last_seq");
    }

    @Test
    void verifyFindsAMovementMissingFromItsWalletsChanges() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        Movement deposit = f.deposit(wallet, "400.00");
        assertThat(ledger.verifyInvariants().ok()).isTrue();
        // carol's history and sync are read from her wallet's changes alone: without the row, neither shows it
        behindTheLedgersBack("UPDATE wallet_changes SET transaction_id = 'txn_elsewhere' WHERE transaction_id = '" + deposit.id() + "'");
        assertThat(ledger.verifyInvariants().violations()).anySatisfy(v -> assertThat(v)
                .contains("movement " + deposit.id()).contains("missing from the changes of wallet " + wallet));
        behindTheLedgersBack("UPDATE wallet_changes SET transaction_id = '" + deposit.id() + "' WHERE transaction_id = 'txn_elsewhere'");
    }

    @Test
    void theDailyLimitCountsPaymentsThatCommitTogether() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        // tier 0 allows 250 a day: of ten payments of 50 sent at once (so several share a commit), five pass
        ExecutorService callers = Executors.newFixedThreadPool(10);
        List<Future<Outcome<Movement>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                sent.add(callers.submit(() -> pay(wallet, "50.00")));
            }
            List<ErrorCode> refusals = new ArrayList<>();
            for (Future<Outcome<Movement>> s : sent) {
                Outcome<Movement> outcome = s.get();
                if (!outcome.isOk()) {
                    refusals.add(outcome.result().errorCode());
                }
            }
            assertThat(refusals).hasSize(5).containsOnly(ErrorCode.DAILY_LIMIT_EXCEEDED);
        } finally {
            callers.shutdown();
        }
        assertThat(f.available(wallet)).isEqualTo("150.00");
    }

    @Test
    void verificationLiftsTheLimitsAtOnce() {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "400.00");
        assertThat(pay(wallet, "150.00").result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        new Tenants(ledger).setKyc(new KycChange(new EnvId(ENV), new UserId(carol.id()), KycStatus.PENDING, null,
                "user", "submitted")).orThrow();
        new Tenants(ledger).setKyc(new KycChange(new EnvId(ENV), new UserId(carol.id()), KycStatus.VERIFIED, null,
                "simulator", "documents ok")).orThrow();
        assertThat(pay(wallet, "150.00").isOk()).isTrue();
        assertThat(ledger.audit(ENV, "user", carol.id())).extracting(AuditEntry::field, AuditEntry::newValue)
                .contains(org.assertj.core.groups.Tuple.tuple("kyc_status", "verified"),
                        org.assertj.core.groups.Tuple.tuple("kyc_tier", "1"));
        assertThat(new Tenants(ledger).setKyc(new KycChange(new EnvId(ENV), new UserId(carol.id()),
                KycStatus.UNVERIFIED, null, "user", null)).errorCode())
                .isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
    }

    @Test
    void checksComeInTheFixedOrder() {
        User carol = f.unverifiedUser("carol@example.com");
        String wallet = f.wallet(carol, USD);
        f.deposit(wallet, "50.00");
        // over the per-transaction limit and over the balance: the KYC reason comes first
        assertThat(pay(wallet, "150.00").result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        // a locked wallet is a more fundamental reason than either
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallet), WalletStatus.LOCKED, StatusActor.USER, null)).orThrow();
        assertThat(pay(wallet, "150.00").result().errorCode()).isEqualTo(ErrorCode.WALLET_LOCKED);
    }

    @Test
    void aRecipientOverTheirMaximumBalanceIsRefused() {
        String alice = f.fundedWallet("alice@example.com", "1000.00");
        User carol = f.unverifiedUser("carol@example.com");
        String carols = f.wallet(carol, USD);
        f.deposit(carols, "450.00");
        Outcome<Movement> p = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(carols), usd("50.01"), Memo.NONE), null);
        assertThat(p.result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(((Result.Rejected<Movement>) p.result()).message()).contains("receiving wallet");
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(carols),
                usd("50.00"), Memo.NONE), null).isOk()).isTrue();
    }

    // ---- KYC limits count the holder, not the wallet ----

    @Test
    void fourWalletsOfOneHolderCannotHoldMoreThanTheMaximumTogether() {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> wallets = f.wallets(carol, USD, 4);
        // tier 0 holds 500.00 at most, however many wallets it is spread over
        for (String wallet : wallets) {
            assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), usd("125.00"),
                    Memo.NONE),
                    null).isOk()).isTrue();
        }
        for (String wallet : wallets) {
            Outcome<Movement> more = ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet),
                    usd("0.01"),
                    Memo.NONE), null);
            assertThat(more.result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
            assertThat(((Result.Rejected<Movement>) more.result()).message()).contains("500.00 USD", "across all wallets");
        }
        String fifth = ledger.openWallet(NewWallet.additional(new EnvId(ENV), new UserId(carol.id()), USD)).orThrow().id();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(fifth), usd("0.01"), Memo.NONE),
                null).result().errorCode())
                .as("opening another wallet raises nothing").isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(heldBy(carol)).isEqualTo(50_000);
        // the maximum is per currency: the holder's euros are counted on their own
        String euros = f.wallet(carol, EUR);
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(euros), Money.parse("500.00", EUR),
                Memo.NONE), null).isOk()).isTrue();
        // money leaving makes room again, in whichever wallet
        ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(wallets.get(0)), usd("100.00"), Memo.NONE),
                null).orThrow();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallets.get(3)), usd("100.00"),
                Memo.NONE), null).isOk()).isTrue();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallets.get(2)), usd("0.01"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.KYC_REQUIRED);
    }

    @Test
    void fourWalletsOfOneHolderCannotSendMoreThanTheDailyTotalTogether() {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> wallets = f.wallets(carol, USD, 4);
        for (String wallet : wallets) {
            f.deposit(wallet, "125.00");
        }
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        // tier 0 sends 250.00 in 24 hours from all its wallets together
        assertThat(pay(wallets.get(0), "100.00").isOk()).isTrue();
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(1)), new WalletId(bob), usd("100.00"), Memo.NONE), null).isOk()).isTrue();
        assertThat(hold(wallets.get(2), "50.00").isOk()).isTrue();
        for (String wallet : wallets) {
            assertThat(pay(wallet, "0.01").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
            assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()), new WalletId(wallet),
                    new WalletId(bob), usd("0.01"), Memo.NONE), null).result().errorCode())
                    .isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
            assertThat(ledger.remainingToday(ENV, wallet)).as("what every wallet of the holder may still send")
                    .contains(usd("0.00"));
        }
        assertThat(ledger.holderLimits(ENV, carol.id(), USD).orElseThrow().sentToday()).isEqualTo(usd("250.00"));
        assertThat(ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(3)), usd("0.01"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);

        f.clock.advance(Duration.ofHours(24));
        assertThat(ledger.remainingToday(ENV, wallets.get(3))).contains(usd("250.00"));
        assertThat(pay(wallets.get(3), "100.00").isOk()).isTrue();
        assertThat(ledger.remainingToday(ENV, wallets.get(0))).contains(usd("150.00"));
    }

    @Test
    void movingMoneyBetweenOwnWalletsAtTheMaximumNeitherFillsNorSends() {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> wallets = f.wallets(carol, USD, 2);
        f.deposit(wallets.get(0), "500.00");
        // at the maximum, a transfer to another own wallet is not more money held
        assertThat(ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(0)), new WalletId(wallets.get(1)), usd("300.00"), Memo.NONE), null).isOk())
                .isTrue();
        assertThat(ledger.walletToWallet(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(1)), new WalletId(wallets.get(0)), usd("200.00"), Memo.NONE), null).isOk())
                .isTrue();
        // and a payment to one's own other wallet is not money sent
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(0)), new WalletId(wallets.get(1)), usd("100.00"), Memo.NONE), null).isOk())
                .isTrue();
        assertThat(ledger.remainingToday(ENV, wallets.get(0))).contains(usd("250.00"));
        assertThat(f.posted(wallets.get(0))).isEqualTo("300.00");
        assertThat(f.posted(wallets.get(1))).isEqualTo("200.00");
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallets.get(1)), usd("0.01"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.KYC_REQUIRED);
        // the whole daily total is still there to send to others
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(0)), new WalletId(bob), usd("100.00"), Memo.NONE), null).isOk()).isTrue();
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(1)), new WalletId(bob), usd("100.00"), Memo.NONE), null).isOk()).isTrue();
        assertThat(pay(wallets.get(0), "50.00").isOk()).isTrue();
        assertThat(pay(wallets.get(1), "0.01").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
    }

    @Test
    void aPaymentThatWouldTakeTheReceivingHolderOverItsMaximumIsRefused() {
        String alice = f.fundedWallet("alice@example.com", "1000.00");
        User alicesUser = new Tenants(ledger).userByEmail(new EnvId(ENV), "alice@example.com").orElseThrow();
        User carol = f.unverifiedUser("carol@example.com");
        List<String> carols = f.wallets(carol, USD, 3);
        f.deposit(carols.get(0), "300.00");
        f.deposit(carols.get(1), "150.00");
        // carol's third wallet is empty, but carol holds 450.00 of her 500.00
        Outcome<Movement> p2p = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(carols.get(2)), usd("50.01"), Memo.NONE), null);
        assertThat(p2p.result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        Result.Rejected<Movement> refused = (Result.Rejected<Movement>) p2p.result();
        assertThat(refused.message()).contains("receiving wallet").doesNotContain("450.00");
        assertThat(refused.context()).as("the sender is not told what the receiver holds").doesNotContainKey("balance");
        Outcome<Payment> payment = new PaymentLedger(ledger).sendPayment(new PaymentOrder(ENV, alicesUser.id(), alice, "carol@example.com",
                carols.get(2), usd("50.01"), null, null), null);
        assertThat(payment.result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(((Result.Rejected<Payment>) payment.result()).message()).contains("receiving wallet");
        assertThat(ledger.walletToWallet(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(carols.get(2)), usd("50.01"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(f.posted(alice)).isEqualTo("1000.00");

        // a payment on its way counts as held: the next one cannot fill the same room
        assertThat(new PaymentLedger(ledger).sendPayment(new PaymentOrder(ENV, alicesUser.id(), alice, "carol@example.com", carols.get(2),
                usd("50.00"), null, null), null).isOk()).isTrue();
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(carols.get(0)),
                usd("0.01"), Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.KYC_REQUIRED);
    }

    @Test
    void payInsEscrowReleasesAndRefundsRespectTheHoldersMaximum() {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> carols = f.wallets(carol, USD, 2);
        f.deposit(carols.get(0), "400.00");
        Movement order = pay(carols.get(0), "100.00").orThrow();
        f.deposit(carols.get(1), "200.00");
        // carol holds 500.00: the shop's refund of her 100.00 order would take her over
        Outcome<Movement> refund = ledger.refund(new RefundCommand(new EnvId(ENV), null, order.id(), null, null), null);
        assertThat(refund.result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(ledger.movement(ENV, order.id()).orElseThrow().refunded()).isEqualTo(usd("0.00"));
        String escrow = LedgerService.systemAccount(ENV, AccountKind.ESCROW, USD);
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = ledger.hold(new HoldCommand(new EnvId(ENV), null, TransactionKind.PAYMENT, new WalletId(alice),
                new WalletId(escrow), usd("10.00"), f.clock.instant().plus(Duration.ofHours(1)), Memo.NONE),
                        null).orThrow();
        ledger.capture(CaptureCommand.all(new EnvId(ENV), new HoldId(held.holdId())), null).orThrow();
        assertThat(ledger.releaseFromEscrow(SystemMoveCommand.of(new EnvId(ENV), new WalletId(carols.get(1)),
                usd("10.00"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(heldBy(carol)).isEqualTo(50_000);

        // with room again, the refund goes through; an operator's reversal is never held back
        ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(carols.get(1)),
                usd("100.00"), Memo.NONE), null).orThrow();
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, order.id(), usd("60.00"), null),
                null).isOk()).isTrue();
        f.deposit(carols.get(1), "40.00");
        assertThat(ledger.reverse(new ReversalCommand(new EnvId(ENV), new TransactionId(order.id()), "charged twice"), null).isOk()).isTrue();
        assertThat(heldBy(carol)).isEqualTo(54_000);
    }

    @Test
    void theHoldersChecksComeInTheFixedOrder() {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> wallets = f.wallets(carol, USD, 3);
        f.deposit(wallets.get(0), "250.00");
        f.deposit(wallets.get(1), "10.00");
        pay(wallets.get(0), "100.00").orThrow();
        pay(wallets.get(0), "100.00").orThrow();
        pay(wallets.get(0), "50.00").orThrow();
        // wallet 1 holds 10.00 and the holder sent its 250.00 today from wallet 0:
        // over the per-payment limit comes first, then the daily total, then the balance
        assertThat(pay(wallets.get(1), "100.01").result().errorCode()).isEqualTo(ErrorCode.KYC_REQUIRED);
        assertThat(pay(wallets.get(1), "50.00").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
        assertThat(pay(wallets.get(2), "0.01").result().errorCode()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(wallets.get(1)), WalletStatus.LOCKED, StatusActor.USER, null)).orThrow();
        assertThat(pay(wallets.get(1), "100.01").result().errorCode()).isEqualTo(ErrorCode.WALLET_LOCKED);
        f.clock.advance(Duration.ofHours(24));
        assertThat(pay(wallets.get(2), "0.01").result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void movesOfOneHolderThatCommitTogetherCannotPassItsLimitsTogether() throws Exception {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> wallets = f.wallets(carol, USD, 4);
        // twenty deposits of 50.00 into four wallets at once, so several share a commit: ten fit under 500.00
        List<Outcome<Movement>> deposits = coffer.server.testing.Concurrently.run(20,
                i -> ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallets.get(i % 4)), usd("50.00"),
                        Memo.NONE), null));
        assertPassed(deposits, 10, ErrorCode.KYC_REQUIRED, "deposits");
        assertThat(heldBy(carol)).isEqualTo(50_000);

        User dave = f.unverifiedUser("dave@example.com");
        List<String> daves = f.wallets(dave, USD, 4);
        daves.forEach(w -> f.deposit(w, "125.00"));
        // twenty payments of 25.00 from the four wallets at once: ten fit under the daily 250.00
        List<Outcome<Movement>> payments = coffer.server.testing.Concurrently.run(20, i -> pay(daves.get(i % 4), "25.00"));
        assertPassed(payments, 10, ErrorCode.DAILY_LIMIT_EXCEEDED, "payments");
        assertThat(heldBy(dave)).isEqualTo(25_000);
    }

    @Test
    void verificationLiftsTheHoldersLimitsOnEveryWallet() {
        User carol = f.unverifiedUser("carol@example.com");
        List<String> wallets = f.wallets(carol, USD, 2);
        f.deposit(wallets.get(0), "500.00");
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallets.get(1)), usd("1.00"),
                Memo.NONE), null).result().errorCode())
                .isEqualTo(ErrorCode.KYC_REQUIRED);
        new Tenants(ledger).setKyc(new KycChange(new EnvId(ENV), new UserId(carol.id()), KycStatus.PENDING, null,
                "user", "submitted")).orThrow();
        new Tenants(ledger).setKyc(new KycChange(new EnvId(ENV), new UserId(carol.id()), KycStatus.VERIFIED, null,
                "simulator", "documents ok")).orThrow();
        assertThat(ledger.deposit(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallets.get(1)), usd("1.00"),
                Memo.NONE), null).isOk()).isTrue();
        HolderLimits limits = ledger.holderLimits(ENV, carol.id(), USD).orElseThrow();
        assertThat(limits.held()).isEqualTo(usd("501.00"));
        assertThat(limits.limits().maxBalance()).isEqualTo(usd("20000.00"));
    }

    // ---- refunds and reversals ----

    @Test
    void refundsNeverExceedWhatIsLeft() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement paid = pay(alice, "60.00").orThrow();
        Movement part = ledger.refund(new RefundCommand(new EnvId(ENV), null, paid.id(), usd("20.00"), "broken cup"),
                null).orThrow();
        assertThat(part.kind()).isEqualTo(TransactionKind.REFUND);
        assertThat(part.originalId()).isEqualTo(paid.id());
        assertThat(f.posted(alice)).isEqualTo("60.00");
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, paid.id(), usd("40.01"), null),
                null).result().errorCode())
                .isEqualTo(ErrorCode.REFUND_EXCEEDS_PAYMENT);
        Movement rest = ledger.refund(new RefundCommand(new EnvId(ENV), null, paid.id(), null, null), null).orThrow();
        assertThat(rest.amount()).isEqualTo(usd("40.00"));
        assertThat(f.posted(alice)).isEqualTo("100.00");
        assertThat(ledger.movement(ENV, paid.id()).orElseThrow().refunded()).isEqualTo(usd("60.00"));
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, paid.id(), usd("0.01"), null),
                null).result().errorCode())
                .isEqualTo(ErrorCode.REFUND_EXCEEDS_PAYMENT);
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, part.id(), null, null),
                null).result().errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, "txn_nope", null, null),
                null).result().errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void onlyTheRecipientOfAP2pPaymentCanRefundIt() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        User bob = f.verifiedUser("bob@example.com");
        String bobs = f.wallet(bob, USD);
        User alicesUser = new Tenants(ledger).userByEmail(new EnvId(ENV), "alice@example.com").orElseThrow();
        Movement p = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bobs),
                usd("30"), Memo.NONE), null).orThrow();
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), UserId.ofNullable(alicesUser.id()), p.id(), null,
                null), null).result().errorCode())
                .isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), UserId.ofNullable(bob.id()), p.id(), null, null),
                null).isOk()).isTrue();
        assertThat(f.posted(alice)).isEqualTo("100.00");
    }

    @Test
    void aReversalPutsBalancesBackAsIfNothingHappened() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        Movement p = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("30"),
                Memo.NONE), null).orThrow();
        ledger.refund(new RefundCommand(new EnvId(ENV), null, p.id(), usd("10"), null), null).orThrow();
        Movement reversal = ledger.reverse(new ReversalCommand(new EnvId(ENV), new TransactionId(p.id()), "fraud"), null).orThrow();
        assertThat(reversal.amount()).isEqualTo(usd("20.00"));
        assertThat(ledger.movement(ENV, p.id()).orElseThrow().status()).isEqualTo(TransactionStatus.REVERSED);
        assertThat(f.posted(alice)).isEqualTo("100.00");
        assertThat(f.posted(bob)).isEqualTo("0.00");
        assertThat(ledger.reverse(new ReversalCommand(new EnvId(ENV), new TransactionId(p.id()), null),
                null).result().errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aRefundNeedsTheMoneyToStillBeThere() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        User bob = f.verifiedUser("bob@example.com");
        String bobs = f.wallet(bob, USD);
        Movement p = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bobs),
                usd("30"), Memo.NONE), null).orThrow();
        ledger.withdraw(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(bobs), usd("25"), Memo.NONE),
                null).orThrow();
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, p.id(), null, null),
                null).result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(ledger.movement(ENV, p.id()).orElseThrow().refunded()).isEqualTo(usd("0.00"));
    }

    // ---- holds ----

    @Test
    void aHoldReservesMoneyThatCannotBeSpentTwice() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = hold(alice, "80.00", Duration.ofHours(1));
        assertThat(held.status()).isEqualTo(TransactionStatus.PENDING);
        WalletSnapshot w = ledger.wallet(ENV, alice).orElseThrow();
        assertThat(w.balance().postedMoney()).isEqualTo(usd("100.00"));
        assertThat(w.balance().pendingMoney()).isEqualTo(usd("80.00"));
        assertThat(w.balance().available()).isEqualTo(usd("20.00"));
        assertThat(pay(alice, "20.01").result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(hold(alice, "20.01").result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void aPartialCaptureMovesThePartAndReleasesTheRestOnce() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = hold(alice, "80.00", Duration.ofHours(1));
        Movement captured = ledger.capture(new CaptureCommand(new EnvId(ENV), new HoldId(held.holdId()), usd("50.00")), null).orThrow();
        assertThat(captured.id()).isEqualTo(held.id());
        assertThat(captured.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(captured.amount()).isEqualTo(usd("50.00"));
        assertThat(f.posted(alice)).isEqualTo("50.00");
        assertThat(f.available(alice)).isEqualTo("50.00");
        assertThat(ledger.capture(new CaptureCommand(new EnvId(ENV), new HoldId(held.holdId()), usd("1")),
                null).result().errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
        assertThat(ledger.voidHold(new VoidCommand(new EnvId(ENV), new HoldId(held.holdId()), null),
                null).result().errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
        assertThat(ledger.capture(CaptureCommand.all(new EnvId(ENV), new HoldId("hld_nope")),
                null).result().errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ledger.capture(CaptureCommand.all(new EnvId(OTHER_ENV), new HoldId(held.holdId())),
                null).result().errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void captureCannotExceedTheHold() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = hold(alice, "10.00", Duration.ofHours(1));
        assertThat(ledger.capture(new CaptureCommand(new EnvId(ENV), new HoldId(held.holdId()), usd("10.01")),
                null).result().errorCode()).isEqualTo(ErrorCode.INVALID_AMOUNT);
        assertThat(f.available(alice)).isEqualTo("90.00");
    }

    @Test
    void aVoidReleasesEverythingAndTheMovementFails() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = hold(alice, "80.00", Duration.ofHours(1));
        Movement voided = ledger.voidHold(new VoidCommand(new EnvId(ENV), new HoldId(held.holdId()), "payout failed"), null).orThrow();
        assertThat(voided.status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(voided.failureReason()).isEqualTo("payout failed");
        assertThat(f.available(alice)).isEqualTo("100.00");
        assertThat(ledger.capture(CaptureCommand.all(new EnvId(ENV), new HoldId(held.holdId())),
                null).result().errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
    }

    @Test
    void aHoldExpiresOnItsOwn() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = hold(alice, "80.00", Duration.ofMinutes(10));
        f.clock.advance(Duration.ofMinutes(9));
        assertThat(ledger.expireDueHolds()).isZero();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(ledger.capture(CaptureCommand.all(new EnvId(ENV), new HoldId(held.holdId())),
                null).result().errorCode()).isEqualTo(ErrorCode.HOLD_ALREADY_RESOLVED);
        assertThat(ledger.expireDueHolds()).isEqualTo(1);
        Movement expired = ledger.movement(ENV, held.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(expired.failureReason()).isEqualTo("expired");
        assertThat(f.available(alice)).isEqualTo("100.00");
        assertThat(ledger.expireDueHolds()).isZero();
    }

    @Test
    void aHoldThatExpiresDaysAfterItWasMadeLeavesTheDailyTotalsSound() throws Exception {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        Movement held = hold(alice, "80.00", Duration.ofDays(3));
        f.clock.advance(Duration.ofDays(3));
        // the hold's minute left the 24-hour window two days ago, and the sweep forgot its total, as it does each
        // round; the hold's expiry must not write a total for that minute again
        ledger.run(new WalletTasks.PurgeOutgoingSums(), null).orThrow();
        assertThat(ledger.expireDueHolds()).isEqualTo(1);
        assertThat(ledger.movement(ENV, held.id()).orElseThrow().failureReason()).isEqualTo("expired");
        assertThat(f.available(alice)).isEqualTo("100.00");
        LedgerVerifier.Report report = f.verify();
        assertThat(report.violations()).as("the ledger's invariants, daily totals included").isEmpty();
    }

    // ---- idempotency ----

    @Test
    void aRepeatedRequestWithItsKeyMovesMoneyOnce() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        IdempotencyKey key = new IdempotencyKey("env-1/alice", "pay-1");
        Outcome<Movement> first = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(bob), usd("10"), Memo.description("x")), key);
        Outcome<Movement> again = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(bob), usd("10"), Memo.description("x")), key);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.orThrow()).isEqualTo(first.orThrow());
        assertThat(f.posted(alice)).isEqualTo("90.00");
        Outcome<Movement> different = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(bob), usd("11"), Memo.description("x")), key);
        assertThat(different.result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(f.posted(alice)).isEqualTo("90.00");
    }

    @Test
    void requestsWhoseFieldsWereOneTextWhenJoinedAreDifferentRequests() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        IdempotencyKey send = new IdempotencyKey("env-1/alice", "joined-1");
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("10"),
                Memo.reference("a|b").withDescription("c")), send).isOk()).isTrue();
        Outcome<Movement> shifted = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(bob), usd("10"), Memo.reference("a").withDescription("b|c")), send);
        assertThat(shifted.result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);

        IdempotencyKey order = new IdempotencyKey("env-1/alice", "joined-2");
        assertThat(ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(alice), usd("5"),
                Memo.reference("r").withMetadata("{}")), order).isOk()).isTrue();
        Outcome<Movement> spelled = ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(alice),
                usd("5"),
                Memo.reference("r").withDescription("null").withMetadata("{}")), order);
        assertThat(spelled.result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);

        String paid = ledger.history(ENV, HistoryQuery.of(bob, 1)).movements().get(0).id();
        IdempotencyKey back = new IdempotencyKey("env-1/bob", "joined-3");
        assertThat(ledger.refund(new RefundCommand(new EnvId(ENV), null, paid, null, "p|all|q"), back).isOk()).isTrue();
        Outcome<Movement> elsewhere = ledger.refund(new RefundCommand(new EnvId(ENV), null, paid + "|all|p", null, "q"),
                back);
        assertThat(elsewhere.result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);

        assertThat(f.posted(alice)).as("paid 10 and 5, refunded 10").isEqualTo("95.00");
        assertThat(f.posted(bob)).isEqualTo("0.00");
    }

    @Test
    void aRefusedRequestCanBeRetriedWithItsKey() {
        String alice = f.fundedWallet("alice@example.com", "5.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        IdempotencyKey key = new IdempotencyKey("env-1/alice", "pay-2");
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("10"),
                Memo.NONE), key).result().errorCode())
                .isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        f.deposit(alice, "5.00");
        Outcome<Movement> retry = ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice),
                new WalletId(bob), usd("10"), Memo.NONE), key);
        assertThat(retry.isOk()).isTrue();
        assertThat(retry.replayed()).isFalse();
    }

    @Test
    void keysOfDifferentScopesDoNotMeet() {
        String alice = f.fundedWallet("alice@example.com", "100.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("1"),
                Memo.NONE), new IdempotencyKey("a", "k")).replayed()).isFalse();
        assertThat(ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("2"),
                Memo.NONE), new IdempotencyKey("b", "k")).isOk()).isTrue();
        assertThat(f.posted(bob)).isEqualTo("3.00");
    }

    // ---- history ----

    @Test
    void historyPagesKeepTheirFilters() {
        String alice = f.fundedWallet("alice@example.com", "1000.00");
        String bob = f.wallet(f.verifiedUser("bob@example.com"), USD);
        for (int i = 1; i <= 7; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(alice), usd(i + ".00"),
                    Memo.reference("order-" + i).withDescription(i % 2 == 0 ? "Coffee" : "Tea")), null).orThrow();
        }
        ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(alice), new WalletId(bob), usd("5.00"),
                Memo.description("Coffee for Bob")), null).orThrow();

        HistoryQuery coffeePayments = new HistoryQuery(List.of(alice), Set.of(TransactionKind.PAYMENT), Set.of(),
                null, null, null, null, "coffee", 2);
        HistoryPage first = ledger.history(ENV, coffeePayments);
        assertThat(first.movements()).extracting(Movement::reference).containsExactly("order-6", "order-4");
        HistoryPage second = ledger.historyAfter(ENV, first.next(), Set.of(alice)).orThrow();
        assertThat(second.movements()).extracting(Movement::reference).containsExactly("order-2");
        assertThat(second.next()).isNull();

        HistoryQuery big = new HistoryQuery(List.of(alice), Set.of(), Set.of(TransactionStatus.COMPLETED), null, null,
                usd("5.00"), usd("6.00"), null, 10);
        assertThat(ledger.history(ENV, big).movements()).extracting(m -> m.amount().toDecimalString())
                .containsExactly("5.00", "6.00", "5.00");
    }

    @Test
    void aHistoryOverSeveralWalletsListsEachOfTheirMovementsOnceNewestFirstWhateverThePageSize() {
        User holder = f.verifiedUser("alice@example.com");
        List<String> mine = f.wallets(holder, USD, 3);
        String bob = f.fundedWallet("bob@example.com", "100.00");
        List<Movement> made = new ArrayList<>();
        for (String wallet : mine) {
            made.add(f.deposit(wallet, "50.00"));
        }
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 60; i++) {
            // several movements share a millisecond, so pages cannot go by the clock
            f.clock.advance(Duration.ofMillis(random.nextInt(3)));
            String a = mine.get(random.nextInt(mine.size()));
            String b = mine.get((mine.indexOf(a) + 1 + random.nextInt(mine.size() - 1)) % mine.size());
            made.add(switch (random.nextInt(3)) {
                case 0 -> ledger.transfer(new MoveCommand(new EnvId(ENV), UserId.ofNullable(holder.id()), new WalletId(a),
                        new WalletId(b), usd("0.01"), Memo.NONE), null).orThrow();
                case 1 -> ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(a), new WalletId(bob), usd("0.01"),
                        Memo.NONE), null).orThrow();
                default -> ledger.p2p(new MoveCommand(new EnvId(ENV), null, new WalletId(bob), new WalletId(b), usd("0.01"),
                        Memo.NONE), null).orThrow();
            });
        }
        // newest first is the order they were made in, reversed: each call above committed before the next,
        // and several share a millisecond of the clock (and ids, made from the real clock, need not follow)
        List<Movement> newestFirst = new ArrayList<>(made);
        java.util.Collections.reverse(newestFirst);
        for (List<String> wallets : List.of(mine, mine.subList(1, 2))) {
            List<String> expected = newestFirst.stream()
                    .filter(m -> wallets.contains(m.debitAccount()) || wallets.contains(m.creditAccount()))
                    .map(Movement::id).toList();
            for (int limit : new int[] {1, 7, 500}) {
                List<String> listed = new ArrayList<>();
                HistoryPage page = ledger.history(ENV, new HistoryQuery(wallets, Set.of(), Set.of(), null, null, null, null,
                        null, limit));
                listed.addAll(page.movements().stream().map(Movement::id).toList());
                while (page.next() != null) {
                    page = ledger.historyAfter(ENV, page.next(), Set.copyOf(mine)).orThrow();
                    assertThat(page.movements()).hasSizeLessThanOrEqualTo(limit);
                    listed.addAll(page.movements().stream().map(Movement::id).toList());
                }
                assertThat(listed).as("%d wallets, pages of %d", wallets.size(), limit).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aCursorCannotBeBentToAnotherWallet() {
        String alice = f.fundedWallet("alice@example.com", "10.00");
        f.clock.advance(Duration.ofSeconds(1));
        f.deposit(alice, "1.00");
        HistoryPage first = ledger.history(ENV, HistoryQuery.of(alice, 1));
        assertThat(ledger.historyAfter(ENV, first.next(), Set.of("wal_other")).errorCode())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        HistoryCursor bent = new HistoryCursor(HistoryQuery.of("wal_other", 1), first.next().after());
        assertThat(ledger.historyAfter(ENV, bent, Set.of(alice)).errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    // ---- demo data and verify ----

    @Test
    void demoDataSeedsOnceHoweverOftenItRuns() {
        DemoData.seed(ledger, null);
        DemoData.seed(ledger, null);
        User alice = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow();
        User partnerUser = new Tenants(ledger).userByExternalId(new EnvId(DemoData.ENV_ID), "123").orElseThrow();
        for (User u : List.of(alice, partnerUser)) {
            List<WalletSnapshot> wallets = ledger.wallets(DemoData.ENV_ID, u.id());
            assertThat(wallets).hasSize(1);
            assertThat(wallets.get(0).balance().postedMoney()).isEqualTo(usd("1000.00"));
            assertThat(u.kycStatus()).isEqualTo(KycStatus.VERIFIED);
        }
        assertThat(new Tenants(ledger).secrets(new EnvId(DemoData.ENV_ID))).containsExactly(DemoData.ENV_SECRET);
    }

    @Test
    void verifyCatchesABalanceThatDisagreesWithItsPostings() throws Exception {
        String alice = f.fundedWallet("alice@example.com", "10.00");
        try (Connection c = f.database.writerConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE accounts SET posted = posted + 1 WHERE id = '" + alice + "'");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        LedgerVerifier.Report report = f.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.violations()).anySatisfy(v -> assertThat(v).contains(alice).contains("postings sum to 1000"));
        try (Connection c = f.database.writerConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE accounts SET posted = posted - 1 WHERE id = '" + alice + "'");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @Test
    void verifyCatchesARefundTotalThatDisagreesWithItsRefunds() throws Exception {
        String alice = f.fundedWallet("alice@example.com", "10.00");
        Movement paid = pay(alice, "6.00").orThrow();
        ledger.refund(new RefundCommand(new EnvId(ENV), null, paid.id(), usd("2.00"), null), null).orThrow();
        assertThat(f.verify().ok()).isTrue();
        // what a lost update looks like: two refunds committed, the original counting only one
        ledger.refund(new RefundCommand(new EnvId(ENV), null, paid.id(), usd("1.00"), null), null).orThrow();
        try (Connection c = f.database.writerConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE transactions SET refunded = 200 WHERE id = '" + paid.id() + "'");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        assertThat(f.verify().violations()).anySatisfy(v -> assertThat(v).contains(paid.id())
                .contains("records 200 refunded but its refunds move 300"));
        try (Connection c = f.database.writerConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE transactions SET refunded = 300 WHERE id = '" + paid.id() + "'");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** What all of the user's USD wallets hold together, posted plus expected credits, in minor units. */
    private long heldBy(User user) {
        return ledger.wallets(ENV, user.id()).stream().filter(w -> w.currency().equals(USD))
                .mapToLong(w -> w.balance().posted() + w.balance().pendingCredits()).sum();
    }

    /** Moves every stored per-minute outgoing sum by {@code minor} behind the ledger's back. */
    private void shiftOutgoingSums(long minor) throws java.sql.SQLException {
        behindTheLedgersBack("UPDATE holder_outgoing SET amount = amount + " + minor);
    }

    /** Changes the tables with {@code sql} on a connection of its own, as no writer of the ledger would. */
    private void behindTheLedgersBack(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = f.database.writerConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private Outcome<Movement> pay(String wallet, String amount) {
        return ledger.pay(new SystemMoveCommand(new EnvId(ENV), null, new WalletId(wallet), usd(amount), Memo.NONE),
                null);
    }

    private Outcome<Movement> hold(String wallet, String amount) {
        return ledger.hold(new HoldCommand(new EnvId(ENV), null, TransactionKind.WITHDRAWAL, new WalletId(wallet),
                new WalletId(LedgerService.systemAccount(ENV, AccountKind.PROVIDER_CLEARING, USD)), usd(amount),
                        f.clock.instant().plus(Duration.ofHours(1)), Memo.NONE), null);
    }

    private Movement hold(String wallet, String amount, Duration ttl) {
        return ledger.hold(new HoldCommand(new EnvId(ENV), null, TransactionKind.WITHDRAWAL, new WalletId(wallet),
                new WalletId(LedgerService.systemAccount(ENV, AccountKind.PROVIDER_CLEARING, USD)), usd(amount),
                        f.clock.instant().plus(ttl), Memo.NONE), null).orThrow();
    }

    @SuppressWarnings("unused")
    private static List<String> ids(List<Movement> movements) {
        List<String> ids = new ArrayList<>();
        movements.forEach(m -> ids.add(m.id()));
        return ids;
    }
}
