package coffer.server.ledger;

import coffer.server.tenant.User;
import coffer.server.payment.PaymentLedger;
import coffer.server.payment.Payment;
import coffer.server.payment.PaymentBatch;
import coffer.server.payment.PaymentOrder;
import coffer.server.payment.PaymentPage;
import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.AccountKind;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.core.organization.OrganizationRole;
import coffer.core.wallet.StatusActor;
import coffer.core.wallet.WalletStatus;
import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.ServerSettings;
import coffer.server.organization.CreatedOrganization;
import coffer.server.organization.LedgerOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static coffer.server.ledger.LedgerFixture.ENV;
import static coffer.server.ledger.LedgerFixture.USD;
import static coffer.server.ledger.LedgerFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Payments as two-phase movements, step by step, as the payment processor drives them; on SQLite and PostgreSQL. */
abstract class PaymentLedgerContract {
    DatabaseConfig config;
    LedgerFixture f;
    LedgerService ledger;
    PaymentLedger paymentLedger;
    User alice;
    String aliceWallet;
    String bobWallet;

    abstract DatabaseConfig database();

    @BeforeEach
    void open() {
        config = database();
        f = new LedgerFixture(config);
        ledger = f.ledger;
        paymentLedger = new PaymentLedger(ledger);
        alice = f.verifiedUser("alice@example.com");
        aliceWallet = f.wallet(alice, USD);
        f.deposit(aliceWallet, "1000.00");
        bobWallet = f.wallet(f.verifiedUser("bob@example.com"), USD);
    }

    @AfterEach
    void close() throws Exception {
        assertThat(f.verify().violations()).as("ledger invariants after the test").isEmpty();
        f.close();
    }

    private PaymentOrder order(String amount) {
        return new PaymentOrder(ENV, alice.id(), aliceWallet, "bob@example.com", bobWallet, usd(amount), "dinner",
                "{\"participants\":4}");
    }

    private Payment place(String amount) {
        return paymentLedger.sendPayment(order(amount), null).orThrow();
    }

    private Payment reread(Payment p) {
        return paymentLedger.payment(ENV, p.id()).orElseThrow();
    }

    @Test
    void acceptingReservesTheMoneyAndRecordsAPendingPayment() {
        Payment p = place("100.00");
        assertThat(p.id()).startsWith("pmt_");
        assertThat(p.status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(p.destination()).isEqualTo("bob@example.com");
        assertThat(reread(p)).isEqualTo(p);
        assertThat(f.available(aliceWallet)).isEqualTo("900.00");
        assertThat(f.posted(aliceWallet)).isEqualTo("1000.00");
        assertThat(f.posted(bobWallet)).isEqualTo("0.00");
        assertThat(ledger.movement(ENV, p.transactionId()).orElseThrow().reference()).isEqualTo(p.id());
    }

    @Test
    void aPaymentIsAnsweredWhenMadeAsItIsReadAfterToTheMillisecond() {
        f.clock.advance(Duration.ofNanos(123_456_789));
        Payment p = place("1.00");
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(reread(p)).isEqualTo(p);
    }

    @Test
    void startingThenSettlingCompletesThePaymentAndMovesTheMoneyOnce() {
        Payment p = place("100.00");
        assertThat(paymentLedger.advancePayments(List.of(p), List.of()).orThrow()).isEqualTo(1);
        assertThat(reread(p).status()).isEqualTo(TransactionStatus.PROCESSING);

        assertThat(paymentLedger.advancePayments(List.of(), List.of(p)).orThrow()).isEqualTo(1);
        Payment done = reread(p);
        assertThat(done.status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.failureReason()).isNull();

        // a repeated round (a restart, a second server) changes nothing
        assertThat(paymentLedger.advancePayments(List.of(p), List.of(p)).orThrow()).isZero();
        assertThat(f.posted(aliceWallet)).isEqualTo("900.00");
        assertThat(f.posted(bobWallet)).isEqualTo("100.00");
        assertThat(f.available(aliceWallet)).isEqualTo("900.00");
    }

    @Test
    void aCaptureTheLedgerRefusesFailsThePaymentWithItsReasonAndReleasesTheMoney() {
        Payment p = place("100.00");
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), null, new WalletId(bobWallet),
                WalletStatus.SUSPENDED, StatusActor.OPERATOR, "review")).orThrow();
        assertThat(paymentLedger.advancePayments(List.of(), List.of(p)).orThrow()).isEqualTo(1);
        Payment failed = reread(p);
        assertThat(failed.status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo(ErrorCode.WALLET_SUSPENDED.name());
        assertThat(failed.completedAt()).isNull();
        assertThat(f.available(aliceWallet)).isEqualTo("1000.00");
        assertThat(f.posted(bobWallet)).isEqualTo("0.00");
    }

    @Test
    void aReservationLeftPastItsExpiryFailsThePayment() {
        Payment p = place("100.00");
        f.clock.advance(PaymentLedger.HOLD_TTL.plusSeconds(1));
        assertThat(paymentLedger.advancePayments(List.of(), List.of(p)).orThrow()).isEqualTo(1);
        assertThat(reread(p).status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(reread(p).failureReason()).isEqualTo("expired");
        assertThat(f.available(aliceWallet)).isEqualTo("1000.00");
    }

    @Test
    void aPaymentApprovedInItsLastMinuteIsHeldForTheProcessorsFullTimeFromTheApproval() {
        EnvId env = new EnvId(ENV);
        CreatedOrganization org = LedgerOrganizations.create(ledger, env, new UserId(alice.id()), "Chairs", USD);
        String orgWallet = org.wallet().id();
        User mia = f.verifiedUser("mia@example.com");
        LedgerOrganizations.addMember(ledger, env, org.organization().id(), new UserId(mia.id()), OrganizationRole.MEMBER);
        LedgerOrganizations.threshold(ledger, env, org.organization().id(), 1_000);
        f.deposit(orgWallet, "100.00");
        PaymentOrder toBob = new PaymentOrder(ENV, mia.id(), orgWallet, "bob@example.com", bobWallet, usd("30.00"), null, null);
        Payment settled = paymentLedger.sendPayment(toBob, null).orThrow();
        Payment forgotten = paymentLedger.sendPayment(toBob, null).orThrow();
        assertThat(settled.awaitingApproval()).isTrue();

        f.clock.advance(ServerSettings.DEFAULT_APPROVAL_EXPIRY.minusMinutes(1));
        Instant decided = f.clock.instant();
        Payment approved = paymentLedger.decide(settled, alice.id(), true, null).orThrow();
        paymentLedger.decide(forgotten, alice.id(), true, null).orThrow();
        // a slow processor: its rounds come after the approval's deadline, and the sweep runs first
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(ledger.expireDueHolds()).as("nothing due").isZero();
        paymentLedger.advancePayments(List.of(approved), List.of()).orThrow();
        paymentLedger.advancePayments(List.of(), List.of(approved)).orThrow();
        assertThat(reread(settled).status()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(f.posted(orgWallet)).isEqualTo("70.00");
        assertThat(f.posted(bobWallet)).isEqualTo("30.00");
        assertThat(f.available(orgWallet)).as("the other still held").isEqualTo("40.00");

        // one the processor never settles is released a full hold's time after its approval, not before
        f.clock.advance(Duration.between(f.clock.instant(), decided.plus(PaymentLedger.HOLD_TTL)).minusSeconds(1));
        assertThat(ledger.expireDueHolds()).isZero();
        assertThat(reread(forgotten).status()).isEqualTo(TransactionStatus.PENDING);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.expireDueHolds()).isEqualTo(1);
        assertThat(reread(forgotten).status()).isEqualTo(TransactionStatus.FAILED);
        assertThat(f.available(orgWallet)).isEqualTo("70.00");
    }

    @Test
    void everyRuleOfAP2PMovementAppliesAtAcceptance() {
        assertThat(paymentLedger.sendPayment(order("1000.01"), null).result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        String merchant = LedgerService.systemAccount(ENV, AccountKind.MERCHANT, USD);
        PaymentOrder toMerchant = new PaymentOrder(ENV, alice.id(), aliceWallet, merchant, merchant, usd("1"), null, null);
        assertThat(paymentLedger.sendPayment(toMerchant, null).result().errorCode()).isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        User eve = f.verifiedUser("eve@example.com");
        PaymentOrder notHers = new PaymentOrder(ENV, eve.id(), aliceWallet, "bob@example.com", bobWallet, usd("1"), null, null);
        assertThat(paymentLedger.sendPayment(notHers, null).result().errorCode()).isEqualTo(ErrorCode.WALLET_NOT_FOUND);
        assertThat(f.available(aliceWallet)).isEqualTo("1000.00");
        assertThat(paymentLedger.payments(ENV, alice.id(), null, 10).payments()).isEmpty();
    }

    @Test
    void anEmailResolvesToItsUsersOpenWalletInTheCurrencyWithinTheEnvironment() {
        assertThat(paymentLedger.recipientWallet(ENV, "Bob@Example.com", USD)).hasValue(bobWallet);
        assertThat(paymentLedger.recipientWallet(ENV, "bob@example.com", LedgerFixture.EUR)).isEmpty();
        assertThat(paymentLedger.recipientWallet(ENV, "nobody@example.com", USD)).isEmpty();
        assertThat(paymentLedger.recipientWallet(LedgerFixture.OTHER_ENV, "bob@example.com", USD)).isEmpty();
        User carol = f.verifiedUser("carol@example.com");
        String closed = f.wallet(carol, USD);
        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(carol.id()),
                new WalletId(closed), WalletStatus.CLOSED, StatusActor.USER, "moving on")).orThrow();
        assertThat(paymentLedger.recipientWallet(ENV, "carol@example.com", USD)).isEmpty();
    }

    /**
     * An email with no wallet in the amount's currency is refused in the rules' order: the payer's own wallet
     * (the payer's, its status, its currency) before the recipient, who is looked up by currency.
     */
    @Test
    void anEmailThatNamesNoWalletIsRefusedPayersWalletFirst() {
        Money oneEuro = Money.parse("1", LedgerFixture.EUR);
        assertThat(paymentLedger.recipientWallet(ENV, alice.id(), aliceWallet, "bob@example.com", usd("1"))).isEqualTo(Result.ok(bobWallet));
        assertThat(refusal(paymentLedger.recipientWallet(ENV, alice.id(), "wal_nope", "nobody@example.com", usd("1"))))
                .isEqualTo("WALLET_NOT_FOUND {wallet_id=wal_nope}");
        User eve = f.verifiedUser("eve@example.com");
        assertThat(refusal(paymentLedger.recipientWallet(ENV, eve.id(), aliceWallet, "nobody@example.com", usd("1"))))
                .isEqualTo("WALLET_NOT_FOUND {wallet_id=" + aliceWallet + "}");
        assertThat(refusal(paymentLedger.recipientWallet(ENV, alice.id(), aliceWallet, "bob@example.com", oneEuro)))
                .isEqualTo("CURRENCY_MISMATCH {actual=EUR, expected=USD}");
        assertThat(refusal(paymentLedger.recipientWallet(ENV, alice.id(), aliceWallet, "nobody@example.com", usd("1"))))
                .isEqualTo("WALLET_NOT_FOUND {destination=nobody@example.com}");

        ledger.setWalletStatus(new WalletStatusChange(new EnvId(ENV), UserId.ofNullable(alice.id()),
                new WalletId(aliceWallet), WalletStatus.LOCKED, StatusActor.USER, "lost phone")).orThrow();
        assertThat(refusal(paymentLedger.recipientWallet(ENV, alice.id(), aliceWallet, "nobody@example.com", oneEuro)))
                .startsWith("WALLET_LOCKED");
        // the same order as a payment to a wallet id: the locked wallet is the first reason
        PaymentOrder toBob = new PaymentOrder(ENV, alice.id(), aliceWallet, bobWallet, bobWallet, oneEuro, null, null);
        assertThat(paymentLedger.sendPayment(toBob, null).result().errorCode()).isEqualTo(ErrorCode.WALLET_LOCKED);
    }

    private static String refusal(Result<?> result) {
        Result.Rejected<?> r = (Result.Rejected<?>) result;
        // sorted: the refusal's details are a Map.of, whose order changes from one JVM to the next
        return r.code() + " " + new java.util.TreeMap<>(r.context());
    }

    @Test
    void aBatchKeepsEachItemsOutcomeInPlace() {
        List<Result<PaymentOrder>> items = List.of(Result.ok(order("600")),
                Result.rejected(ErrorCode.INVALID_AMOUNT, "Amount must be greater than zero"),
                Result.ok(order("600")), Result.ok(order("400")));
        PaymentBatch batch = paymentLedger.sendPayments(items, "[the request]", null).orThrow();
        assertThat(batch.items()).extracting(PaymentBatch.Item::code)
                .containsExactly(null, "INVALID_AMOUNT", "INSUFFICIENT_BALANCE", null);
        assertThat(batch.items().get(0).payment().status()).isEqualTo(TransactionStatus.PENDING);
        assertThat(f.available(aliceWallet)).isEqualTo("0.00");
    }

    @Test
    void anIdempotentRetryReplaysAndADifferentRequestWithTheKeyIsRefused() {
        IdempotencyKey key = new IdempotencyKey("env:env-1/user:" + alice.id(), "k-1");
        Outcome<Payment> first = paymentLedger.sendPayment(order("10"), key);
        Outcome<Payment> again = paymentLedger.sendPayment(order("10"), key);
        assertThat(again.replayed()).isTrue();
        assertThat(again.orThrow()).isEqualTo(first.orThrow());
        assertThat(paymentLedger.sendPayment(order("11"), key).result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(f.available(aliceWallet)).isEqualTo("990.00");
    }

    @Test
    void unfinishedPaymentsArePendingAndProcessingOnesOldestFirstInPages() {
        Payment settled = place("1");
        paymentLedger.advancePayments(List.of(), List.of(settled)).orThrow();
        List<Payment> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMillis(1));
            open.add(place("1"));
        }
        paymentLedger.advancePayments(List.of(open.get(0)), List.of()).orThrow();
        Instant before = f.clock.instant().plusMillis(1);
        List<Payment> first = paymentLedger.unfinishedPayments(before, null, 3);
        List<Payment> rest = paymentLedger.unfinishedPayments(before, first.get(2), 3);
        assertThat(first).extracting(Payment::id).containsExactly(open.get(0).id(), open.get(1).id(), open.get(2).id());
        assertThat(rest).extracting(Payment::id).containsExactly(open.get(3).id(), open.get(4).id());
        assertThat(first.get(0).status()).isEqualTo(TransactionStatus.PROCESSING);
        assertThat(paymentLedger.unfinishedPayments(open.get(2).createdAt(), null, 10)).hasSize(2);
    }

    @Test
    void thePayersListIsNewestFirstAndTheCursorIsChecked() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofMillis(1));
            ids.add(place("1").id());
        }
        PaymentPage first = paymentLedger.payments(ENV, alice.id(), null, 2);
        assertThat(first.payments()).extracting(Payment::id).containsExactly(ids.get(2), ids.get(1));
        PaymentPage last = paymentLedger.payments(ENV, alice.id(), first.next(), 2);
        assertThat(last.payments()).extracting(Payment::id).containsExactly(ids.get(0));
        assertThat(last.next()).isNull();
        // a position is only a position: another payer's list after it holds none of this payer's payments
        assertThat(paymentLedger.payments(ENV, "usr_other", first.next(), 2).payments()).isEmpty();
        assertThat(paymentLedger.payments(ENV, "usr_other", null, 2).payments()).isEmpty();
    }

    @Test
    void twoServersSettlingTheSamePaymentsMoveTheMoneyOnce() throws Exception {
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            payments.add(place("10"));
        }
        try (Database second = Database.open(config);
             LedgerService other = new LedgerService(second, f.clock, LedgerSettings.defaults().withHoldSweepInterval(Duration.ZERO))) {
            for (int round = 0; round < 3; round++) {
                CompletableFuture<Result<Integer>> one = CompletableFuture.supplyAsync(() -> paymentLedger.advancePayments(payments, payments));
                CompletableFuture<Result<Integer>> two = CompletableFuture.supplyAsync(() -> new PaymentLedger(other).advancePayments(payments, payments));
                one.join();
                two.join();
            }
            // whichever rounds lost a race, one more round finishes every payment
            paymentLedger.advancePayments(List.of(), payments).orThrow();
        }
        assertThat(payments).allMatch(p -> reread(p).status() == TransactionStatus.COMPLETED);
        assertThat(f.posted(aliceWallet)).isEqualTo("500.00");
        assertThat(f.posted(bobWallet)).isEqualTo("500.00");
    }
}
