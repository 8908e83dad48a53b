package coffer.server.ledger;

import coffer.server.tenant.NewUser;
import coffer.server.tenant.Tenants;
import coffer.server.tenant.User;
import coffer.core.error.ErrorCode;
import coffer.core.kyc.KycLimitTable;
import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;
import coffer.core.money.Money;
import coffer.server.testing.GatedLedger;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.WriterGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two calls of one process with one idempotency key at once: a client's retry is told the first is in
 * progress; a server path that must know the outcome waits for the first call's answer, not a clock.
 */
class SameKeyInFlightTest {
    private static final String ENV = "env-1";

    @TempDir
    Path dir;
    private GatedLedger gated;
    private WriterGate gate;
    private LedgerService ledger;
    private String wallet;

    @BeforeEach
    void open() {
        gated = new GatedLedger(TestDatabases.sqlite(dir));
        gate = gated.gate;
        ledger = gated.ledger;
        new Tenants(ledger).ensureEnvironment(new EnvId(ENV), "Test", "secret-1", null, KycLimitTable.defaults());
        User user = new Tenants(ledger).ensureUser(NewUser.byExternalId(new EnvId(ENV), "u-1",
                "U").email("u1@example.com").kyc(KycStatus.VERIFIED, KycTier.TIER_1)).orThrow();
        wallet = ledger.openWallet(NewWallet.inCurrency(new EnvId(ENV), new UserId(user.id()), Currency.getInstance("USD"))).orThrow().id();
    }

    @AfterEach
    void close() throws Exception {
        gated.close();
    }

    private Outcome<DepositDecision> credit(IdempotencyKey key) {
        return ledger.depositOnce(SystemMoveCommand.of(new EnvId(ENV), new WalletId(wallet), Money.parse("10.00",
                "USD"),
                Memo.reference("top_1").withDescription("Card top-up")), key);
    }

    @Test
    void aSecondCallWaitsForTheFirstOnesAnswerAndGetsItAsAReplay() throws Exception {
        IdempotencyKey key = new IdempotencyKey("provider", "topup:top_1");
        gate.shut();
        WriterGate.Started<Outcome<DepositDecision>> first = WriterGate.start("first", () -> credit(key));
        gate.awaitWriterStopped();
        WriterGate.awaitParked(first.thread());
        assertThat(ledger.answered(key)).as("the first call is in flight").isNotDone();

        // a client's concurrent retry is answered at once, as SPEC says
        assertThat(credit(key).result().errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_IN_PROGRESS);

        WriterGate.Started<Outcome<DepositDecision>> second = WriterGate.start("second", () -> ledger.afterSameKey(key, () -> credit(key)));
        WriterGate.awaitParked(second.thread());
        assertThat(second.answer()).as("waiting for the first call's answer").isNotDone();
        gate.open();

        Outcome<DepositDecision> a = first.join();
        Outcome<DepositDecision> b = second.join();
        assertThat(a.replayed()).isFalse();
        assertThat(a.orThrow().credited()).isTrue();
        assertThat(b.replayed()).isTrue();
        assertThat(b.orThrow().movement().id()).isEqualTo(a.orThrow().movement().id());
        assertThat(ledger.wallet(ENV, wallet).orElseThrow().balance().postedMoney()).isEqualTo(Money.parse("10.00", "USD"));
        assertThat(ledger.answered(key)).isDone();
    }

    @Test
    void withNothingInFlightTheCallIsMadeOnce() {
        IdempotencyKey key = new IdempotencyKey("provider", "topup:top_2");
        Outcome<DepositDecision> done = ledger.afterSameKey(key, () -> credit(key));
        Outcome<DepositDecision> again = ledger.afterSameKey(key, () -> credit(key));

        assertThat(done.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(ledger.wallet(ENV, wallet).orElseThrow().balance().postedMoney()).isEqualTo(Money.parse("10.00", "USD"));
    }
}
