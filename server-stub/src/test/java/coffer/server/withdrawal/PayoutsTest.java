package coffer.server.withdrawal;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.ledger.TransactionStatus;
import coffer.core.money.Money;
import coffer.server.bank.BankAccount;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.Outcome;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.WriterGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hold → payout → capture/void machinery against a fake provider: the hold captured, voided or kept, once. */
class PayoutsTest {
    @TempDir
    Path dir;
    private PayoutFixture f;
    private PayoutEvents events;

    @BeforeEach
    void start() {
        f = new PayoutFixture(dir);
        events = new PayoutEvents(f.payouts);
    }

    @AfterEach
    void stop() throws Exception {
        f.assertLedgerOk();
        f.close();
    }

    private Outcome<Payout> withdraw(String amount, BankAccount to, IdempotencyKey key) {
        return f.payouts.start(new Payouts.Order(PayoutKind.WITHDRAWAL, f.alice.envId(), f.alice.userId(), f.aliceWallet,
                Money.parse(amount, "USD"), to, null, null, null, key));
    }

    @Test
    void aPayoutThatSucceedsCapturesTheHold() {
        Money clearingBefore = f.clearing().balance().postedMoney();
        Payout p = withdraw("100.00", f.account("0000000001"), null).orThrow();

        assertThat(p.status()).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(f.provider.payouts).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo(p.id());
            assertThat(r.accountNumber()).isEqualTo("0000000001");
            assertThat(r.holderName()).isEqualTo("Alice Example");
        });
        f.assertBalances("900.00", "900.00");
        assertThat(f.ledger.movement(DemoData.ENV_ID, p.transactionId()).orElseThrow().status())
                .isEqualTo(TransactionStatus.COMPLETED);
        assertThat(f.clearing().balance().postedMoney()).as("provider clearing received it")
                .isEqualTo(clearingBefore.plus(Money.parse("100.00", "USD")));
    }

    @Test
    void aPayoutThatFailsVoidsTheHoldAndTheMoneyIsBack() {
        Payout p = withdraw("100.00", f.account("0000000002"), null).orThrow();

        assertThat(p.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(p.failureReason()).isEqualTo("account_closed");
        f.assertBalances("1000.00", "1000.00");
        assertThat(f.ledger.movement(DemoData.ENV_ID, p.transactionId()).orElseThrow().status())
                .isEqualTo(TransactionStatus.FAILED);
    }

    @Test
    void aPendingPayoutKeepsTheHoldUntilItsEventThenCapturesOnce() {
        Payout p = withdraw("100.00", f.account("0000000003"), null).orThrow();
        assertThat(p.status()).isEqualTo(PayoutStatus.PENDING);
        f.assertBalances("1000.00", "900.00");

        assertThat(events.handle(PayoutFixture.event("e1", PayoutEvents.SUCCEEDED, p.id()))).isTrue();
        assertThat(events.handle(PayoutFixture.event("e1", PayoutEvents.SUCCEEDED, p.id()))).as("a repeat").isTrue();
        assertThat(events.handle(PayoutFixture.event("e2", PayoutEvents.FAILED, p.id()))).as("a late contradiction").isTrue();

        assertThat(f.payouts.payout(p.id()).orElseThrow().status()).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(f.payouts.payout(p.id()).orElseThrow().providerPayoutId()).isNotNull();
        f.assertBalances("900.00", "900.00");
    }

    @Test
    void aPendingPayoutThatFailsLaterGivesTheMoneyBack() {
        Payout p = withdraw("250.00", f.account("0000000003"), null).orThrow();
        f.assertBalances("1000.00", "750.00");

        assertThat(events.handle(PayoutFixture.event("e1", PayoutEvents.FAILED, p.id()))).isTrue();
        assertThat(events.handle(PayoutFixture.event("e2", PayoutEvents.SUCCEEDED, p.id()))).isTrue();

        Payout after = f.payouts.payout(p.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(after.failureReason()).isEqualTo("bank_rejected");
        f.assertBalances("1000.00", "1000.00");
    }

    @Test
    void aProviderErrorFailsThePayoutAndGivesTheMoneyBack() {
        Payout p = withdraw("100.00", f.account("0000000004"), null).orThrow();

        assertThat(p.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(p.failureReason()).contains("provider");
        f.assertBalances("1000.00", "1000.00");
    }

    @Test
    void aRefusedHoldAsksTheProviderForNothing() {
        Outcome<Payout> refused = withdraw("1000.01", f.account("0000000001"), null);

        assertThat(refused.result().errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(f.provider.payouts).isEmpty();
        f.assertBalances("1000.00", "1000.00");
    }

    @Test
    void aRepeatWithTheSameKeyAnswersTheFirstPayoutAndAnotherRequestIsRefused() {
        BankAccount to = f.account("0000000001");
        IdempotencyKey key = new IdempotencyKey(f.alice.idempotencyScope(), "k-1");
        Outcome<Payout> first = withdraw("100.00", to, key);
        Outcome<Payout> again = withdraw("100.00", to, key);
        Outcome<Payout> other = withdraw("200.00", to, key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.orThrow().id()).isEqualTo(first.orThrow().id());
        assertThat(other.result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(f.provider.payouts).hasSize(1);
        f.assertBalances("900.00", "900.00");
    }

    @Test
    void theSynchronousAnswerAndTheWebhookArrivingTogetherCaptureOnceAndBothKnowIt() throws Exception {
        // on PostgreSQL, where the writer held at its gate locks nothing the payout's own rows need (SQLite's
        // writer holds the one write lock from BEGIN on)
        try (PayoutFixture pg = new PayoutFixture(TestDatabases.postgres())) {
            answerAndWebhookTogether(pg, new PayoutEvents(pg.payouts));
            pg.assertLedgerOk();
        }
    }

    private static void answerAndWebhookTogether(PayoutFixture f, PayoutEvents events) throws Exception {
        // the provider answers "succeeded" while its payout.succeeded webhook reaches Coffer too: the answer's
        // capture is held in flight at the writer, and the webhook's capture of the same hold arrives meanwhile
        f.provider.beforeAnswer = f.gate::shut;
        BankAccount to = f.account("0000000001");
        WriterGate.Started<Outcome<Payout>> answer = WriterGate.start("synchronous answer",
                () -> f.payouts.start(new Payouts.Order(PayoutKind.WITHDRAWAL, f.alice.envId(), f.alice.userId(), f.aliceWallet,
                        Money.parse("100.00", "USD"), to, null, null, null, null)));
        f.gate.awaitWriterStopped();
        WriterGate.awaitParked(answer.thread());
        f.provider.beforeAnswer = () -> { };
        String id = f.provider.payouts.get(0).reference();
        WriterGate.Started<Boolean> webhook = WriterGate.start("webhook",
                () -> events.handle(PayoutFixture.event("e1", PayoutEvents.SUCCEEDED, id)));
        WriterGate.awaitParked(webhook.thread());
        assertThat(webhook.answer()).as("the webhook waits for the answer's capture").isNotDone();
        f.gate.open();

        assertThat(answer.join().orThrow().status()).isEqualTo(PayoutStatus.SUCCEEDED);
        assertThat(webhook.join()).as("applied, not to be sent again").isTrue();
        assertThat(f.payouts.payout(id).orElseThrow().status()).isEqualTo(PayoutStatus.SUCCEEDED);
        f.assertBalances("900.00", "900.00");
        assertThat(f.ledger.movement(DemoData.ENV_ID, f.payouts.payout(id).orElseThrow().transactionId()).orElseThrow().status())
                .isEqualTo(TransactionStatus.COMPLETED);
    }

    @Test
    void aPayoutPageKeepsTheHoldAndAnswersItsUrl() {
        Payout p = withdraw("40.00", null, null).orThrow();

        assertThat(p.status()).isEqualTo(PayoutStatus.PENDING);
        assertThat(p.url()).startsWith("http://provider.test/payout/");
        assertThat(f.provider.links).singleElement().satisfies(l -> assertThat(l.reference()).isEqualTo(p.id()));
        f.assertBalances("1000.00", "960.00");

        events.handle(PayoutFixture.event("e1", PayoutEvents.SUCCEEDED, p.id()));
        f.assertBalances("960.00", "960.00");
    }

    @Test
    void anotherUsersPayoutIsNotFound() {
        Payout p = withdraw("10.00", f.account("0000000001"), null).orThrow();

        assertThatThrownBy(() -> f.payouts.owned(DemoData.ENV_ID, "usr_other", PayoutKind.WITHDRAWAL, p.id()))
                .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> f.payouts.owned(DemoData.ENV_ID, f.alice.userId(), PayoutKind.SETTLEMENT, p.id()))
                .isInstanceOf(CofferException.class);
    }
}
