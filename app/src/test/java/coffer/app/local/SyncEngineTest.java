package coffer.app.local;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static coffer.app.local.LedgerAssertions.assertSameAsServer;
import static coffer.app.local.LedgerAssertions.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.app.InProcessServer;
import coffer.app.api.ApiClient;
import coffer.app.api.ApiException;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.api.TransactionTypes.TransactionView;
import coffer.core.api.TransferTypes.TransferRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The local ledger kept by the real server's change feed. */
class SyncEngineTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;
    private LocalLedger ledger;

    /** Alice has a second USD wallet she moves money to, and payments both ways with bob. */
    @BeforeAll
    static void someHistory() {
        ApiClient alice = SERVER.signedIn(ALICE);
        String main = alice.accounts().get(0).id();
        String pot = alice.openAccount("USD", true).id();
        alice.transfer(key(), new TransferRequest(main, pot, "40.00", "USD", "savings"));
        for (int i = 1; i <= 3; i++) {
            pay(alice, BOB, i + ".25", "lunch " + i);
        }
        pay(SERVER.signedIn(BOB), ALICE, "9.99", "books");
    }

    @BeforeEach
    void openLedger() {
        ledger = LocalLedger.open(dir.resolve("ledger.db"));
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static PaymentView pay(ApiClient from, String to, String amount, String description) {
        String wallet = from.accounts().get(0).id();
        return from.pay(key(), new PaymentRequest(amount, "USD", wallet, to, description, null));
    }

    /** Payments settle in the background; polls (with a deadline) until this one has. */
    private static void awaitCompleted(ApiClient payer, PaymentView payment) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!"completed".equals(payer.payment(payment.paymentId()).status())) {
            assertThat(Instant.now()).as("payment settled in time").isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void anEmptyCopyIsFilledWithEveryMovementAndBalanceTheServerHas() {
        ApiClient alice = SERVER.signedIn(ALICE);

        SyncEngine.SyncReport report = engine(alice, ledger, 1000).sync();

        assertThat(report.full()).isTrue();
        assertThat(report.check()).isEqualTo(SyncEngine.Check.OK);
        assertThat(report.received()).as("a first sync announces nothing").isEmpty();
        assertThat(ledger.state().cursor()).isNotNull();
        assertSameAsServer(alice, ledger);
        // the transfer between alice's own wallets is one row, the same from either side
        TransactionView savings = LedgerAssertions.localHistory(ledger, alice.accounts().get(1).id()).stream()
                .filter(t -> "savings".equals(t.description())).findFirst().orElseThrow();
        assertThat(ledger.transaction(savings.id())).hasValueSatisfying(t -> assertThat(t.direction()).isEqualTo("out"));
    }

    @Test
    void anIncrementalSyncPicksUpJustWhatAnotherUserDidSince() {
        ApiClient alice = SERVER.signedIn(ALICE);
        SyncEngine engine = engine(alice, ledger, 1000);
        SyncEngine.SyncReport full = engine.sync();
        long before = ledger.transactionCount();

        PaymentView paid = pay(SERVER.signedIn(BOB), ALICE, "7.00", "tickets");
        awaitCompleted(SERVER.signedIn(BOB), paid);
        SyncEngine.SyncReport report = engine.sync();

        assertThat(report.full()).isFalse();
        assertThat(report.rows()).as("the payment's and alice's wallet's changes, not the whole history")
                .isLessThan(full.rows());
        assertThat(report.received()).extracting(TransactionView::description).containsExactly("tickets");
        assertThat(report.received().get(0).amount()).isEqualTo("7.00");
        assertThat(ledger.transactionCount()).isEqualTo(before + 1);
        assertThat(ledger.transaction(paid.transactionId())).isPresent();
        assertSameAsServer(alice, ledger);
    }

    /**
     * Alice's engine, synced once; the first page fetch after {@code arm} is set runs {@code meanwhile} first, with
     * the engine (once).
     */
    private SyncEngine syncedEngineInterruptedOnce(ApiClient alice, AtomicBoolean arm, Consumer<SyncEngine> meanwhile) {
        AtomicReference<SyncEngine> self = new AtomicReference<>();
        SyncEngine engine = engine((cursor, limit) -> {
            if (arm.getAndSet(false)) {
                meanwhile.accept(self.get());
            }
            return alice.sync(cursor, limit);
        }, alice, ledger, 1000);
        self.set(engine);
        engine.sync();
        return engine;
    }

    /** Bob pays alice and it settles; then a sync is asked for, as the payment's event would, and folds in. */
    private static void bobPaysAndASyncIsAskedFor(SyncEngine running, String amount, String description) {
        ApiClient bob = SERVER.signedIn(BOB);
        awaitCompleted(bob, pay(bob, ALICE, amount, description));
        assertThat(running.sync()).as("folded into the running sync").isNull();
    }

    /**
     * A sync asked for while one runs folds into one more round of the running sync. When the running round is
     * the one that brings the payment in, and the folded round finds nothing new, the report must still say what
     * came in: the screen on show refreshes and the arrival is announced only from it.
     */
    @Test
    void aSyncAskedForWhileOneRunsReportsEveryRoundsChangesNotOnlyTheLast() {
        ApiClient alice = SERVER.signedIn(ALICE);
        AtomicBoolean arm = new AtomicBoolean();
        SyncEngine engine = syncedEngineInterruptedOnce(alice, arm,
                running -> bobPaysAndASyncIsAskedFor(running, "6.50", "concert"));
        long before = ledger.transactionCount();

        arm.set(true);
        SyncEngine.SyncReport report = engine.sync();

        assertThat(ledger.transactionCount()).isEqualTo(before + 1);
        assertThat(report.rows()).as("the rows the first round applied count too").isPositive();
        assertThat(report.received()).extracting(TransactionView::description).containsExactly("concert");
        assertSameAsServer(alice, ledger);
    }

    @Test
    void aSyncAskedForWhileAFailingOneRunsIsStillRun() {
        ApiClient alice = SERVER.signedIn(ALICE);
        AtomicBoolean arm = new AtomicBoolean();
        SyncEngine engine = syncedEngineInterruptedOnce(alice, arm, running -> {
            bobPaysAndASyncIsAskedFor(running, "3.75", "taxi");
            throw new IllegalStateException("the local disk hiccuped");
        });

        arm.set(true);
        SyncEngine.SyncReport report = engine.sync();

        assertThat(report).as("the sync asked for while the failing one ran").isNotNull();
        assertThat(report.received()).extracting(TransactionView::description).containsExactly("taxi");
        assertSameAsServer(alice, ledger);
    }

    @Test
    void aFailingSyncWithNothingAskedForMeanwhileStillFailsAndTheNextOneRuns() {
        AtomicBoolean arm = new AtomicBoolean();
        SyncEngine engine = syncedEngineInterruptedOnce(SERVER.signedIn(ALICE), arm, running -> {
            throw new IllegalStateException("the local disk hiccuped");
        });

        arm.set(true);
        assertThatThrownBy(engine::sync).hasMessageContaining("hiccuped");
        assertThat(engine.sync()).as("not left marked as running").isNotNull();
    }

    @Test
    void aSyncCutShortByTheServerStoppingResumesAfterTheLastAppliedPage() {
        ApiClient alice = SERVER.signedIn(ALICE);
        AtomicInteger pages = new AtomicInteger();
        SyncEngine.Feed stopsAfterTheFirstPage = (cursor, limit) -> {
            var page = alice.sync(cursor, limit);
            if (pages.incrementAndGet() == 1) {
                SERVER.stop();
            }
            return page;
        };
        try {
            assertThatThrownBy(() -> engine(stopsAfterTheFirstPage, alice, ledger, 2).sync())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NETWORK_DOWN));
            assertThat(ledger.state().cursor()).as("the first page was kept").isNotNull();
            assertThat(ledger.transactionCount()).isLessThanOrEqualTo(2);
        } finally {
            SERVER.startAgain();
        }

        SyncEngine.SyncReport resumed = engine(alice, ledger, 2).sync();

        assertThat(resumed.full()).as("resumed from the stored cursor").isFalse();
        assertThat(resumed.check()).isEqualTo(SyncEngine.Check.OK);
        assertSameAsServer(alice, ledger);
    }

    @Test
    void aCorruptedLocalRowIsCaughtByTheBalanceCheckAndHealed() {
        ApiClient alice = SERVER.signedIn(ALICE);
        SyncEngine engine = engine(alice, ledger, 1000);
        engine.sync();
        String wallet = alice.accounts().get(0).id();
        TransactionView lunch = LedgerAssertions.localHistory(ledger, wallet).stream()
                .filter(t -> t.description() != null && t.description().startsWith("lunch")).findFirst().orElseThrow();
        ledger.database().write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE transactions SET amount_minor = amount_minor + 5000 WHERE id = ?")) {
                s.setString(1, lunch.id());
                return s.executeUpdate();
            }
        });
        assertThat(ledger.mismatches()).extracting(LocalLedger.Mismatch::walletId).containsExactly(wallet);

        SyncEngine.SyncReport report = engine.sync();

        assertThat(report.check()).isEqualTo(SyncEngine.Check.HEALED);
        assertThat(ledger.transaction(lunch.id())).hasValueSatisfying(t -> assertThat(t.amount()).isEqualTo(lunch.amount()));
        assertSameAsServer(alice, ledger);
    }

    @Test
    void runningSumsThatDriftedFromTheirRowsAreSummedAgain() {
        ApiClient alice = SERVER.signedIn(ALICE);
        SyncEngine engine = engine(alice, ledger, 1000);
        engine.sync();
        ledger.database().write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE wallet_sums SET posted_in = posted_in + 1")) {
                return s.executeUpdate();
            }
        });
        assertThat(ledger.mismatches()).isNotEmpty();

        SyncEngine.SyncReport report = engine.sync();

        assertThat(report.check()).isEqualTo(SyncEngine.Check.HEALED);
        assertSameAsServer(alice, ledger);
    }
}
