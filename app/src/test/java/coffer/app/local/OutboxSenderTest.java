package coffer.app.local;

import static coffer.app.InProcessServer.ALICE;
import static coffer.app.InProcessServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import coffer.app.InProcessServer;
import coffer.app.StepExecutor;
import coffer.app.api.ApiClient;
import coffer.app.local.OutboxEntry.State;
import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.money.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {
    @RegisterExtension
    static final InProcessServer SERVER = new InProcessServer();

    @TempDir
    Path dir;
    private LocalDatabase db;
    private Outbox outbox;
    private final StepExecutor executor = new StepExecutor();
    private final List<OutboxEntry> seen = new ArrayList<>();
    private final OutboxSender.Listener listener = seen::add;

    @BeforeEach
    void open() {
        db = LocalDatabase.open(dir.resolve("ledger.db"));
        outbox = new Outbox(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private OutboxSender sender(OutboxSender.Transport transport) {
        OutboxSender sender = new OutboxSender(outbox, transport, executor);
        sender.addListener(listener);
        return sender;
    }

    private static OutboxSender.Transport through(ApiClient api) {
        return OutboxSender.Transport.of(api::pay, api::transfer);
    }

    private static String walletOf(String user) {
        return SERVER.signedIn(user).accounts().get(0).id();
    }

    private static long availableMinor(String user) {
        AccountView wallet = SERVER.signedIn(user).accounts().get(0);
        return Money.parse(wallet.availableBalance(), wallet.currency()).minor();
    }

    private OutboxEntry queuePayment(String amount) {
        return outbox.enqueuePayment(UUID.randomUUID(),
                new PaymentRequest(amount, "USD", walletOf(ALICE), BOB, "outbox test", null), amount + " USD to " + BOB);
    }

    @Test
    void entriesAreSentStrictlyInOrderAndMarkedSentWithTheServersPaymentId() {
        List<OutboxEntry> queued = List.of(queuePayment("1.00"), queuePayment("2.00"), queuePayment("3.00"));
        List<String> order = new ArrayList<>();
        OutboxSender.Transport api = through(SERVER.signedIn(ALICE));

        sender(entry -> {
            order.add(entry.clientId());
            return api.send(entry);
        }).sendNow();

        assertThat(order).containsExactlyElementsOf(queued.stream().map(OutboxEntry::clientId).toList());
        for (OutboxEntry entry : queued) {
            OutboxEntry now = outbox.find(entry.clientId()).orElseThrow();
            assertThat(now.state()).isEqualTo(State.SENT);
            assertThat(SERVER.signedIn(ALICE).payment(now.serverId()).amount()).isEqualTo(Outbox.payment(entry).amount());
        }
        assertThat(seen).extracting(OutboxEntry::state).containsExactly(State.SENT, State.SENT, State.SENT);
        assertThat(outbox.unfinished()).isEmpty();
    }

    @Test
    void aRefusalFailsTheEntryWithTheServersReasonAndTheNextOneIsStillSent() {
        long before = availableMinor(ALICE);
        OutboxEntry tooMuch = queuePayment("1500.00");
        OutboxEntry fine = queuePayment("4.00");

        sender(through(SERVER.signedIn(ALICE))).sendNow();

        OutboxEntry failed = outbox.find(tooMuch.clientId()).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(failed.errorMessage()).isNotBlank();
        assertThat(outbox.find(fine.clientId()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(outbox.unfinished()).extracting(OutboxEntry::clientId).containsExactly(tooMuch.clientId());
        assertThat(before - availableMinor(ALICE)).as("only the 4.00 left").isEqualTo(400);
        assertThat(executor.pending()).as("nothing to retry").isZero();
    }

    @Test
    void noAnswerKeepsTheEntryQueuedInOrderAndTheRetryUsesTheSameKeyAndMovesMoneyOnce() {
        long bobBefore = availableMinor(BOB);
        OutboxEntry first = queuePayment("5.00");
        OutboxEntry second = queuePayment("6.00");
        ApiClient unreachable = ApiClient.create("http://127.0.0.1:1");
        OutboxSender.Transport api = through(SERVER.signedIn(ALICE));
        AtomicInteger down = new AtomicInteger(2);
        List<String> keys = new ArrayList<>();
        OutboxSender sender = sender(entry -> {
            keys.add(entry.idempotencyKey());
            return (down.getAndDecrement() > 0 ? through(unreachable) : api).send(entry);
        });

        sender.sendNow();
        assertThat(outbox.find(first.clientId()).orElseThrow().state()).isEqualTo(State.QUEUED);
        assertThat(outbox.find(second.clientId()).orElseThrow().attempts()).as("waits its turn").isZero();
        assertThat(executor.runScheduled()).as("a retry after a backoff").isEqualTo(1);
        assertThat(executor.runScheduled()).as("and another, longer").isEqualTo(1);
        assertThat(executor.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(outbox.find(first.clientId()).orElseThrow())
                .extracting(OutboxEntry::state, OutboxEntry::attempts).containsExactly(State.SENT, 3);
        assertThat(outbox.find(second.clientId()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(keys).containsExactly(first.idempotencyKey(), first.idempotencyKey(), first.idempotencyKey(),
                second.idempotencyKey());
        coffer.app.Eventually.holds(() -> assertThat(availableMinor(BOB) - bobBefore).isEqualTo(1100));
    }

    @Test
    void afterSignOutTheSenderSendsNothingAndTheEntryWaitsForTheNextSignIn() {
        OutboxEntry waiting = queuePayment("1.00");
        OutboxSender sender = sender(through(SERVER.signedIn(ALICE)));

        sender.stop();
        sender.sendNow();

        assertThat(outbox.find(waiting.clientId()).orElseThrow())
                .extracting(OutboxEntry::state, OutboxEntry::attempts).containsExactly(State.QUEUED, 0);
    }
}
