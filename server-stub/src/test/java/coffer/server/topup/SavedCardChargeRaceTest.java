package coffer.server.topup;

import coffer.server.ledger.EnvId;
import coffer.server.tenant.Tenants;
import coffer.core.api.TopupTypes.CardChargeRequest;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.PasswordHasher;
import coffer.server.auth.Principal;
import coffer.server.db.Database;
import coffer.server.gateway.ProviderEvent;
import coffer.server.tenant.DemoData;
import coffer.server.ledger.IdempotencyKey;
import coffer.server.ledger.LedgerService;
import coffer.server.ledger.Outcome;
import coffer.server.redirect.ReturnOrigins;
import coffer.server.testing.GatedLedger;
import coffer.server.testing.TestDatabases;
import coffer.server.testing.WriterGate;
import coffer.server.withdrawal.FakeProvider;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A saved card charged again: the provider's synchronous "succeeded" and its {@code charge.succeeded}
 * webhook credit the same top-up, and whichever comes second waits for the first's ledger answer; a
 * client's retry while the provider has not answered yet is told the first is still in progress. On
 * PostgreSQL, where the ledger writer held at its gate locks nothing the top-up's own rows need (SQLite's
 * writer holds the one write lock from BEGIN on).
 */
class SavedCardChargeRaceTest {
    private final FakeProvider provider = new FakeProvider();
    private GatedLedger gated;
    private WriterGate gate;
    private LedgerService ledger;
    private TopupService topups;
    private Principal alice;
    private String wallet;

    @BeforeEach
    void open() {
        gated = new GatedLedger(TestDatabases.postgres());
        gate = gated.gate;
        ledger = gated.ledger;
        Database database = gated.database;
        DemoData.seed(ledger, PasswordHasher.standard().hash(DemoData.PASSWORD));
        String id = new Tenants(ledger).userByEmail(new EnvId(DemoData.ENV_ID), "alice@example.com").orElseThrow().id();
        alice = new Principal(DemoData.ENV_ID, id, "session");
        wallet = ledger.wallets(DemoData.ENV_ID, id).get(0).id();
        Supplier<String> baseUrl = () -> "http://127.0.0.1:9";
        topups = new TopupService(ledger, provider, database, Clock.systemUTC(), baseUrl,
                new ReturnOrigins(database, baseUrl, Clock.systemUTC()));
    }

    @AfterEach
    void close() throws Exception {
        gated.close();
    }

    private Outcome<Topup> charge(IdempotencyKey key) {
        return topups.chargeSavedCard(alice, "card_1", "auth_1", new CardChargeRequest(wallet, "10.00", "USD"), key);
    }

    private boolean webhook(String topupId) {
        JsonObject data = new JsonObject();
        data.addProperty("reference", topupId);
        data.addProperty("charge_id", "ch_" + topupId);
        return topups.events().handle(new ProviderEvent("evt_" + topupId, "charge.succeeded", Instant.now(), data));
    }

    private String balance() {
        return ledger.wallet(DemoData.ENV_ID, wallet).orElseThrow().balance().postedMoney().toDecimalString();
    }

    @Test
    void theWebhookCreditingFirstMakesTheAnswerWaitForItAndBothSayCompleted() throws Exception {
        AtomicReference<WriterGate.Started<Boolean>> webhook = new AtomicReference<>();
        provider.beforeCharge = reference -> {
            // the webhook comes in before the provider's answer does, and its credit is held at the writer
            gate.shut();
            webhook.set(WriterGate.start("webhook", () -> webhook(reference)));
            try {
                gate.awaitWriterStopped();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            WriterGate.awaitParked(webhook.get().thread());
        };
        WriterGate.Started<Outcome<Topup>> answer = WriterGate.start("synchronous answer", () -> charge(null));
        WriterGate.awaitParked(answer.thread());
        assertThat(webhook.get()).isNotNull();
        assertThat(answer.answer()).as("the answer waits for the webhook's credit").isNotDone();
        gate.open();

        Topup t = answer.join().orThrow();
        assertThat(t.status()).isEqualTo(TopupStatus.COMPLETED);
        assertThat(webhook.get().join()).as("applied, not to be sent again").isTrue();
        assertThat(t.transactionId()).isNotNull();
        assertThat(balance()).isEqualTo("1010.00");
    }

    @Test
    void theAnswerCreditingFirstMakesTheWebhookWaitForItAndBothSayCompleted() throws Exception {
        provider.beforeCharge = reference -> gate.shut();
        WriterGate.Started<Outcome<Topup>> answer = WriterGate.start("synchronous answer", () -> charge(null));
        gate.awaitWriterStopped();
        WriterGate.awaitParked(answer.thread());
        String id = provider.charges.get(0);
        WriterGate.Started<Boolean> webhook = WriterGate.start("webhook", () -> webhook(id));
        WriterGate.awaitParked(webhook.thread());
        assertThat(webhook.answer()).as("the webhook waits for the answer's credit").isNotDone();
        gate.open();

        assertThat(answer.join().orThrow().status()).isEqualTo(TopupStatus.COMPLETED);
        assertThat(webhook.join()).isTrue();
        assertThat(topups.find(id).orElseThrow().status()).isEqualTo(TopupStatus.COMPLETED);
        assertThat(balance()).isEqualTo("1010.00");
    }

    @Test
    void aRetryWhileTheProviderHasNotAnsweredIsInProgressThenReplays() throws Exception {
        IdempotencyKey key = new IdempotencyKey(alice.idempotencyScope(), "charge-1");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answerNow = new CountDownLatch(1);
        provider.beforeCharge = reference -> {
            asked.countDown();
            try {
                answerNow.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        WriterGate.Started<Outcome<Topup>> first = WriterGate.start("first", () -> charge(key));
        assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();

        // how long the provider takes is not Coffer's to bound: the retry is told to come back, not made to wait
        assertThatThrownBy(() -> charge(key)).isInstanceOfSatisfying(CofferException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_IN_PROGRESS));
        answerNow.countDown();

        Topup done = first.join().orThrow();
        assertThat(done.status()).isEqualTo(TopupStatus.COMPLETED);
        Outcome<Topup> again = charge(key);
        assertThat(again.replayed()).isTrue();
        assertThat(again.orThrow().id()).isEqualTo(done.id());
        assertThat(provider.charges).hasSize(1);
        assertThat(balance()).isEqualTo("1010.00");
    }
}
